//===- driver/DriverError.h - Errors that end an asapc run -------*- C++
//-*-===//
//
// Every way asapc can fail is one line on stderr and an exit status. The
// status depends on whose fault it is: the user's input (2) or asap's own
// (3, e.g. a pass that produced invalid IR), so the error carries it.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_DRIVERERROR_H
#define ASAP_DRIVER_DRIVERERROR_H

#include "llvm/Support/Error.h"

#include <string>

namespace asap {
namespace driver {

enum ExitCode : int {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2, ///< Usage, missing file, compile or link error.
  ExitInternal = 3,
};

class DriverError : public llvm::ErrorInfo<DriverError> {
public:
  static char ID;
  DriverError(std::string Message, ExitCode Code)
      : Message(std::move(Message)), Code(Code) {}
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;
  ExitCode exitCode() const { return Code; }

private:
  std::string Message;
  ExitCode Code;
};

/// Bad command line, missing or unreadable input, compile or link error.
llvm::Error inputError(const llvm::Twine &Message);
/// asap itself failed (invalid IR after a pass, no target, ...).
llvm::Error internalError(const llvm::Twine &Message);

/// Prints "asapc: error: <message>" for each error in E and returns the
/// exit status (the most severe one).
int reportError(llvm::Error E);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_DRIVERERROR_H
