// lqs: the headless LiquidScope command (no Qt, no VTK). Exit codes: 0 ok, 2 usage/parameter,
// 3 input, 4 run failure; cancelled: 130 (SIGINT), 143 (SIGTERM), 129 (SIGHUP), as a shell reports
// a process those signals ended.
#include <tbb/global_control.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/cli/commands.hpp"
#include "core/errors.hpp"

namespace {

lqs::Job* runningJob = nullptr;
volatile std::sig_atomic_t stoppedBy = SIGINT;

// SIGTERM (a scheduler, `kill`) and SIGHUP (a closed terminal) stop a run as Ctrl-C does: cancelled
// between frames, no output, temporary files removed.
extern "C" void onStopSignal(int signal) {
  stoppedBy = signal;
  if (runningJob) runningJob->cancel();
}

std::unique_ptr<tbb::global_control> threadLimitFromEnvironment() {
  const char* text = std::getenv("LQS_THREADS");
  if (!text) return nullptr;
  const long threads = std::strtol(text, nullptr, 10);
  if (threads < 1) throw lqs::ParameterError("LQS_THREADS must be a positive number, got '" + std::string(text) + "'");
  return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                               static_cast<std::size_t>(threads));
}

int fail(int code, const std::string& message) {
  std::cerr << "lqs: " << message << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"LiquidScope headless: super-resolution microscopy methods through the Liquid Engine", "lqs"};
  app.set_version_flag("--version", std::string("lqs ") + LQS_VERSION);
  app.require_subcommand(1);

  lqs::cli::Session session;
  lqs::Job job;
  runningJob = &job;
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, onStopSignal);

  lqs::cli::addInfoCommand(app, session);
  lqs::cli::addMethodsCommand(app, session);
  lqs::cli::addRunCommand(app, session, job);
  lqs::cli::addSampleCommand(app);
  lqs::cli::addWorkflowCommand(app, session, job);
  lqs::cli::addBenchCommand(app, session, job);
  lqs::cli::addStoreCommand(app, session);
  lqs::cli::addProvenanceCommand(app);
  lqs::cli::addRerunCommand(app, session, job);
  lqs::cli::addSimulateCommand(app, job);
  lqs::cli::addLiveCommand(app, session, job);

  try {
    const auto threads = threadLimitFromEnvironment();
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const lqs::Cancelled&) {
    return fail(128 + stoppedBy, "cancelled; no output written");
  } catch (const lqs::ParameterError& e) {
    return fail(2, e.what());
  } catch (const lqs::InputError& e) {
    return fail(3, e.what());
  } catch (const lqs::Error& e) {
    return fail(4, e.what());
  } catch (const std::bad_alloc&) {
    return fail(4, "out of memory; try fewer frames or a smaller region");
  } catch (const std::exception& e) {
    return fail(4, std::string("internal error: ") + e.what());
  }
}
