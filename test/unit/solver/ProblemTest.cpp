//===- ProblemTest.cpp - Conflict graph, lower bounds, validation ---------===//
#include "Oracle.h"
#include "Problem.h"

#include <gtest/gtest.h>

using namespace asap::solver;

namespace {

Problem lifetimes(std::initializer_list<std::tuple<int64_t, int64_t, int64_t>>
                      Rows) {
  Problem P;
  for (auto [L, U, S] : Rows)
    P.Buffers.push_back({"b" + std::to_string(P.size()), L, U, S, 1});
  return P;
}

TEST(ConflictGraph, HalfOpenLifetimesTouchingDoNotConflict) {
  Problem P = lifetimes({{0, 3, 4}, {3, 9, 4}, {0, 9, 4}, {2, 4, 0}});
  ConflictGraph G = ConflictGraph::build(P);
  EXPECT_FALSE(G.adjacent(0, 1));
  EXPECT_TRUE(G.adjacent(0, 2));
  EXPECT_TRUE(G.adjacent(1, 2));
  EXPECT_EQ(G.degree(3), 0u) << "zero-size buffers conflict with nothing";
  EXPECT_EQ(G.numEdges(), 2u);
}

TEST(ConflictGraph, MatchesPairwiseDefinitionOnRandomProblems) {
  for (unsigned Seed = 1; Seed <= 30; ++Seed) {
    Problem P = test::randomLifetimeProblem(Seed, 25);
    ConflictGraph G = ConflictGraph::build(P);
    uint64_t Pairs = 0;
    for (uint32_t A = 0; A < P.size(); ++A)
      for (uint32_t B = A + 1; B < P.size(); ++B) {
        bool Expected = test::conflictsByDefinition(P, A, B);
        Pairs += Expected;
        EXPECT_EQ(G.adjacent(A, B), Expected) << "seed " << Seed;
      }
    EXPECT_EQ(G.numEdges(), Pairs);
  }
}

TEST(ConflictGraph, ExplicitEdgesAreDeduplicatedAndSymmetric) {
  Problem P = lifetimes({{0, 1, 1}, {0, 1, 1}, {0, 1, 1}});
  P.addConflict(0, 1);
  P.addConflict(1, 0);
  P.addConflict(2, 2);
  ConflictGraph G = ConflictGraph::build(P);
  EXPECT_EQ(G.numEdges(), 1u);
  EXPECT_TRUE(G.adjacent(1, 0));
  EXPECT_FALSE(G.adjacent(0, 2)) << "explicit mode ignores lifetimes";
}

TEST(LowerBound, LargestLiveTotal) {
  // Live totals: t0..2: 4+4+4, t3..8: 4+4+4, t9..20: 4+4.
  Problem P = lifetimes({{0, 3, 4}, {3, 9, 4}, {0, 9, 4}, {9, 21, 4},
                         {0, 21, 4}});
  EXPECT_EQ(lowerBound(P, ConflictGraph::build(P)), 12);
  Problem Q = lifetimes({{0, 2, 5}, {2, 4, 7}, {1, 3, 1}});
  EXPECT_EQ(lowerBound(Q, ConflictGraph::build(Q)), 8);
}

TEST(LowerBound, HeaviestCliqueOfNonIntervalGraph) {
  // A 5-cycle (not an interval graph): the heaviest clique is an edge.
  Problem P = lifetimes({{0, 1, 5}, {0, 1, 1}, {0, 1, 6}, {0, 1, 2},
                         {0, 1, 3}});
  for (uint32_t I = 0; I < 5; ++I)
    P.addConflict(I, (I + 1) % 5);
  EXPECT_EQ(lowerBound(P, ConflictGraph::build(P)), 8); // 6 + 2
  // Add the chord 0-2 to make the triangle 0-1-2 (5+1+6).
  P.addConflict(0, 2);
  EXPECT_EQ(lowerBound(P, ConflictGraph::build(P)), 12);
}

TEST(LowerBound, GreedyCliqueOnLargeGraphIsAClique) {
  // 100 vertices (beyond the exact search): two disjoint cliques.
  Problem P;
  P.ExplicitConflicts = true;
  for (int I = 0; I < 100; ++I)
    P.Buffers.push_back({"v" + std::to_string(I), 0, 1, I < 50 ? 2 : 3, 1});
  for (uint32_t A = 0; A < 100; ++A)
    for (uint32_t B = A + 1; B < 100; ++B)
      if ((A < 50) == (B < 50))
        P.addConflict(A, B);
  EXPECT_EQ(lowerBound(P, ConflictGraph::build(P)), 150);
}

TEST(Validate, ReportsOverlapMisalignmentAndCapacity) {
  Problem P = lifetimes({{0, 4, 4}, {2, 6, 4}, {5, 8, 4}});
  P.Buffers[2].Alignment = 4;
  ConflictGraph G = ConflictGraph::build(P);
  EXPECT_EQ(validatePacking(P, G, {0, 4, 0}), "");
  EXPECT_EQ(validatePacking(P, G, {0, 4, 0}, 8), "");
  std::string Overlap = validatePacking(P, G, {0, 3, 0});
  EXPECT_NE(Overlap.find("'b0' and 'b1'"), std::string::npos) << Overlap;
  std::string Align = validatePacking(P, G, {0, 4, 2});
  EXPECT_NE(Align.find("not aligned"), std::string::npos) << Align;
  std::string Cap = validatePacking(P, G, {0, 4, 0}, 7);
  EXPECT_NE(Cap.find("beyond capacity 7"), std::string::npos) << Cap;
  EXPECT_NE(validatePacking(P, G, {0, 4}), "");
  EXPECT_NE(validatePacking(P, G, {0, -1, 0}), "");
}

} // namespace
