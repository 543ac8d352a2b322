//===- GreedyTest.cpp - Each heuristic packs validly and as designed ------===//
#include "Greedy.h"
#include "Oracle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

using namespace asap::solver;

namespace {

const GreedyOrder AllOrders[] = {GreedyOrder::Size,      GreedyOrder::Area,
                                 GreedyOrder::Lifetime,  GreedyOrder::ConflictLoad,
                                 GreedyOrder::Start,     GreedyOrder::SizeClass};

class EveryHeuristic
    : public ::testing::TestWithParam<std::tuple<GreedyOrder, Fit>> {};

TEST_P(EveryHeuristic, ValidOnRandomLifetimeAndGraphProblems) {
  auto [Order, F] = GetParam();
  for (unsigned Seed = 1; Seed <= 40; ++Seed) {
    for (bool Graph : {false, true}) {
      Problem P = Graph ? test::randomGraphProblem(Seed, 12)
                        : test::randomLifetimeProblem(Seed, 30, Seed % 2);
      ConflictGraph G = ConflictGraph::build(P);
      std::vector<int64_t> Offsets = greedyPack(P, G, Order, F);
      EXPECT_EQ(validatePacking(P, G, Offsets), "")
          << greedyOrderName(Order) << "/" << fitName(F) << " seed " << Seed;
      EXPECT_GE(peakOf(P, Offsets), lowerBound(P, G));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Greedy, EveryHeuristic,
    ::testing::Combine(::testing::ValuesIn(AllOrders),
                       ::testing::Values(Fit::Best, Fit::Lowest)));

TEST(Greedy, BestFitTakesSmallestHoleLowestFitTakesLowest) {
  // Distinct sizes fix the size order; explicit conflicts fix the layout:
  // W(12)@0, P(6)@0, Y(4) above P @6, Z(3) above W @12, X(2)@0. The probe
  // (size 1) conflicts with X, Y, Z: holes [2,6) (4) and [10,12) (2).
  Problem P;
  P.ExplicitConflicts = true;
  P.Buffers = {{"W", 0, 1, 12, 1}, {"P", 0, 1, 6, 1}, {"Y", 0, 1, 4, 1},
               {"Z", 0, 1, 3, 1},  {"X", 0, 1, 2, 1}, {"probe", 0, 1, 1, 1}};
  P.addConflict(1, 2);
  P.addConflict(0, 3);
  P.addConflict(5, 4);
  P.addConflict(5, 2);
  P.addConflict(5, 3);
  ConflictGraph G = ConflictGraph::build(P);
  std::vector<int64_t> Best = greedyPack(P, G, GreedyOrder::Size, Fit::Best);
  std::vector<int64_t> Low = greedyPack(P, G, GreedyOrder::Size, Fit::Lowest);
  EXPECT_EQ(Best, (std::vector<int64_t>{0, 0, 6, 12, 0, 10}));
  EXPECT_EQ(Low, (std::vector<int64_t>{0, 0, 6, 12, 0, 2}));
}

TEST(Greedy, RespectsAlignmentInHoles) {
  // Size order: pin(6)@0, low(2)@0, high(2) conflicts pin -> @6. The probe
  // (size 1, last) conflicts low [0,2) and high [6,8): hole [2,6).
  Problem P;
  P.ExplicitConflicts = true;
  P.Buffers = {{"low", 0, 1, 2, 1}, {"high", 0, 1, 2, 1},
               {"pin", 0, 1, 6, 1}, {"probe", 0, 1, 1, 4}};
  P.addConflict(2, 1);
  P.addConflict(3, 0);
  P.addConflict(3, 1);
  ConflictGraph G = ConflictGraph::build(P);
  EXPECT_EQ(greedyPack(P, G, GreedyOrder::Size, Fit::Best)[3], 4)
      << "alignment 4 moves the probe from 2 to 4 inside the hole";
  P.Buffers[3].Alignment = 8;
  EXPECT_EQ(greedyPack(P, G, GreedyOrder::Size, Fit::Best)[3], 8)
      << "no aligned start in the hole: on top, aligned";
}

TEST(Greedy, SizeClassPlacesLongLivedFirstWithinAFactorOfTwo) {
  // Sizes 5 and 6 share a class: the long-lived 5 goes first (offset 0),
  // while plain size order puts the 6 first.
  Problem P;
  P.Buffers = {{"short6", 0, 1, 6, 1}, {"long5", 0, 10, 5, 1}};
  ConflictGraph G = ConflictGraph::build(P);
  EXPECT_EQ(greedyPack(P, G, GreedyOrder::SizeClass, Fit::Best),
            (std::vector<int64_t>{5, 0}));
  EXPECT_EQ(greedyPack(P, G, GreedyOrder::Size, Fit::Best),
            (std::vector<int64_t>{0, 6}));
}

TEST(Greedy, HeuristicNamesCoverEveryOrderAndFit) {
  std::vector<std::string> Names = heuristicNames();
  EXPECT_EQ(Names.size(), std::size(AllOrders) * 2);
  for (GreedyOrder O : AllOrders)
    for (Fit F : {Fit::Best, Fit::Lowest})
      EXPECT_NE(std::find(Names.begin(), Names.end(),
                          std::string(greedyOrderName(O)) + "/" + fitName(F)),
                Names.end());
}

TEST(Greedy, BestGreedyKeepsLowestPeakAndStopsAtBound) {
  for (unsigned Seed = 1; Seed <= 20; ++Seed) {
    Problem P = test::randomLifetimeProblem(Seed, 40);
    ConflictGraph G = ConflictGraph::build(P);
    GreedyResult R = bestGreedy(P, G, lowerBound(P, G), Deadline(10));
    EXPECT_EQ(validatePacking(P, G, R.Offsets), "");
    EXPECT_EQ(R.Peak, peakOf(P, R.Offsets));
    for (GreedyOrder O : AllOrders)
      for (Fit F : {Fit::Best, Fit::Lowest}) {
        int64_t Peak = peakOf(P, greedyPack(P, G, O, F));
        if (R.Peak > lowerBound(P, G)) {
          EXPECT_LE(R.Peak, Peak) << "seed " << Seed;
        }
      }
  }
}

} // namespace
