#pragma once
// The scoring of NanoPyx's eSRRF parameter sweep (core/analysis/parameter_sweep.py): the grid of
// values along one parameter, the FRC resolutions turned into a 0..1 score by a logistic, QnR as the
// harmonic mean of that score and SQUIRREL's RSP, and the best grid point.
#include <cstddef>
#include <string>
#include <vector>

namespace lqs {

// `steps` values evenly spaced from `min` to `max` (just `min` for one step); ParameterError naming
// `what` for no steps or max < min.
std::vector<double> sweepValues(double min, double max, int steps, const std::string& what);

// Logistic map of the resolutions: the smallest finite value -> 0.925, the largest -> 0.075 (a smaller
// resolution is better); 0.5 when all finite values are equal. A non-finite value (no FRC crossing)
// scores 0, as the original's nan_to_num does; when no value is finite all score 0.5, so QnR ranks by
// RSP alone, as the original does when every FIRE number is 0 (its "no crossing").
std::vector<double> normalisedResolutions(const std::vector<double>& resolutions);

// 2 * rsp * nfrc / (rsp + nfrc), 0 where the sum is 0 or the result is not finite.
double qualityAndResolution(double rsp, double normalisedResolution);

// Index of the first largest value (numpy's argmax).
std::size_t firstArgmax(const std::vector<double>& values);

}  // namespace lqs
