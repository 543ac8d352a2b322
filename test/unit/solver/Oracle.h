//===- Oracle.h - Exhaustive reference packer for small test instances ----===//
//
// The optimum of a small instance by brute force, independent of the code
// under test: every buffer order, each buffer at the lowest offset that
// clears its already-placed conflicting buffers. Some order reproduces any
// optimal packing (place buffers by their optimal offsets: each lands at or
// below its optimal offset), so the minimum over all orders is the optimum.
// Also a seeded generator of random small instances.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_TEST_SOLVER_ORACLE_H
#define ASAP_TEST_SOLVER_ORACLE_H

#include "Problem.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace asap {
namespace solver {
namespace test {

inline bool conflictsByDefinition(const Problem &P, uint32_t A, uint32_t B) {
  if (P.Buffers[A].Size == 0 || P.Buffers[B].Size == 0 || A == B)
    return false;
  if (!P.ExplicitConflicts)
    return lifetimesIntersect(P.Buffers[A], P.Buffers[B]);
  for (auto [X, Y] : P.Conflicts)
    if ((X == A && Y == B) || (X == B && Y == A))
      return true;
  return false;
}

/// Smallest peak over all orders with lowest-offset placement.
inline int64_t exhaustiveOptimum(const Problem &P) {
  size_t N = P.size();
  std::vector<uint32_t> Order(N);
  std::iota(Order.begin(), Order.end(), 0);
  std::vector<std::vector<bool>> Conflict(N, std::vector<bool>(N));
  for (uint32_t A = 0; A < N; ++A)
    for (uint32_t B = 0; B < N; ++B)
      Conflict[A][B] = conflictsByDefinition(P, A, B);
  int64_t Best = INT64_MAX;
  std::vector<int64_t> Off(N);
  do {
    std::vector<bool> Placed(N, false);
    int64_t Peak = 0;
    for (uint32_t B : Order) {
      const Buffer &Buf = P.Buffers[B];
      int64_t At = 0;
      // Raise At past any placed conflicting buffer it overlaps until stable.
      for (bool Moved = true; Moved;) {
        Moved = false;
        At = alignUp(At, Buf.Alignment);
        for (uint32_t O = 0; O < N; ++O)
          if (Placed[O] && Conflict[B][O] && At < Off[O] + P.Buffers[O].Size &&
              Off[O] < At + Buf.Size) {
            At = Off[O] + P.Buffers[O].Size;
            Moved = true;
          }
      }
      Off[B] = At;
      Placed[B] = true;
      Peak = std::max(Peak, At + Buf.Size);
    }
    Best = std::min(Best, Peak);
  } while (std::next_permutation(Order.begin(), Order.end()));
  return Best;
}

/// Random lifetime problem: N buffers, times in [0, 10), sizes 1..6.
inline Problem randomLifetimeProblem(unsigned Seed, size_t N,
                                     bool WithAlignment = false) {
  std::mt19937 Rng(Seed);
  Problem P;
  for (size_t I = 0; I < N; ++I) {
    Buffer B;
    B.Id = "b" + std::to_string(I);
    B.Lower = Rng() % 9;
    B.Upper = B.Lower + 1 + Rng() % 5;
    B.Size = 1 + Rng() % 6;
    if (WithAlignment)
      B.Alignment = 1 + Rng() % 3;
    P.Buffers.push_back(B);
  }
  return P;
}

/// Seven buffers whose optimum (5) exceeds the lower bound (4): the
/// "InfeasibleTricky" instance of MiniMalloc's tests.
inline Problem gapProblem() {
  Problem P;
  P.Buffers = {{"t0", 0, 1, 3, 1}, {"t1", 0, 3, 1, 1}, {"t2", 4, 5, 3, 1},
               {"t3", 2, 5, 1, 1}, {"t4", 1, 2, 2, 1}, {"t5", 3, 4, 2, 1},
               {"t6", 1, 4, 1, 1}};
  return P;
}

/// Random general conflict graph: each pair conflicts with probability 1/2.
inline Problem randomGraphProblem(unsigned Seed, size_t N) {
  std::mt19937 Rng(Seed);
  Problem P;
  P.ExplicitConflicts = true;
  for (size_t I = 0; I < N; ++I) {
    Buffer B;
    B.Id = "g" + std::to_string(I);
    B.Lower = 0;
    B.Upper = 1;
    B.Size = 1 + Rng() % 7;
    P.Buffers.push_back(B);
  }
  for (uint32_t A = 0; A < N; ++A)
    for (uint32_t B = A + 1; B < N; ++B)
      if (Rng() % 2)
        P.addConflict(A, B);
  return P;
}

} // namespace test
} // namespace solver
} // namespace asap

#endif // ASAP_TEST_SOLVER_ORACLE_H
