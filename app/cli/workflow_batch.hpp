#pragma once
// `lqs workflow W.json --each PATTERN --out FOLDER`: one run of the workflow per input file. The
// file takes the place of the workflow's primary input (the first input of its first step)
// wherever that name appears; every step output goes to FOLDER/STEM/OUTPUT (STEM: the input's
// name without extension), and later steps read those; any other input (a reference image, a
// kernel) is shared by all runs.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/workflow.hpp"

namespace lqs::cli {

// The files the patterns match (glob(3); a plain existing path matches itself), sorted, without
// repeats. ParameterError when one matches nothing or two files share a stem (they would share an
// output folder).
std::vector<std::filesystem::path> expandInputs(const std::vector<std::string>& patterns);

// The workflow as it runs for `input`: primary input replaced, outputs under out/STEM/.
Workflow workflowForInput(const Workflow& workflow, const std::filesystem::path& input,
                          const std::filesystem::path& out);

// Every step output exists and is newer than every file the workflow reads (the input, and files
// every input shares, such as a kernel or a reference) and each of `sources` (the workflow file,
// which holds the parameters). Outputs are written atomically, so one that exists is complete.
bool outputsUpToDate(const Workflow& perInput, const std::vector<std::filesystem::path>& sources);

}  // namespace lqs::cli
