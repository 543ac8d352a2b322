//===- Packer.h - Packing orchestration: components, heuristics, exact ----===//
//
// The entry point used by asap-pack and by the frame-arena pass: checks the
// input, splits it into independent components, packs each with the greedy
// heuristics, then spends the time limit on the components that decide the
// answer with an exact phase (the MiniMalloc-style search for lifetime
// problems, Z3 for general conflict graphs and as a fallback for small
// components), and validates the result before returning it.
// No exception escapes: failures come back as a status and a message.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_PACKER_H
#define ASAP_SOLVER_PACKER_H

#include "Problem.h"

#include <string>
#include <vector>

namespace asap {
namespace solver {

enum class ExactMethod {
  Auto,   ///< Search for lifetime problems, Z3 for graphs / small leftovers.
  Search, ///< Only the dedicated search (lifetime problems).
  Z3,     ///< Only Z3.
  None,   ///< Heuristics only.
};

struct PackOptions {
  /// Peak the packing must not exceed; negative means minimise the peak.
  int64_t Capacity = -1;
  double TimeLimitSeconds = 10.0;
  ExactMethod Exact = ExactMethod::Auto;
  /// When set (e.g. "size/best-fit"), the only heuristic run; for
  /// baselines in benchmarks.
  std::string OnlyHeuristic;
};

enum class PackStatus {
  Packed,       ///< Offsets hold a valid packing (within Capacity if set).
  Infeasible,   ///< Proven: nothing fits the capacity.
  NotFound,     ///< No packing within the capacity found in time.
  InvalidInput, ///< The problem itself is malformed (see Message).
  InternalError ///< A bug: the packing failed validation (see Message).
};

struct PackResult {
  PackStatus Status = PackStatus::InternalError;
  std::vector<int64_t> Offsets;
  int64_t Peak = 0;
  int64_t LowerBound = 0; ///< Max live total / heaviest clique found.
  bool ProvenOptimal = false;
  size_t Components = 0;
  std::string Method; ///< What produced the packing of the tallest part.
  std::string Message;
  double Seconds = 0;
};

PackResult pack(const Problem &P, const PackOptions &Options);

const char *statusName(PackStatus S);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_PACKER_H
