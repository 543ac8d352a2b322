//===- Problem.h - Buffers to pack, their conflicts and bounds ------------===//
//
// The packing problem shared by every phase of the solver: buffers with a
// size, an alignment and either a lifetime [Lower, Upper) or explicit
// conflict edges (inside a branchy function two objects in different arms
// never conflict, so the conflict graph need not be an interval graph).
// Also the facts every phase relies on: the conflict graph in compressed
// form, the lower bound, and a validator for finished packings.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_PROBLEM_H
#define ASAP_SOLVER_PROBLEM_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace asap {
namespace solver {

struct Buffer {
  std::string Id;
  int64_t Lower = 0; ///< First time step the buffer is live.
  int64_t Upper = 0; ///< First time step after it (half-open interval).
  int64_t Size = 0;
  int64_t Alignment = 1;
};

struct Problem {
  std::vector<Buffer> Buffers;
  /// When true, Conflicts lists every pair that may be live together and
  /// the lifetimes are ignored; otherwise two buffers conflict exactly when
  /// their lifetimes intersect.
  bool ExplicitConflicts = false;
  std::vector<std::pair<uint32_t, uint32_t>> Conflicts;

  size_t size() const { return Buffers.size(); }
  /// Adds the edge A-B and switches the problem to explicit conflicts.
  void addConflict(uint32_t A, uint32_t B);
};

/// Undirected conflict graph in compressed sparse row form: neighbors of V
/// are Neighbors[Begin[V] .. Begin[V+1]) (sorted for explicit-conflict
/// problems only). Zero-size buffers get no edges since they can never
/// overlap anything.
class ConflictGraph {
public:
  static ConflictGraph build(const Problem &P);

  size_t numVertices() const { return Begin.empty() ? 0 : Begin.size() - 1; }
  uint64_t numEdges() const { return Neighbors.size() / 2; }
  const uint32_t *begin(uint32_t V) const { return Neighbors.data() + Begin[V]; }
  const uint32_t *end(uint32_t V) const {
    return Neighbors.data() + Begin[V + 1];
  }
  uint64_t degree(uint32_t V) const { return Begin[V + 1] - Begin[V]; }
  bool adjacent(uint32_t A, uint32_t B) const;

private:
  std::vector<uint64_t> Begin;
  std::vector<uint32_t> Neighbors;
  bool Sorted = false;
};

inline bool lifetimesIntersect(const Buffer &A, const Buffer &B) {
  return A.Lower < B.Upper && B.Lower < A.Upper;
}

/// A bound no packing can beat. For lifetimes: the largest total size live
/// at one moment (exact maximum clique of an interval graph). For explicit
/// conflicts: the heaviest clique a greedy search finds from every vertex.
int64_t lowerBound(const Problem &P, const ConflictGraph &G);

/// max(offset + size) over all buffers; 0 for an empty problem.
int64_t peakOf(const Problem &P, const std::vector<int64_t> &Offsets);

/// Checks a packing: every offset present, non-negative and aligned, no two
/// conflicting buffers overlapping, and the peak within Capacity when
/// Capacity >= 0. Returns an empty string when valid, else one line naming
/// the offending buffers.
std::string validatePacking(const Problem &P, const ConflictGraph &G,
                            const std::vector<int64_t> &Offsets,
                            int64_t Capacity = -1);

inline int64_t alignUp(int64_t Value, int64_t Alignment) {
  if (Alignment <= 1)
    return Value;
  int64_t Rem = Value % Alignment;
  return Rem == 0 ? Value : Value + (Alignment - Rem);
}

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_PROBLEM_H
