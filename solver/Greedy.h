//===- Greedy.h - Fast packing heuristics ---------------------------------===//
//
// The first phase: place buffers one at a time, each at a gap left by the
// already-placed buffers it conflicts with (best fit, as TFLite's and XLA's
// greedy-by-size allocators do, or lowest fit), under several orderings;
// keep the lowest peak. Cost per buffer is its conflict degree times a log,
// so a 60,000-buffer model graph packs in well under a second per ordering.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_GREEDY_H
#define ASAP_SOLVER_GREEDY_H

#include "Deadline.h"
#include "Problem.h"

#include <string>
#include <vector>

namespace asap {
namespace solver {

enum class GreedyOrder {
  Size,         ///< Largest size first (greedy by size).
  Area,         ///< Largest size x lifetime first.
  Lifetime,     ///< Longest lifetime first, then size.
  ConflictLoad, ///< Largest size plus sizes of all conflicting buffers first.
  Start,        ///< Earliest start first, then size (linear scan).
  SizeClass,    ///< Power-of-two size class first, longest lifetime within.
};

enum class Fit {
  Best,   ///< Smallest gap that holds the buffer, else on top.
  Lowest, ///< Lowest gap that holds the buffer.
};

const char *greedyOrderName(GreedyOrder O);
const char *fitName(Fit F);
/// Every heuristic bestGreedy runs, as "order/fit", in the order it runs them.
std::vector<std::string> heuristicNames();

/// Packs every buffer of P in the given order; returns one offset per
/// buffer (zero-size buffers at 0).
std::vector<int64_t> greedyPack(const Problem &P, const ConflictGraph &G,
                                GreedyOrder Order, Fit F);

struct GreedyResult {
  std::vector<int64_t> Offsets;
  int64_t Peak = 0;
  std::string Heuristic; ///< e.g. "size/best-fit".
};

/// Runs every ordering with both fits, most promising first, stopping at
/// LowerBound or before a run would likely overshoot the deadline (one run
/// always happens); keeps the lowest peak. Only, when not empty, names the
/// single run to make (e.g. "size/best-fit", the TFLite/XLA baseline).
GreedyResult bestGreedy(const Problem &P, const ConflictGraph &G,
                        int64_t LowerBound, const Deadline &Until,
                        const std::string &Only = "");

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_GREEDY_H
