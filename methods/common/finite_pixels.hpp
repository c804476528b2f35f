#pragma once
// One NaN or Inf pixel turns every output it reaches into NaN (a whole eSRRF image, an NLM region,
// a drift estimate), so the methods that cannot use such pixels refuse them up front, saying how
// many there are and where the first one is (exit 3).
#include <cstddef>
#include <string>

#include "core/stack.hpp"

namespace lqs {

// `count` frames of rows x cols starting at frame `firstFrame` of the input: throws InputError
// naming `method` when any pixel is NaN or Inf. The check is one vectorised pass over the exponent
// bits; the pixels are counted and located only when it fails.
void requireFinitePixels(const float* frames, std::size_t count, std::size_t rows, std::size_t cols,
                         std::size_t firstFrame, const std::string& method);

// The same over a whole stack in memory; `what` names it ("nlm", "squirrel reference").
void requireFinite(const Stack& stack, const std::string& what);

}  // namespace lqs
