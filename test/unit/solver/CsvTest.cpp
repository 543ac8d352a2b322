//===- CsvTest.cpp - Benchmark CSV parsing and its error messages ---------===//
#include "Csv.h"

#include <gtest/gtest.h>

using namespace asap::solver;

namespace {

std::string parseError(const std::string &Text, bool Offsets = false) {
  PackingCsv Csv;
  std::string Error;
  EXPECT_FALSE(parsePackingCsv(Text, "in.csv", Offsets, Csv, Error)) << Text;
  return Error;
}

TEST(Csv, ParsesTheBenchmarkFormat) {
  PackingCsv Csv;
  std::string Error;
  ASSERT_TRUE(parsePackingCsv("id,lower,upper,size\r\nb1,0,3,4\r\n\nb2,3,9,4\n",
                              "in.csv", false, Csv, Error))
      << Error;
  ASSERT_EQ(Csv.Buffers.size(), 2u);
  EXPECT_EQ(Csv.Buffers.Buffers[1].Id, "b2");
  EXPECT_EQ(Csv.Buffers.Buffers[1].Lower, 3);
  EXPECT_EQ(Csv.Buffers.Buffers[1].Upper, 9);
  EXPECT_EQ(Csv.Buffers.Buffers[1].Size, 4);
  EXPECT_EQ(Csv.LineOf[1], 4u);
}

TEST(Csv, AnyColumnOrderAlignmentAndExtraColumns) {
  PackingCsv Csv;
  std::string Error;
  ASSERT_TRUE(parsePackingCsv("size,note,upper,id,lower,alignment\n"
                              "64,w,10,a,2,32\n",
                              "in.csv", false, Csv, Error))
      << Error;
  const Buffer &B = Csv.Buffers.Buffers[0];
  EXPECT_EQ(B.Size, 64);
  EXPECT_EQ(B.Lower, 2);
  EXPECT_EQ(B.Upper, 10);
  EXPECT_EQ(B.Alignment, 32);
  EXPECT_EQ(writePackingCsv(Csv, {96}),
            "size,note,upper,id,lower,alignment,offset\n"
            "64,w,10,a,2,32,96\n");
}

TEST(Csv, OffsetColumnIsReadForValidationAndReplacedOnOutput) {
  PackingCsv Csv;
  std::string Error;
  ASSERT_TRUE(parsePackingCsv("id,lower,upper,size,offset\nx,0,1,2,7\n",
                              "in.csv", true, Csv, Error));
  EXPECT_EQ(Csv.Offsets, std::vector<int64_t>{7});
  EXPECT_EQ(writePackingCsv(Csv, {0}), "id,lower,upper,size,offset\nx,0,1,2,0\n");
}

TEST(Csv, MissingColumn) {
  EXPECT_EQ(parseError("id,lower,upper\na,0,1\n"),
            "in.csv:1: missing column 'size' in header (need "
            "id,lower,upper,size)");
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1,2\n", true),
            "in.csv:1: missing column 'offset' in header (needed by "
            "--validate)");
}

TEST(Csv, NegativeSize) {
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1,2\nb,0,1,-4\n"),
            "in.csv:3: negative size -4 for buffer 'b'");
}

TEST(Csv, UpperNotAfterLower) {
  EXPECT_EQ(parseError("id,lower,upper,size\na,5,5,2\n"),
            "in.csv:2: buffer 'a' has upper 5 <= lower 5");
  EXPECT_EQ(parseError("id,lower,upper,size\na,5,3,2\n"),
            "in.csv:2: buffer 'a' has upper 3 <= lower 5");
}

TEST(Csv, DuplicateId) {
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1,2\nb,0,1,2\na,1,2,3\n"),
            "in.csv:4: duplicate id 'a' (first on line 2)");
}

TEST(Csv, NonNumericField) {
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1,2x\n"),
            "in.csv:2: size of buffer 'a' is not an integer: '2x'");
  EXPECT_EQ(parseError("id,lower,upper,size\na,zero,1,2\n"),
            "in.csv:2: lower of buffer 'a' is not an integer: 'zero'");
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,,2\n"),
            "in.csv:2: upper of buffer 'a' is not an integer: ''");
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1,99999999999999999999\n"),
            "in.csv:2: size of buffer 'a' is not an integer: "
            "'99999999999999999999'");
  EXPECT_EQ(parseError("id,lower,upper,size,offset\na,0,1,2,?\n", true),
            "in.csv:2: offset of buffer 'a' is not an integer: '?'");
}

TEST(Csv, WrongFieldCountEmptyFileBadAlignmentDuplicateColumn) {
  EXPECT_EQ(parseError("id,lower,upper,size\na,0,1\n"),
            "in.csv:2: expected 4 fields, found 3");
  EXPECT_EQ(parseError(""),
            "in.csv:1: empty file, expected the header id,lower,upper,size");
  EXPECT_EQ(parseError("id,lower,upper,size,alignment\na,0,1,2,0\n"),
            "in.csv:2: alignment of buffer 'a' must be at least 1, got 0");
  EXPECT_EQ(parseError("id,lower,upper,size,size\na,0,1,2,3\n"),
            "in.csv:1: column 'size' appears twice in the header");
  EXPECT_EQ(parseError("id,lower,upper,size,offset\na,0,1,2,-1\n", true),
            "in.csv:2: negative offset -1 for buffer 'a'");
}

} // namespace
