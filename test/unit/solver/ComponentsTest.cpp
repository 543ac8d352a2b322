//===- ComponentsTest.cpp - Independent parts of a packing problem --------===//
#include "Components.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace asap::solver;

namespace {

TEST(Components, LifetimesSplitWhereNoBufferCrosses) {
  Problem P;
  P.Buffers = {{"a", 0, 3, 1, 1}, {"b", 2, 5, 1, 1}, {"c", 5, 6, 1, 1},
               {"d", 7, 9, 1, 1}, {"e", 8, 9, 1, 1}, {"z", 0, 9, 0, 1}};
  auto Parts = conflictComponents(P, ConflictGraph::build(P));
  // [0,5) a-b; [5,6) c alone (b ends at 5: half-open); [7,9) d-e; the
  // zero-size z belongs nowhere.
  ASSERT_EQ(Parts.size(), 3u);
  EXPECT_EQ(Parts[0], (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(Parts[1], (std::vector<uint32_t>{2}));
  EXPECT_EQ(Parts[2], (std::vector<uint32_t>{3, 4}));
}

TEST(Components, ExplicitGraphUsesConnectivityNotTime) {
  Problem P;
  for (int I = 0; I < 6; ++I)
    P.Buffers.push_back({"v" + std::to_string(I), 0, 1, 1, 1});
  P.addConflict(0, 3);
  P.addConflict(3, 5);
  P.addConflict(1, 4);
  auto Parts = conflictComponents(P, ConflictGraph::build(P));
  std::sort(Parts.begin(), Parts.end());
  ASSERT_EQ(Parts.size(), 3u);
  EXPECT_EQ(Parts[0], (std::vector<uint32_t>{0, 3, 5}));
  EXPECT_EQ(Parts[1], (std::vector<uint32_t>{1, 4}));
  EXPECT_EQ(Parts[2], (std::vector<uint32_t>{2}));
}

TEST(Components, SubproblemRenumbersEdges) {
  Problem P;
  for (int I = 0; I < 4; ++I)
    P.Buffers.push_back({"v" + std::to_string(I), 0, 1, I + 1, 1});
  P.addConflict(1, 3);
  P.addConflict(0, 2);
  Problem Sub = subproblem(P, {1, 3});
  ASSERT_EQ(Sub.size(), 2u);
  EXPECT_EQ(Sub.Buffers[1].Id, "v3");
  ASSERT_EQ(Sub.Conflicts.size(), 1u);
  EXPECT_TRUE(ConflictGraph::build(Sub).adjacent(0, 1));
}

} // namespace
