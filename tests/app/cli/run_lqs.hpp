#pragma once
// Runs the built `lqs` as a user would: its exit code and what it printed.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace lqs::test {

struct Outcome {
  int code = -1;
  std::string out;
};

// A shell command's exit code and stdout.
inline Outcome runShell(const std::string& command) {
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) outcome.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

inline std::string lqsExecutable() {
  const char* override = std::getenv("LQS_EXE");  // bundled test binaries run a relocated lqs
  return override && *override ? override : LQS_EXE;
}

// stdout only, or stdout and stderr together
inline Outcome runLqs(const std::string& arguments, bool withStderr = false) {
  return runShell(lqsExecutable() + " " + arguments + (withStderr ? " 2>&1" : " 2>/dev/null"));
}

}  // namespace lqs::test
