#pragma once
// Shared by the GUI test files: one QApplication on Qt's offscreen platform, one session, and a
// helper that runs the event loop until an engine-thread job ends.
#include <QApplication>
#include <QString>
#include <functional>
#include <vector>

#include "app/cli/session.hpp"
#include "app/gui/engine_thread.hpp"
#include "core/sample.hpp"

namespace lqs::gui::test {

QApplication& application();
cli::Session& session();

struct Outcome {
  std::vector<StepResult> steps;
  QString failure;
  bool finished = false, succeeded = false;
};

// Runs the event loop until the job started by `start` finishes (or 60 s pass); what was signalled.
// `connect` may attach more handlers to the engine's signals first.
Outcome waitFor(EngineThread& engine, const std::function<void()>& start,
                const std::function<void(QObject& context)>& connect = {});

Stack smallSample(std::size_t frames, std::size_t size);

}  // namespace lqs::gui::test
