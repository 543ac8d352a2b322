//===- PackerTest.cpp - Orchestration: components, modes, statuses --------===//
#include "Oracle.h"
#include "Packer.h"

#include <gtest/gtest.h>

using namespace asap::solver;

namespace {

PackOptions minimise(ExactMethod M = ExactMethod::Auto) {
  PackOptions O;
  O.TimeLimitSeconds = 10;
  O.Exact = M;
  return O;
}

TEST(Packer, MinimisesToExhaustiveOptimumAndProvesIt) {
  for (ExactMethod M : {ExactMethod::Auto, ExactMethod::Search,
                        ExactMethod::Z3}) {
    for (unsigned Seed = 100; Seed < 130; ++Seed) {
      Problem P = test::randomLifetimeProblem(Seed, 4 + Seed % 4);
      PackResult R = pack(P, minimise(M));
      ASSERT_EQ(R.Status, PackStatus::Packed) << R.Message;
      EXPECT_EQ(R.Peak, test::exhaustiveOptimum(P)) << "seed " << Seed;
      EXPECT_TRUE(R.ProvenOptimal) << "seed " << Seed;
      EXPECT_EQ(validatePacking(P, ConflictGraph::build(P), R.Offsets), "");
    }
  }
}

TEST(Packer, GeneralConflictGraphsReachOptimum) {
  for (unsigned Seed = 200; Seed < 225; ++Seed) {
    Problem P = test::randomGraphProblem(Seed, 5 + Seed % 3);
    PackResult R = pack(P, minimise());
    ASSERT_EQ(R.Status, PackStatus::Packed) << R.Message;
    EXPECT_EQ(R.Peak, test::exhaustiveOptimum(P)) << "seed " << Seed;
    EXPECT_TRUE(R.ProvenOptimal);
    EXPECT_EQ(validatePacking(P, ConflictGraph::build(P), R.Offsets), "");
  }
}

TEST(Packer, BranchArmsShareMemory) {
  // x is live across an if/else; a lives in the then-arm, b in the else
  // arm: a and b never conflict although their lifetimes would overlap.
  Problem P;
  P.Buffers = {{"x", 0, 10, 8, 1}, {"a", 2, 5, 16, 1}, {"b", 2, 5, 16, 1}};
  P.addConflict(0, 1);
  P.addConflict(0, 2);
  PackResult R = pack(P, minimise());
  ASSERT_EQ(R.Status, PackStatus::Packed);
  EXPECT_EQ(R.Peak, 24);
  EXPECT_EQ(R.LowerBound, 24);
  EXPECT_EQ(R.Offsets[1], R.Offsets[2]) << "a and b can share the same bytes";
}

TEST(Packer, ComponentsArePackedIndependently) {
  // Two groups with no time overlap: the peak is the larger group's.
  Problem P;
  P.Buffers = {{"a", 0, 2, 5, 1}, {"b", 1, 3, 5, 1}, {"c", 10, 12, 7, 1},
               {"d", 11, 13, 1, 1}, {"e", 20, 30, 0, 1}};
  PackResult R = pack(P, minimise());
  ASSERT_EQ(R.Status, PackStatus::Packed);
  EXPECT_EQ(R.Components, 2u);
  EXPECT_EQ(R.Peak, 10);
  EXPECT_EQ(R.Offsets[2] == 0 || R.Offsets[3] == 0, true);
  EXPECT_TRUE(R.ProvenOptimal);
}

TEST(Packer, CapacityModeFeasibleInfeasibleAndProven) {
  Problem P;
  P.Buffers = {{"b1", 0, 3, 4, 1}, {"b2", 3, 9, 4, 1}, {"b3", 0, 9, 4, 1},
               {"b4", 9, 21, 4, 1}, {"b5", 0, 21, 4, 1}};
  PackOptions O;
  O.Capacity = 12;
  PackResult Fits = pack(P, O);
  ASSERT_EQ(Fits.Status, PackStatus::Packed);
  EXPECT_LE(Fits.Peak, 12);
  O.Capacity = 11;
  PackResult Below = pack(P, O);
  EXPECT_EQ(Below.Status, PackStatus::Infeasible);
  EXPECT_NE(Below.Message.find("lower bound 12"), std::string::npos);
}

TEST(Packer, CapacityInfeasibleAboveLowerBoundIsProven) {
  // Lower bound 4, optimum 5 (the "tricky" instance of MiniMalloc's tests).
  Problem P = test::gapProblem();
  ASSERT_EQ(lowerBound(P, ConflictGraph::build(P)), 4);
  ASSERT_EQ(test::exhaustiveOptimum(P), 5);
  for (ExactMethod M : {ExactMethod::Search, ExactMethod::Z3}) {
    PackOptions O;
    O.Exact = M;
    O.Capacity = 4;
    PackResult R = pack(P, O);
    EXPECT_EQ(R.Status, PackStatus::Infeasible);
    EXPECT_NE(R.Message.find("proved that no packing fits capacity 4"),
              std::string::npos)
        << R.Message;
    O.Capacity = 5;
    EXPECT_EQ(pack(P, O).Status, PackStatus::Packed);
    PackOptions Min;
    Min.Exact = M;
    PackResult Best = pack(P, Min);
    EXPECT_EQ(Best.Peak, 5);
    EXPECT_TRUE(Best.ProvenOptimal);
  }
  // Heuristics alone cannot prove anything above the bound.
  PackOptions None;
  None.Exact = ExactMethod::None;
  None.Capacity = 4;
  EXPECT_EQ(pack(P, None).Status, PackStatus::NotFound);
}

TEST(Packer, RejectsMalformedProblemsWithoutThrowing) {
  Problem Neg;
  Neg.Buffers = {{"n", 0, 1, -3, 1}};
  PackResult R = pack(Neg, minimise());
  EXPECT_EQ(R.Status, PackStatus::InvalidInput);
  EXPECT_NE(R.Message.find("negative size"), std::string::npos);
  Problem Empty;
  Empty.Buffers = {{"e", 4, 4, 3, 1}};
  EXPECT_EQ(pack(Empty, minimise()).Status, PackStatus::InvalidInput);
  Problem Align;
  Align.Buffers = {{"a", 0, 1, 3, 0}};
  EXPECT_EQ(pack(Align, minimise()).Status, PackStatus::InvalidInput);
  Problem Edge;
  Edge.Buffers = {{"a", 0, 1, 3, 1}};
  Edge.addConflict(0, 7);
  EXPECT_EQ(pack(Edge, minimise()).Status, PackStatus::InvalidInput);
  Problem Huge;
  Huge.Buffers = {{"h", 0, 2, int64_t(1) << 59, 1},
                  {"i", 1, 3, int64_t(1) << 59, 1},
                  {"j", 1, 3, int64_t(1) << 59, 1}};
  PackResult H = pack(Huge, minimise());
  EXPECT_EQ(H.Status, PackStatus::InvalidInput);
  EXPECT_NE(H.Message.find("below 2^60"), std::string::npos);
  Problem Empty0;
  PackResult E = pack(Empty0, minimise());
  EXPECT_EQ(E.Status, PackStatus::Packed);
  EXPECT_EQ(E.Peak, 0);
}

TEST(Packer, HeuristicsOnlyStillValid) {
  Problem P = test::randomLifetimeProblem(5, 200, true);
  PackResult R = pack(P, minimise(ExactMethod::None));
  ASSERT_EQ(R.Status, PackStatus::Packed);
  EXPECT_EQ(validatePacking(P, ConflictGraph::build(P), R.Offsets), "");
  EXPECT_GE(R.Peak, R.LowerBound);
  EXPECT_EQ(R.Method.rfind("greedy", 0), 0u);
}

} // namespace
