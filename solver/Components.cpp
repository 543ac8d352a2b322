//===- Components.cpp - Independent parts of a packing problem ------------===//
#include "Components.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace asap {
namespace solver {

static std::vector<std::vector<uint32_t>>
lifetimeComponents(const Problem &P) {
  std::vector<uint32_t> ByLower;
  for (uint32_t I = 0; I < P.size(); ++I)
    if (P.Buffers[I].Size > 0)
      ByLower.push_back(I);
  std::sort(ByLower.begin(), ByLower.end(), [&](uint32_t A, uint32_t B) {
    return P.Buffers[A].Lower < P.Buffers[B].Lower;
  });
  std::vector<std::vector<uint32_t>> Result;
  int64_t Reach = INT64_MIN; // Latest end seen in the current component.
  for (uint32_t I : ByLower) {
    if (Result.empty() || P.Buffers[I].Lower >= Reach)
      Result.emplace_back();
    Result.back().push_back(I);
    Reach = std::max(Reach, P.Buffers[I].Upper);
  }
  for (auto &C : Result)
    std::sort(C.begin(), C.end());
  return Result;
}

static std::vector<std::vector<uint32_t>>
graphComponents(const Problem &P, const ConflictGraph &G) {
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph BG(P.size());
  for (uint32_t A = 0; A < P.size(); ++A)
    for (const uint32_t *I = G.begin(A); I != G.end(A); ++I)
      if (*I > A)
        boost::add_edge(A, *I, BG);
  std::vector<int> ComponentOf(P.size());
  int Count = boost::connected_components(BG, ComponentOf.data());
  std::vector<std::vector<uint32_t>> Result(Count);
  for (uint32_t I = 0; I < P.size(); ++I)
    if (P.Buffers[I].Size > 0)
      Result[ComponentOf[I]].push_back(I);
  Result.erase(std::remove_if(Result.begin(), Result.end(),
                              [](const auto &C) { return C.empty(); }),
               Result.end());
  return Result;
}

std::vector<std::vector<uint32_t>> conflictComponents(const Problem &P,
                                                      const ConflictGraph &G) {
  return P.ExplicitConflicts ? graphComponents(P, G) : lifetimeComponents(P);
}

Problem subproblem(const Problem &P, const std::vector<uint32_t> &Members) {
  Problem Sub;
  Sub.ExplicitConflicts = P.ExplicitConflicts;
  Sub.Buffers.reserve(Members.size());
  std::unordered_map<uint32_t, uint32_t> Local;
  for (uint32_t M : Members) {
    Local.emplace(M, uint32_t(Sub.Buffers.size()));
    Sub.Buffers.push_back(P.Buffers[M]);
  }
  if (P.ExplicitConflicts)
    for (auto [A, B] : P.Conflicts) {
      auto IA = Local.find(A), IB = Local.find(B);
      if (IA != Local.end() && IB != Local.end())
        Sub.Conflicts.emplace_back(IA->second, IB->second);
    }
  return Sub;
}

} // namespace solver
} // namespace asap
