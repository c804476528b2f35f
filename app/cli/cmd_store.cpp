#include <iomanip>
#include <map>

#include "app/cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"

namespace lqs::cli {

void addStoreCommand(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("store", "Inspect, export or clear the run-time store");
  cmd->require_subcommand(1);
  cmd->add_subcommand("show", "Runs per method and implementation")->callback([&session] {
    RunStore& store = session.store();
    std::cout << "store: " << store.file().string() << (store.persistent() ? "" : " (unavailable: memory only)")
              << "\nruns: " << store.count() << "\n";
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, double>> summary;
    for (const auto& run : store.allRuns()) {
      auto& entry = summary[{run.method, run.implementation}];
      entry.first += 1;
      entry.second += run.ok ? run.seconds : 0;
    }
    for (const auto& [key, value] : summary)
      std::cout << "  " << key.first << "  " << key.second << ": " << value.first << " runs, mean "
                << value.second / double(value.first) << " s\n";
    if (auto warning = store.takeWarning()) std::cerr << "warning: " << *warning << "\n";
  });
  auto file = std::make_shared<std::string>();
  auto* exportCmd = cmd->add_subcommand("export", "Write every run as CSV");
  exportCmd->add_option("FILE", *file, "CSV file")->required();
  exportCmd->callback([&session, file] {
    RunStore& store = session.store();
    const std::vector<RunRecord> runs = store.allRuns();
    if (!store.persistent())
      throw InputError(store.takeWarning().value_or("the run-time store is unavailable"));
    AtomicFile csv(*file);  // a full disk leaves no truncated CSV, and an older export stays whole
    csv.writeText([&](std::ostream& out) {
      out << "method,implementation,device,signature,score,seconds,time,ok\n";
      for (const auto& run : runs)
        out << run.method << "," << run.implementation << ",\"" << run.device << "\",\"" << run.signature
            << "\"," << run.score << "," << run.seconds << "," << std::setprecision(15) << run.time
            << std::setprecision(6) << "," << run.ok << "\n";
    });
    csv.commit();
    std::cout << "exported " << runs.size() << " runs to " << *file << "\n";
  });
  cmd->add_subcommand("clear", "Delete every recorded run")->callback([&session] {
    RunStore& store = session.store();
    const std::size_t runs = store.count();
    if (!store.persistent() || !store.clear())
      throw InputError("nothing cleared: " +
                       store.takeWarning().value_or("the run-time store is unavailable"));
    std::cout << "cleared " << runs << " runs from " << store.file().string() << "\n";
  });
}

}  // namespace lqs::cli
