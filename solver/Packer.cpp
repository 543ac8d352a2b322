//===- Packer.cpp - Packing orchestration ---------------------------------===//
//
// Only components whose peak decides the answer get exact-phase time: in
// minimise mode those above the largest component lower bound, in capacity
// mode those above the capacity. Each gets an equal share of what is left.
//
//===----------------------------------------------------------------------===//
#include "Packer.h"

#include "Components.h"
#include "Deadline.h"
#include "Greedy.h"
#include "Search.h"
#include "Z3Packer.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>

namespace asap {
namespace solver {

const char *statusName(PackStatus S) {
  switch (S) {
  case PackStatus::Packed:
    return "packed";
  case PackStatus::Infeasible:
    return "infeasible";
  case PackStatus::NotFound:
    return "not found";
  case PackStatus::InvalidInput:
    return "invalid input";
  case PackStatus::InternalError:
    return "internal error";
  }
  return "?";
}

namespace {

// Components above this many buffers skip the search (its recursion is as
// deep as the component) and those above this many conflicts skip Z3.
constexpr size_t MaxSearchBuffers = 5000;
constexpr uint64_t MaxZ3Conflicts = 4000;
// Even when Z3 is asked for, beyond this many disjunctions it would only
// exhaust memory.
constexpr uint64_t MaxForcedZ3Conflicts = 200000;
constexpr size_t MaxZ3FallbackBuffers = 40;

struct Component {
  std::vector<uint32_t> Members; // Indices into the whole problem.
  Problem Sub;
  std::unique_ptr<ConflictGraph> OwnGraph;
  const ConflictGraph *G = nullptr;
  const Problem *P = nullptr;
  int64_t LowerBound = 0;
  int64_t ProvenBound = 0; // Raised when the exact phase proves more.
  std::vector<int64_t> Offsets;
  int64_t Peak = 0;
  bool ProvenInfeasible = false;
  std::string Method;
  uint64_t SearchNodes = 0;
};

std::string checkInput(const Problem &P) {
  for (size_t I = 0; I < P.size(); ++I) {
    const Buffer &B = P.Buffers[I];
    std::string Name = "buffer '" + B.Id + "'";
    if (B.Size < 0)
      return Name + ": negative size";
    if (B.Alignment < 1)
      return Name + ": alignment must be at least 1";
    if (!P.ExplicitConflicts && B.Upper <= B.Lower)
      return Name + ": upper must be greater than lower";
  }
  for (auto [A, B] : P.Conflicts)
    if (A >= P.size() || B >= P.size())
      return "conflict edge names a buffer that does not exist";
  // Offsets are sums of sizes and alignments: keep them far from overflow.
  const int64_t Limit = int64_t(1) << 60;
  int64_t Total = 0;
  for (const Buffer &B : P.Buffers) {
    if (B.Size > Limit || B.Alignment > Limit || Total > Limit)
      return "buffer '" + B.Id + "': sizes too large (the total of sizes "
             "and alignments must stay below 2^60)";
    Total += B.Size + B.Alignment;
  }
  if (Total > Limit)
    return "sizes too large (the total of sizes and alignments must stay "
           "below 2^60)";
  return "";
}

class Orchestrator {
public:
  Orchestrator(const Problem &P, const PackOptions &O)
      : P(P), Opts(O), Until(O.TimeLimitSeconds) {}
  PackResult run();

private:
  void exactPhase(Component &C, int64_t Target, const Deadline &Share);
  bool searchAt(Component &C, int64_t Cap, const Deadline &D, bool &Proven);

  const Problem &P;
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
        .count();
  }

  const PackOptions &Opts;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  Deadline Until;
  uint64_t SearchNodes = 0;
};

// Runs the search at capacity Cap. Returns true and updates C when a
// packing is found; sets Proven when the search settled the question.
bool Orchestrator::searchAt(Component &C, int64_t Cap, const Deadline &D,
                            bool &Proven) {
  std::vector<int64_t> Offsets;
  SearchStats Stats;
  SearchStatus S = searchPacking(*C.P, *C.G, Cap, D, Offsets, &Stats);
  SearchNodes += Stats.Nodes;
  Proven = S != SearchStatus::Timeout;
  if (S == SearchStatus::Infeasible)
    C.ProvenBound = std::max(C.ProvenBound, Cap + 1);
  if (S != SearchStatus::Feasible)
    return false;
  int64_t Peak = peakOf(*C.P, Offsets);
  if (Peak < C.Peak) {
    C.Offsets = std::move(Offsets);
    C.Peak = Peak;
    C.Method = "search";
    C.SearchNodes = SearchNodes;
  }
  return true;
}

// Tries to bring C's peak down to Target (capacity mode) or as low as
// possible but no lower than Target (minimise mode).
void Orchestrator::exactPhase(Component &C, int64_t Target,
                              const Deadline &Share) {
  bool Minimise = Opts.Capacity < 0;
  bool CanSearch = !C.P->ExplicitConflicts && C.P->size() <= MaxSearchBuffers &&
                   (Opts.Exact == ExactMethod::Auto ||
                    Opts.Exact == ExactMethod::Search);
  bool CanZ3 = (Opts.Exact == ExactMethod::Z3 &&
                C.G->numEdges() <= MaxForcedZ3Conflicts) ||
               (Opts.Exact == ExactMethod::Auto &&
                C.G->numEdges() <= MaxZ3Conflicts &&
                (C.P->ExplicitConflicts || !CanSearch));
  // In auto mode a tiny lifetime component gets Z3 after a search that ran
  // out of time, with a quarter of the share reserved for it. On larger
  // ones Z3 does not finish where the search does not (bench/pack).
  bool Z3Fallback = Opts.Exact == ExactMethod::Auto && CanSearch &&
                    C.P->size() <= MaxZ3FallbackBuffers;
  if (CanSearch) {
    Deadline SearchUntil =
        Z3Fallback ? Share.sooner(Share.secondsLeft() * 0.75) : Share;
    bool Proven = false;
    if (!Minimise) {
      if (searchAt(C, Target, SearchUntil, Proven) || Proven) {
        C.ProvenInfeasible = Proven && C.Peak > Target;
        return;
      }
    } else {
      // The bound first, with half of the time (most problems pack at
      // their bound). Then bisect between the lowest peak not yet ruled
      // out and the best found, each probe with a third of what is left;
      // a probe that times out is skipped over (unproven) so one hard
      // capacity cannot eat the whole budget. Time left at the end goes
      // to the lowest capacity still open.
      int64_t Floor = std::max(Target, C.ProvenBound);
      bool AllProven = true;
      if (Floor < C.Peak) {
        searchAt(C, Floor, SearchUntil.sooner(SearchUntil.secondsLeft() * 0.5),
                 Proven);
        AllProven = Proven;
        if (!Proven)
          Floor += 1;
      }
      while (!SearchUntil.expired()) {
        Floor = std::max(Floor, std::max(Target, C.ProvenBound));
        if (Floor >= C.Peak)
          break;
        int64_t Try = Floor + (C.Peak - 1 - Floor) / 2;
        searchAt(C, Try, SearchUntil.sooner(SearchUntil.secondsLeft() / 3),
                 Proven);
        if (!Proven) {
          AllProven = false;
          Floor = Try + 1;
        }
      }
      int64_t Open = std::max(Target, C.ProvenBound);
      if (!AllProven && Open < C.Peak && !SearchUntil.expired()) {
        searchAt(C, Open, SearchUntil, Proven);
        AllProven = Proven && std::max(Target, C.ProvenBound) >= C.Peak;
      }
      if (AllProven && std::max(Target, C.ProvenBound) >= C.Peak)
        return;
    }
  }
  if (CanZ3 || Z3Fallback) {
    if (Share.expired())
      return;
    Z3Result R =
        Minimise
            ? z3Pack(*C.P, *C.G, std::max(Target, C.ProvenBound), C.Peak, Share)
            : z3Pack(*C.P, *C.G, C.ProvenBound, Target + 1, Share, Target);
    if (!R.Offsets.empty() && R.Peak < C.Peak) {
      C.Offsets = std::move(R.Offsets);
      C.Peak = R.Peak;
      C.Method = "z3";
    }
    if (R.Status == Z3Result::Optimal)
      C.ProvenBound = std::max(C.ProvenBound, C.Peak);
    if (R.Status == Z3Result::Infeasible) {
      if (Minimise)
        C.ProvenBound = std::max(C.ProvenBound, C.Peak);
      else
        C.ProvenInfeasible = true;
    }
  }
}

PackResult Orchestrator::run() {
  PackResult Result;
  std::string Bad = checkInput(P);
  if (!Bad.empty()) {
    Result.Status = PackStatus::InvalidInput;
    Result.Message = Bad;
    return Result;
  }
  ConflictGraph Whole = ConflictGraph::build(P);
  std::vector<std::vector<uint32_t>> Groups = conflictComponents(P, Whole);
  std::vector<Component> Comps(Groups.size());
  for (size_t I = 0; I < Groups.size(); ++I) {
    Component &C = Comps[I];
    C.Members = std::move(Groups[I]);
    if (Groups.size() == 1 && C.Members.size() == P.size()) {
      C.P = &P; // One component holding everything: no copy.
      C.G = &Whole;
    } else {
      C.Sub = subproblem(P, C.Members);
      C.OwnGraph = std::make_unique<ConflictGraph>(ConflictGraph::build(C.Sub));
      C.P = &C.Sub;
      C.G = C.OwnGraph.get();
    }
    C.LowerBound = C.ProvenBound = lowerBound(*C.P, *C.G);
    // Heuristics may use up to half of the limit, leaving the rest for the
    // exact phase.
    GreedyResult H =
        bestGreedy(*C.P, *C.G, C.LowerBound,
                   Until.sooner(0.5 * Opts.TimeLimitSeconds - elapsed()),
                   Opts.OnlyHeuristic);
    C.Offsets = std::move(H.Offsets);
    C.Peak = H.Peak;
    C.Method = "greedy " + H.Heuristic;
  }
  Result.Components = Comps.size();
  int64_t GlobalBound = 0;
  for (Component &C : Comps)
    GlobalBound = std::max(GlobalBound, C.LowerBound);
  Result.LowerBound = GlobalBound;

  bool Minimise = Opts.Capacity < 0;
  int64_t Target = Minimise ? GlobalBound : Opts.Capacity;
  if (Opts.Exact != ExactMethod::None) {
    std::vector<Component *> Open;
    for (Component &C : Comps)
      if (C.Peak > Target && (Minimise || C.LowerBound <= Target))
        Open.push_back(&C);
    std::sort(Open.begin(), Open.end(), [](Component *A, Component *B) {
      return A->Peak > B->Peak;
    });
    // Capacity mode fails if any component fails, so each may use all
    // that is left. Minimising shares the time so every tall component
    // gets its turn, and a second pass gives what the quick ones left
    // to those still above their proven bound.
    for (int Pass = 0; Pass < (Minimise ? 2 : 1); ++Pass) {
      std::vector<Component *> Pending;
      for (Component *C : Open)
        if (Pass == 0 || C->Peak > std::max(Target, C->ProvenBound))
          Pending.push_back(C);
      for (size_t I = 0; I < Pending.size(); ++I) {
        if (Until.expired())
          break;
        Deadline Share =
            Minimise ? Until.sooner(Until.secondsLeft() / (Pending.size() - I))
                     : Until;
        exactPhase(*Pending[I], Target, Share);
      }
    }
  }

  Result.Offsets.assign(P.size(), 0);
  int64_t Proven = 0;
  const Component *Tallest = nullptr;
  bool AnyInfeasible = false;
  for (Component &C : Comps) {
    for (size_t I = 0; I < C.Members.size(); ++I)
      Result.Offsets[C.Members[I]] = C.Offsets[I];
    if (!Tallest || C.Peak > Tallest->Peak)
      Tallest = &C;
    Proven = std::max(Proven, C.ProvenBound);
    if (!Minimise && (C.LowerBound > Opts.Capacity || C.ProvenInfeasible))
      AnyInfeasible = true;
  }
  Result.Peak = peakOf(P, Result.Offsets);
  Result.ProvenOptimal = Result.Peak <= Proven;
  Result.Method = Tallest ? Tallest->Method : "trivial";
  if (Tallest && Tallest->Method == "search")
    Result.Method += " (" + std::to_string(SearchNodes) + " nodes)";
  Result.Seconds = elapsed();
  if (!Minimise && Result.Peak > Opts.Capacity) {
    Result.Status = AnyInfeasible ? PackStatus::Infeasible
                                  : PackStatus::NotFound;
    Result.Message =
        AnyInfeasible
            ? (GlobalBound > Opts.Capacity
                   ? "lower bound " + std::to_string(GlobalBound) +
                         " exceeds capacity " + std::to_string(Opts.Capacity)
                   : "the exact search proved that no packing fits capacity " +
                         std::to_string(Opts.Capacity))
            : "no packing within capacity " + std::to_string(Opts.Capacity) +
                  " found in the time limit (best peak " +
                  std::to_string(Result.Peak) + ")";
    return Result;
  }
  std::string Invalid = validatePacking(P, Whole, Result.Offsets,
                                        Minimise ? -1 : Opts.Capacity);
  if (!Invalid.empty()) {
    Result.Status = PackStatus::InternalError;
    Result.Message = "packing failed validation: " + Invalid;
    return Result;
  }
  Result.Status = PackStatus::Packed;
  return Result;
}

} // namespace

PackResult pack(const Problem &P, const PackOptions &Options) {
  try {
    Orchestrator O(P, Options);
    return O.run();
  } catch (const std::bad_alloc &) {
    PackResult R;
    R.Status = PackStatus::InternalError;
    R.Message = "out of memory";
    return R;
  } catch (const std::exception &E) {
    PackResult R;
    R.Status = PackStatus::InternalError;
    R.Message = E.what();
    return R;
  }
}

} // namespace solver
} // namespace asap
