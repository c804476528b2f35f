#pragma once
// Each `lqs` sub-command adds itself to the parser; its callback does the work and may throw the
// typed errors that main() turns into exit codes.
#include <CLI/CLI.hpp>

#include "app/cli/session.hpp"
#include "engine/job.hpp"

namespace lqs::cli {

void addInfoCommand(CLI::App& app, Session& session);
void addMethodsCommand(CLI::App& app, Session& session);
void addRunCommand(CLI::App& app, Session& session, Job& job);
void addSampleCommand(CLI::App& app);
void addWorkflowCommand(CLI::App& app, Session& session, Job& job);
void addBenchCommand(CLI::App& app, Session& session, Job& job);
void addStoreCommand(CLI::App& app, Session& session);
void addProvenanceCommand(CLI::App& app);
void addRerunCommand(CLI::App& app, Session& session, Job& job);
void addSimulateCommand(CLI::App& app, Job& job);
void addLiveCommand(CLI::App& app, Session& session, Job& job);

}  // namespace lqs::cli
