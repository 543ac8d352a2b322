//===- Greedy.cpp - Fast packing heuristics -------------------------------===//
//
// Placement scans the offset-sorted occupied ranges of the placed
// neighbours once, so each buffer costs O(d log d) for conflict degree d.
//
//===----------------------------------------------------------------------===//
#include "Greedy.h"

#include <algorithm>
#include <numeric>

namespace asap {
namespace solver {

const char *greedyOrderName(GreedyOrder O) {
  switch (O) {
  case GreedyOrder::Size:
    return "size";
  case GreedyOrder::Area:
    return "area";
  case GreedyOrder::Lifetime:
    return "lifetime";
  case GreedyOrder::ConflictLoad:
    return "conflict-load";
  case GreedyOrder::Start:
    return "start";
  case GreedyOrder::SizeClass:
    return "size-class";
  }
  return "?";
}

const char *fitName(Fit F) { return F == Fit::Best ? "best-fit" : "lowest-fit"; }

static std::vector<uint32_t> orderBuffers(const Problem &P,
                                          const ConflictGraph &G,
                                          GreedyOrder Order) {
  size_t N = P.size();
  std::vector<uint32_t> Ids(N);
  std::iota(Ids.begin(), Ids.end(), 0);
  auto Life = [&](uint32_t I) {
    const Buffer &B = P.Buffers[I];
    // Explicit-conflict problems may carry no lifetimes; degree stands in.
    // Saturating: lifetimes may span the whole int64 range.
    __int128 W = (__int128)B.Upper - B.Lower;
    return P.ExplicitConflicts ? int64_t(G.degree(I)) + 1
                               : W > INT64_MAX ? INT64_MAX : int64_t(W);
  };
  std::vector<int64_t> Key(N);
  std::vector<int64_t> Tie(N);
  for (uint32_t I = 0; I < N; ++I) {
    const Buffer &B = P.Buffers[I];
    switch (Order) {
    case GreedyOrder::Size:
      Key[I] = B.Size;
      Tie[I] = Life(I);
      break;
    case GreedyOrder::Area: {
      // Saturate instead of overflowing on huge products.
      __int128 A = (__int128)B.Size * Life(I);
      Key[I] = A > INT64_MAX ? INT64_MAX : (int64_t)A;
      Tie[I] = B.Size;
      break;
    }
    case GreedyOrder::Lifetime:
      Key[I] = Life(I);
      Tie[I] = B.Size;
      break;
    case GreedyOrder::ConflictLoad: {
      int64_t Load = B.Size;
      for (const uint32_t *J = G.begin(I); J != G.end(I); ++J)
        Load += P.Buffers[*J].Size;
      Key[I] = Load;
      Tie[I] = B.Size;
      break;
    }
    case GreedyOrder::Start:
      Key[I] = P.ExplicitConflicts ? 0 : -B.Lower;
      Tie[I] = B.Size;
      break;
    case GreedyOrder::SizeClass:
      // Within a factor of two sizes barely matter for fit; long-lived
      // buffers placed first leave the holes to short-lived ones.
      Key[I] = B.Size == 0 ? 0 : 64 - __builtin_clzll(uint64_t(B.Size));
      Tie[I] = Life(I);
      break;
    }
  }
  std::stable_sort(Ids.begin(), Ids.end(), [&](uint32_t A, uint32_t B) {
    if (Key[A] != Key[B])
      return Key[A] > Key[B];
    return Tie[A] > Tie[B];
  });
  return Ids;
}

std::vector<int64_t> greedyPack(const Problem &P, const ConflictGraph &G,
                                GreedyOrder Order, Fit F) {
  size_t N = P.size();
  std::vector<int64_t> Offsets(N, -1);
  std::vector<std::pair<int64_t, int64_t>> Occupied; // (offset, end)
  for (uint32_t B : orderBuffers(P, G, Order)) {
    const Buffer &Buf = P.Buffers[B];
    Occupied.clear();
    for (const uint32_t *J = G.begin(B); J != G.end(B); ++J)
      if (Offsets[*J] >= 0)
        Occupied.emplace_back(Offsets[*J], Offsets[*J] + P.Buffers[*J].Size);
    std::sort(Occupied.begin(), Occupied.end());
    int64_t Cursor = 0; // Lowest offset not covered by ranges scanned so far.
    int64_t Chosen = -1, ChosenGap = INT64_MAX;
    for (auto [Start, End] : Occupied) {
      if (Start > Cursor) {
        int64_t At = alignUp(Cursor, Buf.Alignment);
        if (At + Buf.Size <= Start && Start - Cursor < ChosenGap) {
          Chosen = At;
          ChosenGap = Start - Cursor;
          if (F == Fit::Lowest)
            break;
        }
      }
      Cursor = std::max(Cursor, End);
    }
    if (Chosen < 0)
      Chosen = alignUp(Cursor, Buf.Alignment);
    Offsets[B] = Chosen;
  }
  return Offsets;
}

// Most promising first: on large problems only the first few may fit in
// the time allowed.
static const std::pair<GreedyOrder, Fit> AllRuns[] = {
    {GreedyOrder::Size, Fit::Best},
    {GreedyOrder::ConflictLoad, Fit::Best},
    {GreedyOrder::SizeClass, Fit::Best},
    {GreedyOrder::Size, Fit::Lowest},
    {GreedyOrder::SizeClass, Fit::Lowest},
    {GreedyOrder::Area, Fit::Best},
    {GreedyOrder::ConflictLoad, Fit::Lowest},
    {GreedyOrder::Lifetime, Fit::Best},
    {GreedyOrder::Start, Fit::Best},
    {GreedyOrder::Area, Fit::Lowest},
    {GreedyOrder::Lifetime, Fit::Lowest},
    {GreedyOrder::Start, Fit::Lowest}};

std::vector<std::string> heuristicNames() {
  std::vector<std::string> Names;
  for (auto [O, F] : AllRuns)
    Names.push_back(std::string(greedyOrderName(O)) + "/" + fitName(F));
  return Names;
}

GreedyResult bestGreedy(const Problem &P, const ConflictGraph &G,
                        int64_t LowerBound, const Deadline &Until,
                        const std::string &Only) {
  GreedyResult Best;
  Best.Peak = INT64_MAX;
  // Most promising first: on large problems only the first few may fit in
  // the time allowed.
  double LongestRun = 0;
  for (auto [O, F] : AllRuns) {
    std::string Name = std::string(greedyOrderName(O)) + "/" + fitName(F);
    if (!Only.empty() && Name != Only)
      continue;
    // Do not start a run that would likely overshoot the deadline.
    if (!Best.Offsets.empty() && Until.secondsLeft() < LongestRun)
      break;
    double LeftBefore = Until.secondsLeft();
    std::vector<int64_t> Offsets = greedyPack(P, G, O, F);
    LongestRun = std::max(LongestRun, LeftBefore - Until.secondsLeft());
    int64_t Peak = peakOf(P, Offsets);
    if (Peak < Best.Peak) {
      Best.Offsets = std::move(Offsets);
      Best.Peak = Peak;
      Best.Heuristic = Name;
    }
    if (Best.Peak <= LowerBound || Until.expired())
      return Best;
  }
  return Best;
}

} // namespace solver
} // namespace asap
