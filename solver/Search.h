//===- Search.h - Exact packing search in the style of MiniMalloc ---------===//
//
// Decides whether a lifetime problem fits under a capacity by depth-first
// search over canonical solutions (Moffitt, "MiniMalloc", ASPLOS 2023):
// buffers are placed bottom-up in non-decreasing offset order, each at the
// lowest offset its placed conflicting buffers allow. Pruning:
//  * canonical order: no two orders of the same placement are both tried;
//  * dominance: a buffer is never placed at or above the top of another
//    unplaced buffer's lowest position (that gap could only stay empty);
//  * inference: in every section (a stretch of time between consecutive
//    lifetime end points) floor + unplaced sizes must fit the capacity;
//  * decomposition: once every buffer crossing a time point is placed, the
//    two sides are solved independently (and never re-searched jointly).
// Several static buffer orders are tried round-robin with a doubling node
// limit, because a bad order can take exponentially longer than a good one.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_SEARCH_H
#define ASAP_SOLVER_SEARCH_H

#include "Deadline.h"
#include "Problem.h"

#include <vector>

namespace asap {
namespace solver {

enum class SearchStatus {
  Feasible,   ///< Offsets hold a packing within the capacity.
  Infeasible, ///< The search space was exhausted: no packing exists.
  Timeout,    ///< The deadline passed first.
};

struct SearchStats {
  uint64_t Nodes = 0;
  uint64_t Backtracks = 0;
};

/// Only for lifetime problems (P.ExplicitConflicts false): sections and
/// decomposition need time points. G must be ConflictGraph::build(P).
SearchStatus searchPacking(const Problem &P, const ConflictGraph &G,
                           int64_t Capacity, const Deadline &Until,
                           std::vector<int64_t> &Offsets,
                           SearchStats *Stats = nullptr);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_SEARCH_H
