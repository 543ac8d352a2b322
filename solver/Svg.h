//===- Svg.h - Drawing a packing ------------------------------------------===//
//
// One rectangle per buffer over time (x) and offset (y), with the lower
// bound (and the capacity, when one was given) drawn as horizontal lines,
// so wasted space in a packing is visible at a glance.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_SVG_H
#define ASAP_SOLVER_SVG_H

#include "Problem.h"

#include <string>
#include <vector>

namespace asap {
namespace solver {

/// Capacity < 0 means none is drawn.
std::string renderPackingSvg(const Problem &P,
                             const std::vector<int64_t> &Offsets,
                             int64_t LowerBound, int64_t Capacity);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_SVG_H
