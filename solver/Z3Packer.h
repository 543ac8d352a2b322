//===- Z3Packer.h - Exact packing with the Z3 SMT solver ------------------===//
//
// The exact phase for problems the dedicated search cannot take (general
// conflict graphs from branchy functions) and for small components: one
// integer offset per buffer, a disjunction "A below B or B below A" per
// conflicting pair, alignment as offset = alignment * k, identical buffers
// ordered to break symmetry, and the peak bound tightened step by step
// (each satisfying model lowers it; unsat proves the last one optimal).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_Z3PACKER_H
#define ASAP_SOLVER_Z3PACKER_H

#include "Deadline.h"
#include "Problem.h"

#include <string>
#include <vector>

namespace asap {
namespace solver {

struct Z3Result {
  enum Kind {
    Optimal,    ///< Offsets reach the smallest peak below the start bound.
    Improved,   ///< Offsets beat the start bound; optimality not proven.
    Infeasible, ///< Proven: no packing below the start bound exists.
    Unknown,    ///< Nothing found in time (or Z3 failed: see Error).
  } Status = Unknown;
  std::vector<int64_t> Offsets;
  int64_t Peak = 0;
  std::string Error;
};

/// Looks for packings with peak below BoundExclusive, tightening until
/// LowerBound is reached, unsat, the deadline, or (when StopAt >= 0) a peak
/// of at most StopAt. Never throws.
Z3Result z3Pack(const Problem &P, const ConflictGraph &G, int64_t LowerBound,
                int64_t BoundExclusive, const Deadline &Until,
                int64_t StopAt = -1);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_Z3PACKER_H
