#include <iomanip>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"

namespace lqs::cli {

void addInfoCommand(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("info", "Back ends and devices found, and the run-time store");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([&session, json] {
    nlohmann::json devices = nlohmann::json::array();
    for (const auto& d : session.devices())
      devices.push_back({{"id", d.shortName()},
                         {"backend", backendName(d.backend)},
                         {"name", d.name},
                         {"vendor", d.vendor},
                         {"driver", d.driver},
                         {"memory_bytes", d.memoryBytes}});
    if (*json) {
      std::cout << nlohmann::json{{"version", LQS_VERSION}, {"devices", devices},
                                  {"store", {{"path", session.store().file().string()},
                                             {"runs", session.store().count()},
                                             {"persistent", session.store().persistent()}}}}
                       .dump()
                << "\n";
      return;
    }
    std::cout << "LiquidScope " << LQS_VERSION << "\nDevices (--impl or LQS_DEVICE takes the short name):\n";
    for (const auto& d : session.devices()) {
      std::cout << "  " << std::left << std::setw(10) << d.shortName() << d.name << " (" << d.vendor << ", "
                << d.driver;
      if (d.memoryBytes) std::cout << ", " << d.memoryBytes / (1024 * 1024) << " MiB";
      std::cout << ")\n";
    }
    std::cout << "Run-time store: " << session.store().file().string() << " (" << session.store().count() << " runs"
              << (session.store().persistent() ? "" : ", unavailable: memory only") << ")\n";
  });
}

}  // namespace lqs::cli
