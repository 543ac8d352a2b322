//===- Components.h - Independent parts of a packing problem --------------===//
//
// Buffers in different connected components of the conflict graph never
// constrain each other, so each component is packed on its own from offset
// 0 and the peak is the largest component peak. For lifetime problems the
// components are the stretches between time points no buffer crosses (one
// sweep); for explicit conflict graphs Boost.Graph finds them.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_COMPONENTS_H
#define ASAP_SOLVER_COMPONENTS_H

#include "Problem.h"

#include <vector>

namespace asap {
namespace solver {

/// Groups of buffer indices, each sorted; zero-size buffers (which conflict
/// with nothing) are left out.
std::vector<std::vector<uint32_t>> conflictComponents(const Problem &P,
                                                      const ConflictGraph &G);

/// The buffers Members of P as a problem of their own (explicit conflicts
/// renumbered).
Problem subproblem(const Problem &P, const std::vector<uint32_t> &Members);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_COMPONENTS_H
