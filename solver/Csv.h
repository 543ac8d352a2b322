//===- Csv.h - The public packing benchmark format ------------------------===//
//
// Reads and writes the CSV format of MiniMalloc's benchmarks: a header
// naming at least id, lower, upper, size (optional alignment and offset;
// other columns are carried through untouched), one buffer per row, the
// lifetime half-open [lower, upper). Every error names the file, the line
// and the problem, in one line, so asap-pack can print it as is.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_CSV_H
#define ASAP_SOLVER_CSV_H

#include "Problem.h"

#include <string>
#include <vector>

namespace asap {
namespace solver {

struct PackingCsv {
  std::vector<std::string> Header;
  std::vector<std::vector<std::string>> Rows; // Fields as written.
  std::vector<unsigned> LineOf;               // 1-based line of each row.
  int OffsetColumn = -1;                      // -1 when there is none.
  Problem Buffers;
  std::vector<int64_t> Offsets; // Filled when offsets were requested.
};

/// Parses Text (named Name in messages). When RequireOffsets is set, the
/// offset column must exist and hold a non-negative integer on every row.
/// Returns false with Error set to "Name:LINE: problem" on bad input.
bool parsePackingCsv(const std::string &Text, const std::string &Name,
                     bool RequireOffsets, PackingCsv &Out,
                     std::string &Error);

/// The input again with an offset column (replaced if it was there).
std::string writePackingCsv(const PackingCsv &In,
                            const std::vector<int64_t> &Offsets);

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_CSV_H
