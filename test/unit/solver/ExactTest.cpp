//===- ExactTest.cpp - Search and Z3 reach optima known by brute force ----===//
#include "Oracle.h"
#include "Search.h"
#include "Z3Packer.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace asap::solver;

namespace {

Problem exampleProblem() {
  // ../shared/packing/examples/input.12.csv: optimum 12.
  Problem P;
  P.Buffers = {{"b1", 0, 3, 4, 1}, {"b2", 3, 9, 4, 1}, {"b3", 0, 9, 4, 1},
               {"b4", 9, 21, 4, 1}, {"b5", 0, 21, 4, 1}};
  return P;
}

TEST(Search, ExampleFitsTwelveNotEleven) {
  Problem P = exampleProblem();
  ConflictGraph G = ConflictGraph::build(P);
  std::vector<int64_t> Offsets;
  ASSERT_EQ(searchPacking(P, G, 12, Deadline(10), Offsets),
            SearchStatus::Feasible);
  EXPECT_EQ(validatePacking(P, G, Offsets, 12), "");
  EXPECT_EQ(searchPacking(P, G, 11, Deadline(10), Offsets),
            SearchStatus::Infeasible);
}

TEST(Search, MatchesExhaustiveOptimumOnRandomProblems) {
  for (unsigned Seed = 1; Seed <= 60; ++Seed) {
    Problem P = test::randomLifetimeProblem(Seed, 3 + Seed % 5, Seed % 3 == 0);
    ConflictGraph G = ConflictGraph::build(P);
    int64_t Opt = test::exhaustiveOptimum(P);
    std::vector<int64_t> Offsets;
    ASSERT_EQ(searchPacking(P, G, Opt, Deadline(10), Offsets),
              SearchStatus::Feasible)
        << "seed " << Seed << " optimum " << Opt;
    EXPECT_EQ(validatePacking(P, G, Offsets, Opt), "") << "seed " << Seed;
    EXPECT_EQ(searchPacking(P, G, Opt - 1, Deadline(10), Offsets),
              SearchStatus::Infeasible)
        << "seed " << Seed << ": found a packing below the optimum";
  }
}

TEST(Search, ProvesInfeasibilityAboveTheLowerBound) {
  Problem P = test::gapProblem();
  ConflictGraph G = ConflictGraph::build(P);
  ASSERT_EQ(lowerBound(P, G), 4);
  std::vector<int64_t> Offsets;
  SearchStats Stats;
  EXPECT_EQ(searchPacking(P, G, 4, Deadline(10), Offsets, &Stats),
            SearchStatus::Infeasible);
  EXPECT_GT(Stats.Backtracks, 0u) << "refuted by search, not by the bound";
  ASSERT_EQ(searchPacking(P, G, 5, Deadline(10), Offsets),
            SearchStatus::Feasible);
  EXPECT_EQ(validatePacking(P, G, Offsets, 5), "");
}

TEST(Search, DecomposesAtTimePointsNoBufferCrosses) {
  // Three independent copies of the example in time: same optimum, and
  // each copy is solved on its own.
  Problem P;
  for (int Copy = 0; Copy < 3; ++Copy)
    for (Buffer B : exampleProblem().Buffers) {
      B.Id += "_" + std::to_string(Copy);
      B.Lower += 21 * Copy;
      B.Upper += 21 * Copy;
      P.Buffers.push_back(B);
    }
  ConflictGraph G = ConflictGraph::build(P);
  std::vector<int64_t> Offsets;
  SearchStats Stats;
  ASSERT_EQ(searchPacking(P, G, 12, Deadline(10), Offsets, &Stats),
            SearchStatus::Feasible);
  EXPECT_EQ(validatePacking(P, G, Offsets, 12), "");
  EXPECT_EQ(searchPacking(P, G, 11, Deadline(10), Offsets),
            SearchStatus::Infeasible);
}

TEST(Search, ZeroSizeBuffersAndTimeout) {
  Problem P = exampleProblem();
  P.Buffers.push_back({"empty", 0, 5, 0, 1});
  ConflictGraph G = ConflictGraph::build(P);
  std::vector<int64_t> Offsets;
  ASSERT_EQ(searchPacking(P, G, 12, Deadline(10), Offsets),
            SearchStatus::Feasible);
  EXPECT_EQ(validatePacking(P, G, Offsets, 12), "");
  // A 300-buffer instance at its lower bound under a 50 ms deadline must
  // come back promptly, whatever the answer.
  Problem Big = test::randomLifetimeProblem(7, 300);
  ConflictGraph BG = ConflictGraph::build(Big);
  auto Start = std::chrono::steady_clock::now();
  SearchStatus S =
      searchPacking(Big, BG, lowerBound(Big, BG), Deadline(0.05), Offsets);
  double Took = std::chrono::duration<double>(
                    std::chrono::steady_clock::now() - Start)
                    .count();
  EXPECT_LT(Took, 1.0);
  if (S == SearchStatus::Feasible) {
    EXPECT_EQ(validatePacking(Big, BG, Offsets), "");
  }
}

TEST(Z3, MatchesExhaustiveOptimumOnRandomLifetimeProblems) {
  for (unsigned Seed = 1; Seed <= 25; ++Seed) {
    Problem P = test::randomLifetimeProblem(Seed, 3 + Seed % 4, Seed % 3 == 0);
    ConflictGraph G = ConflictGraph::build(P);
    int64_t Opt = test::exhaustiveOptimum(P);
    // Start from a trivially feasible bound: the sum of sizes + alignment.
    int64_t Sum = 1;
    for (const Buffer &B : P.Buffers)
      Sum += B.Size + B.Alignment;
    Z3Result R = z3Pack(P, G, lowerBound(P, G), Sum, Deadline(20));
    ASSERT_EQ(R.Status, Z3Result::Optimal) << "seed " << Seed << R.Error;
    EXPECT_EQ(R.Peak, Opt) << "seed " << Seed;
    EXPECT_EQ(validatePacking(P, G, R.Offsets), "");
  }
}

TEST(Z3, MatchesExhaustiveOptimumOnGeneralConflictGraphs) {
  for (unsigned Seed = 1; Seed <= 25; ++Seed) {
    Problem P = test::randomGraphProblem(Seed, 4 + Seed % 4);
    ConflictGraph G = ConflictGraph::build(P);
    int64_t Opt = test::exhaustiveOptimum(P);
    Z3Result R = z3Pack(P, G, lowerBound(P, G), 1000, Deadline(20));
    ASSERT_EQ(R.Status, Z3Result::Optimal) << "seed " << Seed << R.Error;
    EXPECT_EQ(R.Peak, Opt) << "seed " << Seed;
    EXPECT_EQ(validatePacking(P, G, R.Offsets), "");
  }
}

TEST(Z3, ProvesInfeasibilityAndBreaksSymmetry) {
  // Six identical buffers all live together: optimum 6 x 3 = 18, reached
  // with the symmetry-breaking order constraints in place.
  Problem P;
  for (int I = 0; I < 6; ++I)
    P.Buffers.push_back({"same" + std::to_string(I), 0, 4, 3, 1});
  ConflictGraph G = ConflictGraph::build(P);
  Z3Result R = z3Pack(P, G, 0, 100, Deadline(20));
  ASSERT_EQ(R.Status, Z3Result::Optimal);
  EXPECT_EQ(R.Peak, 18);
  for (int I = 0; I + 1 < 6; ++I)
    EXPECT_LT(R.Offsets[I], R.Offsets[I + 1]) << "identical buffers ordered";
  Z3Result None = z3Pack(P, G, 0, 18, Deadline(20));
  EXPECT_EQ(None.Status, Z3Result::Infeasible);
  EXPECT_TRUE(None.Offsets.empty());
}

TEST(Z3, StopsAtCapacityWhenAsked) {
  Problem P = exampleProblem();
  ConflictGraph G = ConflictGraph::build(P);
  Z3Result R = z3Pack(P, G, 0, 21, Deadline(20), /*StopAt=*/20);
  ASSERT_FALSE(R.Offsets.empty());
  EXPECT_LE(R.Peak, 20);
  EXPECT_EQ(validatePacking(P, G, R.Offsets, 20), "");
}

} // namespace
