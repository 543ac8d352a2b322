//===- SvgTest.cpp - The drawing shows every buffer and the bounds --------===//
#include "Svg.h"

#include <gtest/gtest.h>

using namespace asap::solver;

namespace {

size_t count(const std::string &Text, const std::string &What) {
  size_t N = 0;
  for (size_t At = Text.find(What); At != std::string::npos;
       At = Text.find(What, At + 1))
    ++N;
  return N;
}

TEST(Svg, OneRectanglePerBufferPlusFrameAndBoundLines) {
  Problem P;
  P.Buffers = {{"b<1>", 0, 3, 4, 1}, {"b2", 3, 9, 4, 1}, {"z", 0, 9, 0, 1}};
  std::string Svg = renderPackingSvg(P, {0, 4, 0}, 4, 12);
  EXPECT_EQ(Svg.rfind("<svg", 0), 0u);
  EXPECT_NE(Svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(count(Svg, "<rect"), 3u) << "frame + two non-empty buffers";
  EXPECT_NE(Svg.find("b&lt;1&gt;"), std::string::npos) << "ids are escaped";
  EXPECT_NE(Svg.find("lower-bound 4"), std::string::npos);
  EXPECT_NE(Svg.find("capacity 12"), std::string::npos);
  EXPECT_EQ(count(renderPackingSvg(P, {0, 4, 0}, 4, -1), "capacity"), 0u);
}

} // namespace
