//===- driver/DriverError.cpp - Errors that end an asapc run --------------===//
//
// Errors that do not come from the driver (llvm::StringError from LLVM
// APIs) count as input errors: they are about files the user named.
//
//===----------------------------------------------------------------------===//

#include "driver/DriverError.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {
namespace driver {

char DriverError::ID = 0;

void DriverError::log(raw_ostream &OS) const { OS << Message; }

std::error_code DriverError::convertToErrorCode() const {
  return inconvertibleErrorCode();
}

Error inputError(const Twine &Message) {
  return make_error<DriverError>(Message.str(), ExitUsage);
}

Error internalError(const Twine &Message) {
  return make_error<DriverError>(Message.str(), ExitInternal);
}

int reportError(Error E) {
  int Code = ExitUsage;
  handleAllErrors(
      std::move(E),
      [&](const DriverError &DE) {
        errs() << "asapc: error: " << DE.message() << '\n';
        Code = std::max<int>(Code, DE.exitCode());
      },
      [&](const ErrorInfoBase &EI) {
        errs() << "asapc: error: " << EI.message() << '\n';
      });
  return Code;
}

} // namespace driver
} // namespace asap
