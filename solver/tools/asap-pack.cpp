//===- asap-pack.cpp - Pack buffers from a CSV file -----------------------===//
//
// The command-line face of the solver, on the public benchmark format:
//   asap-pack IN.csv [-o OUT.csv] [--capacity N | --minimize]
//             [--time-limit S] [--svg FILE] [--validate] [--exact=M]
// Exit status: 0 packed (or valid), 1 infeasible / not found / invalid
// packing, 2 usage or input error, 3 internal error.
//
//===----------------------------------------------------------------------===//
#include "Csv.h"
#include "Greedy.h"
#include "Packer.h"
#include "Svg.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace asap::solver;

namespace {

const char *Usage =
    "usage: asap-pack IN.csv [-o OUT.csv] [--capacity N | --minimize]\n"
    "                 [--time-limit S] [--svg FILE] [--validate]\n"
    "                 [--exact=auto|search|z3|none] [--heuristic=ORDER/FIT]\n"
    "Packs buffers (CSV header id,lower,upper,size[,alignment]) so that no\n"
    "two live at the same time overlap; writes the input with an offset\n"
    "column. --validate checks the offsets already in IN.csv instead.\n"
    "--heuristic runs one heuristic only (ORDER: size, conflict-load,\n"
    "size-class, area, lifetime, start; FIT: best-fit, lowest-fit), e.g.\n"
    "size/best-fit.\n";

int usageError(const std::string &Msg) {
  std::cerr << "asap-pack: error: " << Msg << "; see 'asap-pack --help'\n";
  return 2;
}

bool parseInt(const std::string &S, int64_t &V) {
  if (S.empty())
    return false;
  char *End = nullptr;
  errno = 0;
  long long X = std::strtoll(S.c_str(), &End, 10);
  if (errno || *End)
    return false;
  V = X;
  return true;
}

bool writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream F(Path, std::ios::binary);
  F << Text;
  return bool(F);
}

} // namespace

int main(int Argc, char **Argv) {
  std::string Input, Output, Svg;
  int64_t Capacity = -1;
  bool Minimize = false, Validate = false;
  double TimeLimit = 10.0;
  PackOptions Options;
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    auto Value = [&](std::string &Out) {
      if (I + 1 >= Argc)
        return false;
      Out = Argv[++I];
      return true;
    };
    std::string V;
    if (A == "-h" || A == "--help") {
      std::cout << Usage;
      return 0;
    } else if (A == "-o") {
      if (!Value(Output))
        return usageError("-o needs a file name");
    } else if (A == "--svg") {
      if (!Value(Svg))
        return usageError("--svg needs a file name");
    } else if (A == "--capacity") {
      if (!Value(V) || !parseInt(V, Capacity) || Capacity < 0)
        return usageError("--capacity needs a non-negative integer");
    } else if (A == "--minimize") {
      Minimize = true;
    } else if (A == "--validate") {
      Validate = true;
    } else if (A == "--time-limit") {
      char *End = nullptr;
      if (!Value(V) || (TimeLimit = std::strtod(V.c_str(), &End), *End) ||
          !(TimeLimit > 0))
        return usageError("--time-limit needs a positive number of seconds");
    } else if (A.rfind("--exact=", 0) == 0) {
      std::string M = A.substr(8);
      if (M == "auto")
        Options.Exact = ExactMethod::Auto;
      else if (M == "search")
        Options.Exact = ExactMethod::Search;
      else if (M == "z3")
        Options.Exact = ExactMethod::Z3;
      else if (M == "none")
        Options.Exact = ExactMethod::None;
      else
        return usageError("--exact must be auto, search, z3 or none");
    } else if (A.rfind("--heuristic=", 0) == 0) {
      Options.OnlyHeuristic = A.substr(12);
      std::vector<std::string> Names = heuristicNames();
      bool Known = std::find(Names.begin(), Names.end(),
                             Options.OnlyHeuristic) != Names.end();
      if (!Known)
        return usageError("unknown heuristic '" + Options.OnlyHeuristic + "'");
    } else if (!A.empty() && A[0] == '-') {
      return usageError("unknown option '" + A + "'");
    } else if (Input.empty()) {
      Input = A;
    } else {
      return usageError("more than one input file");
    }
  }
  if (Input.empty())
    return usageError("no input file");
  if (Minimize && Capacity >= 0)
    return usageError("--capacity and --minimize exclude each other");

  std::ifstream In(Input, std::ios::binary);
  if (!In) {
    std::cerr << "asap-pack: error: cannot read '" << Input << "'\n";
    return 2;
  }
  std::stringstream Text;
  Text << In.rdbuf();
  PackingCsv Csv;
  std::string Error;
  if (!parsePackingCsv(Text.str(), Input, Validate, Csv, Error)) {
    std::cerr << "asap-pack: error: " << Error << "\n";
    return 2;
  }
  const Problem &P = Csv.Buffers;

  if (Validate) {
    ConflictGraph G = ConflictGraph::build(P);
    std::string Invalid = validatePacking(P, G, Csv.Offsets, Capacity);
    int64_t Bound = lowerBound(P, G);
    if (!Svg.empty() && !writeFile(Svg, renderPackingSvg(P, Csv.Offsets,
                                                         Bound, Capacity))) {
      std::cerr << "asap-pack: error: cannot write '" << Svg << "'\n";
      return 2;
    }
    if (!Invalid.empty()) {
      std::cerr << "asap-pack: invalid packing: " << Invalid << "\n";
      return 1;
    }
    std::cout << "valid: " << P.size() << " buffers, peak "
              << peakOf(P, Csv.Offsets) << ", lower bound " << Bound << "\n";
    return 0;
  }

  Options.Capacity = Capacity;
  Options.TimeLimitSeconds = TimeLimit;
  PackResult R = pack(P, Options);
  if (R.Status == PackStatus::InvalidInput) {
    std::cerr << "asap-pack: error: " << Input << ": " << R.Message << "\n";
    return 2;
  }
  if (R.Status == PackStatus::InternalError) {
    std::cerr << "asap-pack: internal error: " << R.Message << "\n";
    return 3;
  }
  char Summary[512];
  std::snprintf(Summary, sizeof(Summary),
                "%zu buffers, %zu components, lower bound %lld, peak %lld, "
                "%s, by %s, %.3f s",
                P.size(), R.Components, (long long)R.LowerBound,
                (long long)R.Peak,
                R.ProvenOptimal ? "optimal" : "not proven optimal",
                R.Method.c_str(), R.Seconds);
  if (R.Status != PackStatus::Packed) {
    std::cerr << "asap-pack: " << statusName(R.Status) << ": " << R.Message
              << "\n";
    return 1;
  }
  std::cerr << "asap-pack: " << Summary << "\n";
  if (!Svg.empty() &&
      !writeFile(Svg, renderPackingSvg(P, R.Offsets, R.LowerBound, Capacity))) {
    std::cerr << "asap-pack: error: cannot write '" << Svg << "'\n";
    return 2;
  }
  std::string Out = writePackingCsv(Csv, R.Offsets);
  if (Output.empty()) {
    std::cout << Out;
  } else if (!writeFile(Output, Out)) {
    std::cerr << "asap-pack: error: cannot write '" << Output << "'\n";
    return 2;
  }
  return 0;
}
