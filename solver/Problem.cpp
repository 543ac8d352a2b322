//===- Problem.cpp - Conflict graph, lower bound, validation --------------===//
//
// The conflict graph of a lifetime problem is built with one sweep over
// start times (two passes: count, then fill) so that 60,000-buffer model
// graphs never materialise an edge list of pairs. The lower bound of a
// general conflict graph is a heaviest-clique search: exact by bitmask
// branch and bound for small graphs, greedy from every vertex otherwise.
//
//===----------------------------------------------------------------------===//
#include "Problem.h"

#include <algorithm>
#include <numeric>
#include <queue>

namespace asap {
namespace solver {

void Problem::addConflict(uint32_t A, uint32_t B) {
  ExplicitConflicts = true;
  Conflicts.emplace_back(A, B);
}

// Visits every pair of buffers with intersecting lifetimes exactly once.
template <typename Fn>
static void forEachOverlappingPair(const Problem &P, Fn &&Visit) {
  std::vector<uint32_t> ByLower(P.size());
  std::iota(ByLower.begin(), ByLower.end(), 0);
  std::sort(ByLower.begin(), ByLower.end(), [&](uint32_t A, uint32_t B) {
    return P.Buffers[A].Lower < P.Buffers[B].Lower;
  });
  using Ending = std::pair<int64_t, uint32_t>;
  std::priority_queue<Ending, std::vector<Ending>, std::greater<Ending>> Ends;
  std::vector<uint32_t> Active;
  std::vector<uint32_t> PosInActive(P.size());
  for (uint32_t B : ByLower) {
    const Buffer &Buf = P.Buffers[B];
    while (!Ends.empty() && Ends.top().first <= Buf.Lower) {
      uint32_t Gone = Ends.top().second;
      Ends.pop();
      uint32_t Pos = PosInActive[Gone];
      Active[Pos] = Active.back();
      PosInActive[Active[Pos]] = Pos;
      Active.pop_back();
    }
    if (Buf.Size == 0 || Buf.Upper <= Buf.Lower)
      continue;
    for (uint32_t A : Active)
      Visit(A, B);
    PosInActive[B] = Active.size();
    Active.push_back(B);
    Ends.emplace(Buf.Upper, B);
  }
}

ConflictGraph ConflictGraph::build(const Problem &P) {
  ConflictGraph G;
  size_t N = P.size();
  std::vector<uint64_t> Degree(N, 0);
  auto Count = [&](uint32_t A, uint32_t B) {
    ++Degree[A];
    ++Degree[B];
  };
  std::vector<std::pair<uint32_t, uint32_t>> Edges;
  if (P.ExplicitConflicts) {
    for (auto [A, B] : P.Conflicts) {
      if (A == B || A >= N || B >= N || P.Buffers[A].Size == 0 ||
          P.Buffers[B].Size == 0)
        continue;
      Edges.emplace_back(std::min(A, B), std::max(A, B));
    }
    std::sort(Edges.begin(), Edges.end());
    Edges.erase(std::unique(Edges.begin(), Edges.end()), Edges.end());
    for (auto [A, B] : Edges)
      Count(A, B);
  } else {
    forEachOverlappingPair(P, Count);
  }
  G.Begin.assign(N + 1, 0);
  for (size_t V = 0; V < N; ++V)
    G.Begin[V + 1] = G.Begin[V] + Degree[V];
  G.Neighbors.resize(G.Begin[N]);
  std::vector<uint64_t> Cursor(G.Begin.begin(), G.Begin.end() - 1);
  auto Fill = [&](uint32_t A, uint32_t B) {
    G.Neighbors[Cursor[A]++] = B;
    G.Neighbors[Cursor[B]++] = A;
  };
  if (P.ExplicitConflicts) {
    for (auto [A, B] : Edges)
      Fill(A, B);
  } else {
    forEachOverlappingPair(P, Fill);
  }
  // Only clique search (explicit graphs) needs sorted lists; sorting the
  // tens of millions of entries of a large lifetime problem costs seconds.
  G.Sorted = P.ExplicitConflicts;
  if (G.Sorted)
    for (size_t V = 0; V < N; ++V)
      std::sort(G.Neighbors.begin() + G.Begin[V],
                G.Neighbors.begin() + G.Begin[V + 1]);
  return G;
}

bool ConflictGraph::adjacent(uint32_t A, uint32_t B) const {
  if (degree(A) > degree(B))
    std::swap(A, B);
  if (!Sorted)
    return std::find(begin(A), end(A), B) != end(A);
  return std::binary_search(begin(A), end(A), B);
}

static int64_t maxLiveTotal(const Problem &P) {
  std::vector<std::pair<int64_t, int64_t>> Events; // (time, +size/-size)
  Events.reserve(2 * P.size());
  for (const Buffer &B : P.Buffers) {
    if (B.Size == 0 || B.Upper <= B.Lower)
      continue;
    Events.emplace_back(B.Lower, B.Size);
    Events.emplace_back(B.Upper, -B.Size);
  }
  // Ends sort before starts at the same time: lifetimes are half-open.
  std::sort(Events.begin(), Events.end());
  int64_t Live = 0, Best = 0;
  for (auto [Time, Delta] : Events) {
    Live += Delta;
    Best = std::max(Best, Live);
  }
  return Best;
}

// Exact heaviest clique for graphs of at most 64 vertices.
static void exactClique(const std::vector<uint64_t> &Adj,
                        const std::vector<int64_t> &W, uint64_t Candidates,
                        int64_t Current, int64_t &Best, uint64_t &Budget) {
  if (Budget == 0)
    return;
  --Budget;
  if (Current > Best)
    Best = Current;
  int64_t Potential = Current;
  for (uint64_t C = Candidates; C; C &= C - 1)
    Potential += W[__builtin_ctzll(C)];
  if (Potential <= Best)
    return;
  while (Candidates) {
    int V = __builtin_ctzll(Candidates);
    Candidates &= Candidates - 1;
    exactClique(Adj, W, Candidates & Adj[V], Current + W[V], Best, Budget);
    Potential -= W[V];
    if (Potential <= Best)
      return;
  }
}

static int64_t heaviestCliqueFound(const Problem &P, const ConflictGraph &G) {
  size_t N = P.size();
  int64_t Best = 0;
  for (const Buffer &B : P.Buffers)
    Best = std::max(Best, B.Size);
  if (N <= 64) {
    std::vector<uint64_t> Adj(N, 0);
    std::vector<int64_t> W(N);
    for (uint32_t V = 0; V < N; ++V) {
      W[V] = P.Buffers[V].Size;
      for (const uint32_t *I = G.begin(V); I != G.end(V); ++I)
        Adj[V] |= uint64_t(1) << *I;
    }
    uint64_t All = N == 64 ? ~uint64_t(0) : ((uint64_t(1) << N) - 1);
    uint64_t Budget = 2000000;
    exactClique(Adj, W, All, 0, Best, Budget);
    return Best;
  }
  // Greedy: grow a clique from each vertex, heaviest neighbors first.
  std::vector<uint32_t> Starts(N);
  std::iota(Starts.begin(), Starts.end(), 0);
  const size_t MaxStarts = 4000;
  if (N > MaxStarts) {
    std::vector<int64_t> Score(N, 0);
    for (uint32_t V = 0; V < N; ++V) {
      Score[V] = P.Buffers[V].Size;
      for (const uint32_t *I = G.begin(V); I != G.end(V); ++I)
        Score[V] += P.Buffers[*I].Size;
    }
    std::partial_sort(Starts.begin(), Starts.begin() + MaxStarts, Starts.end(),
                      [&](uint32_t A, uint32_t B) { return Score[A] > Score[B]; });
    Starts.resize(MaxStarts);
  }
  std::vector<uint32_t> Order, Clique;
  for (uint32_t V : Starts) {
    Order.assign(G.begin(V), G.end(V));
    std::sort(Order.begin(), Order.end(), [&](uint32_t A, uint32_t B) {
      return P.Buffers[A].Size > P.Buffers[B].Size;
    });
    Clique.assign(1, V);
    int64_t Weight = P.Buffers[V].Size;
    for (uint32_t C : Order) {
      bool InAll = std::all_of(Clique.begin(), Clique.end(),
                               [&](uint32_t M) { return G.adjacent(M, C); });
      if (InAll) {
        Clique.push_back(C);
        Weight += P.Buffers[C].Size;
      }
    }
    Best = std::max(Best, Weight);
  }
  return Best;
}

int64_t lowerBound(const Problem &P, const ConflictGraph &G) {
  return P.ExplicitConflicts ? heaviestCliqueFound(P, G) : maxLiveTotal(P);
}

int64_t peakOf(const Problem &P, const std::vector<int64_t> &Offsets) {
  int64_t Peak = 0;
  for (size_t I = 0; I < P.size() && I < Offsets.size(); ++I)
    Peak = std::max(Peak, Offsets[I] + P.Buffers[I].Size);
  return Peak;
}

std::string validatePacking(const Problem &P, const ConflictGraph &G,
                            const std::vector<int64_t> &Offsets,
                            int64_t Capacity) {
  if (Offsets.size() != P.size())
    return "expected " + std::to_string(P.size()) + " offsets, got " +
           std::to_string(Offsets.size());
  for (size_t I = 0; I < P.size(); ++I) {
    const Buffer &B = P.Buffers[I];
    if (Offsets[I] < 0)
      return "buffer '" + B.Id + "' has no offset or a negative one";
    if (B.Alignment > 1 && Offsets[I] % B.Alignment != 0)
      return "buffer '" + B.Id + "' at offset " + std::to_string(Offsets[I]) +
             " is not aligned to " + std::to_string(B.Alignment);
    if (Capacity >= 0 && Offsets[I] + B.Size > Capacity)
      return "buffer '" + B.Id + "' ends at " +
             std::to_string(Offsets[I] + B.Size) + ", beyond capacity " +
             std::to_string(Capacity);
  }
  for (uint32_t A = 0; A < P.size(); ++A) {
    for (const uint32_t *I = G.begin(A); I != G.end(A); ++I) {
      uint32_t B = *I;
      if (B <= A)
        continue;
      int64_t AEnd = Offsets[A] + P.Buffers[A].Size;
      int64_t BEnd = Offsets[B] + P.Buffers[B].Size;
      if (Offsets[A] < BEnd && Offsets[B] < AEnd)
        return "buffers '" + P.Buffers[A].Id + "' and '" + P.Buffers[B].Id +
               "' are live together and overlap at offsets [" +
               std::to_string(std::max(Offsets[A], Offsets[B])) + ", " +
               std::to_string(std::min(AEnd, BEnd)) + ")";
    }
  }
  return "";
}

} // namespace solver
} // namespace asap
