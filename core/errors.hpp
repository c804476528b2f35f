#pragma once
// Typed errors: each maps to one exit code at the edges (CLI main, GUI job runner).
#include <stdexcept>
#include <string>

namespace lqs {

// Anything the product throws on purpose; message is meant for the user.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A file is missing, unreadable, truncated, of an unsupported kind, or of the wrong shape (exit 3).
struct InputError : Error {
  using Error::Error;
};
// Unknown method/parameter/implementation or a value out of range (exit 2).
struct ParameterError : Error {
  using Error::Error;
};
// A GPU or back end failed (out of memory, build failure, driver error); the engine falls back.
struct DeviceError : Error {
  using Error::Error;
};
// Every eligible implementation failed (exit 4).
struct RunError : Error {
  using Error::Error;
};
// The user cancelled (SIGINT or the GUI's cancel button) (exit 130).
struct Cancelled : Error {
  Cancelled() : Error("cancelled") {}
};

}  // namespace lqs
