//===- Z3Packer.cpp - Exact packing with the Z3 SMT solver ----------------===//
//
// Z3 reports errors by throwing z3::exception; they are caught here so the
// solver's API stays exception-free for the LLVM passes.
//
//===----------------------------------------------------------------------===//
#include "Z3Packer.h"

#include <z3++.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace asap {
namespace solver {

static unsigned millisLeft(const Deadline &Until) {
  double Ms = Until.secondsLeft() * 1000.0;
  return Ms < 1 ? 1u : Ms > 4e9 ? 4000000000u : unsigned(Ms);
}

Z3Result z3Pack(const Problem &P, const ConflictGraph &G, int64_t LowerBound,
                int64_t BoundExclusive, const Deadline &Until,
                int64_t StopAt) {
  Z3Result Result;
  try {
    z3::context Ctx;
    z3::solver Solver(Ctx, "QF_LIA");
    size_t N = P.size();
    z3::expr Peak = Ctx.int_const("peak");
    std::vector<z3::expr> Off;
    Off.reserve(N);
    for (size_t I = 0; I < N; ++I) {
      const Buffer &B = P.Buffers[I];
      if (B.Alignment > 1) {
        // offset = alignment * k keeps the theory linear.
        z3::expr K = Ctx.int_const(("k" + std::to_string(I)).c_str());
        Solver.add(K >= 0);
        Off.push_back(Ctx.int_val(B.Alignment) * K);
      } else {
        Off.push_back(Ctx.int_const(("o" + std::to_string(I)).c_str()));
        Solver.add(Off.back() >= 0);
      }
      Solver.add(Off[I] + Ctx.int_val(B.Size) <= Peak);
    }
    // Identical buffers (same size, alignment and neighbours) are
    // interchangeable: fix their relative order.
    std::map<std::tuple<int64_t, int64_t, std::vector<uint32_t>>, uint32_t>
        FirstOfClass;
    std::vector<int64_t> ClassOf(N, -1);
    for (uint32_t I = 0; I < N; ++I) {
      std::vector<uint32_t> Nbrs(G.begin(I), G.end(I));
      // Two identical conflicting buffers see each other as neighbours;
      // compare neighbourhoods with the pair itself included.
      Nbrs.push_back(I);
      std::sort(Nbrs.begin(), Nbrs.end());
      auto Key = std::make_tuple(P.Buffers[I].Size, P.Buffers[I].Alignment,
                                 std::move(Nbrs));
      auto [It, New] = FirstOfClass.emplace(std::move(Key), I);
      ClassOf[I] = It->second;
    }
    for (uint32_t A = 0; A < N; ++A) {
      for (const uint32_t *J = G.begin(A); J != G.end(A); ++J) {
        uint32_t B = *J;
        if (B <= A)
          continue;
        z3::expr ABelow = Off[A] + Ctx.int_val(P.Buffers[A].Size) <= Off[B];
        z3::expr BBelow = Off[B] + Ctx.int_val(P.Buffers[B].Size) <= Off[A];
        if (ClassOf[A] == ClassOf[B])
          Solver.add(ABelow);
        else
          Solver.add(ABelow || BBelow);
      }
    }
    int64_t Bound = BoundExclusive - 1;
    bool Found = false;
    while (Bound >= LowerBound) {
      if (Until.expired())
        break;
      z3::params Params(Ctx);
      Params.set("timeout", millisLeft(Until));
      Solver.set(Params);
      Solver.push();
      Solver.add(Peak <= Ctx.int_val(Bound));
      z3::check_result R = Solver.check();
      if (R == z3::sat) {
        z3::model M = Solver.get_model();
        Result.Offsets.assign(N, 0);
        for (size_t I = 0; I < N; ++I)
          Result.Offsets[I] =
              M.eval(Off[I], true).get_numeral_int64();
        Result.Peak = peakOf(P, Result.Offsets);
        Found = true;
        Bound = Result.Peak - 1;
        Solver.pop();
        if (Result.Peak <= LowerBound) {
          Result.Status = Z3Result::Optimal;
          return Result;
        }
        if (Result.Peak <= StopAt) {
          Result.Status = Z3Result::Improved;
          return Result;
        }
        continue;
      }
      Solver.pop();
      if (R == z3::unsat)
        Result.Status = Found ? Z3Result::Optimal : Z3Result::Infeasible;
      else
        Result.Status = Found ? Z3Result::Improved : Z3Result::Unknown;
      return Result;
    }
    if (Bound < LowerBound)
      Result.Status = Found ? Z3Result::Optimal : Z3Result::Infeasible;
    else
      Result.Status = Found ? Z3Result::Improved : Z3Result::Unknown;
  } catch (const z3::exception &E) {
    Result.Status = Result.Offsets.empty() ? Z3Result::Unknown
                                           : Z3Result::Improved;
    Result.Error = E.msg();
  }
  return Result;
}

} // namespace solver
} // namespace asap
