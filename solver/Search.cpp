//===- Search.cpp - Exact packing search in the style of MiniMalloc -------===//
//
// State changes made by a placement (minimum offsets of neighbours, section
// floors, unplaced totals) are logged on a trail and undone on backtrack,
// so a search node costs time proportional to what it touches.
//
//===----------------------------------------------------------------------===//
#include "Search.h"

#include <algorithm>
#include <climits>
#include <numeric>

namespace asap {
namespace solver {
namespace {

enum class Outcome { Found, NotFound, Aborted, Timeout };

struct Part {
  std::vector<uint32_t> Buffers; // Sorted by static rank.
  int SecLo = 0, SecHi = 0;      // Sections [SecLo, SecHi).
};

struct Candidate {
  int64_t Offset;
  int Rank;
  uint32_t Buffer;
  bool operator<(const Candidate &O) const {
    return Offset != O.Offset ? Offset < O.Offset : Rank < O.Rank;
  }
};

class Searcher {
public:
  Searcher(const Problem &P, const ConflictGraph &G, int64_t Capacity,
           const Deadline &Until)
      : P(P), G(G), Capacity(Capacity), Until(Until) {}

  SearchStatus run(std::vector<int64_t> &Out, SearchStats &Stats);

private:
  void buildSections();
  void rankBuffers(std::vector<uint32_t> &Buffers,
                   const std::vector<int64_t> &SectionTotal);
  Outcome solveRoot();
  Outcome dfs(const Part &Pt, int64_t LastOffset, int LastRank);
  Outcome afterPlacement(const Part &Pt, int64_t Offset, int Rank,
                         uint32_t B);
  Outcome solvePieces(const Part &Pt, const std::vector<int> &Bounds);
  void place(uint32_t B, int64_t Offset);
  void raiseFloor(int Section);
  void undo(size_t Mark);
  bool fits(const Part &Pt, int64_t Offset) const;
  void set(int64_t &Slot, int64_t Value) {
    if (TrailTop == Trail.size())
      Trail.resize(2 * Trail.size() + 1024);
    Trail[TrailTop++] = {&Slot, Slot};
    Slot = Value;
  }

  const Problem &P;
  const ConflictGraph &G;
  int64_t Capacity;
  const Deadline &Until;

  std::vector<uint32_t> Live; // Buffers of non-zero size.
  std::vector<int> SecLo, SecHi;
  std::vector<std::vector<uint32_t>> SectionBuffers;
  std::vector<int64_t> InitialTotal;
  std::vector<int> Cuts; // Cuts[K]: unplaced buffers spanning K and K+1.

  std::vector<int64_t> Offset, MinOffset, Floor, Remaining, Best;
  std::vector<int> Rank;
  const char *Heuristic = "";
  struct Change {
    int64_t *Slot;
    int64_t Old;
  };
  std::vector<Change> Trail; // Entries [0, TrailTop) are live.
  size_t TrailTop = 0;
  std::vector<std::pair<int, int>> Scratch;
  int64_t NodesLeft = 0;
  uint64_t Nodes = 0, Backtracks = 0;
};

void Searcher::buildSections() {
  std::vector<int64_t> Points;
  for (uint32_t B : Live) {
    Points.push_back(P.Buffers[B].Lower);
    Points.push_back(P.Buffers[B].Upper);
  }
  std::sort(Points.begin(), Points.end());
  Points.erase(std::unique(Points.begin(), Points.end()), Points.end());
  int S = Points.empty() ? 0 : int(Points.size()) - 1;
  size_t N = P.size();
  SecLo.assign(N, 0);
  SecHi.assign(N, 0);
  SectionBuffers.assign(S, {});
  InitialTotal.assign(S, 0);
  Cuts.assign(S > 0 ? S - 1 : 0, 0);
  auto IndexOf = [&](int64_t T) {
    return int(std::lower_bound(Points.begin(), Points.end(), T) -
               Points.begin());
  };
  for (uint32_t B : Live) {
    SecLo[B] = IndexOf(P.Buffers[B].Lower);
    SecHi[B] = IndexOf(P.Buffers[B].Upper);
    for (int S = SecLo[B]; S < SecHi[B]; ++S) {
      SectionBuffers[S].push_back(B);
      InitialTotal[S] += P.Buffers[B].Size;
    }
    for (int K = SecLo[B]; K + 1 < SecHi[B]; ++K)
      ++Cuts[K];
  }
}

// Static orders named as in MiniMalloc: W = lifetime width, A = area,
// T = largest section total the buffer takes part in; earlier letters
// dominate, larger values come first. Sorts Buffers into that order and
// ranks them 0, 1, ...
void Searcher::rankBuffers(std::vector<uint32_t> &Buffers,
                           const std::vector<int64_t> &SectionTotal) {
  struct Keys {
    double W, A, T; // Doubles: width x size may not fit 64 bits.
  };
  std::vector<std::pair<Keys, uint32_t>> Keyed;
  Keyed.reserve(Buffers.size());
  for (uint32_t B : Buffers) {
    const Buffer &Buf = P.Buffers[B];
    double Width = double(Buf.Upper) - double(Buf.Lower);
    Keys K{Width, Width * double(Buf.Size), 0};
    for (int S = SecLo[B]; S < SecHi[B]; ++S)
      K.T = std::max(K.T, double(SectionTotal[S]));
    Keyed.push_back({K, B});
  }
  std::sort(Keyed.begin(), Keyed.end(), [&](const auto &X, const auto &Y) {
    for (const char *C = Heuristic; *C; ++C) {
      double KX = *C == 'W' ? X.first.W : *C == 'A' ? X.first.A : X.first.T;
      double KY = *C == 'W' ? Y.first.W : *C == 'A' ? Y.first.A : Y.first.T;
      if (KX != KY)
        return KX > KY;
    }
    return X.second < Y.second;
  });
  for (size_t I = 0; I < Keyed.size(); ++I) {
    Buffers[I] = Keyed[I].second;
    Rank[Buffers[I]] = int(I);
  }
}

void Searcher::place(uint32_t B, int64_t At) {
  const Buffer &Buf = P.Buffers[B];
  int64_t Top = At + Buf.Size;
  set(Offset[B], At);
  // Sections of neighbours whose lowest position rose, as merged ranges.
  std::vector<std::pair<int, int>> &Affected = Scratch;
  Affected.clear();
  for (const uint32_t *I = G.begin(B); I != G.end(B); ++I) {
    uint32_t N = *I;
    if (Offset[N] >= 0 || MinOffset[N] >= Top)
      continue;
    set(MinOffset[N], alignUp(Top, P.Buffers[N].Alignment));
    Affected.emplace_back(SecLo[N], SecHi[N]);
  }
  std::sort(Affected.begin(), Affected.end());
  // Every buffer still to be placed in B's sections conflicts with B and
  // comes no lower than B, hence starts at B's top or above.
  for (int S = SecLo[B]; S < SecHi[B]; ++S) {
    set(Floor[S], Top);
    set(Remaining[S], Remaining[S] - Buf.Size);
  }
  // A section's floor is also at least the lowest position of the buffers
  // still to be placed in it.
  int Done = 0; // Sections below Done were already updated.
  for (auto [Lo, Hi] : Affected) {
    for (int S = std::max(Lo, Done); S < Hi; ++S)
      raiseFloor(S);
    Done = std::max(Done, Hi);
  }
}

void Searcher::raiseFloor(int S) {
  int64_t Lowest = INT64_MAX;
  for (uint32_t N : SectionBuffers[S])
    if (Offset[N] < 0) {
      Lowest = std::min(Lowest, MinOffset[N]);
      if (Lowest <= Floor[S])
        return; // Nothing to raise: stop scanning early.
    }
  if (Lowest != INT64_MAX && Floor[S] < Lowest)
    set(Floor[S], Lowest);
}

void Searcher::undo(size_t Mark) {
  while (TrailTop > Mark) {
    --TrailTop;
    *Trail[TrailTop].Slot = Trail[TrailTop].Old;
  }
}

bool Searcher::fits(const Part &Pt, int64_t At) const {
  for (int S = Pt.SecLo; S < Pt.SecHi; ++S)
    if (std::max(Floor[S], At) + Remaining[S] > Capacity)
      return false;
  return true;
}

Outcome Searcher::dfs(const Part &Pt, int64_t LastOffset, int LastRank) {
  if (NodesLeft-- <= 0)
    return Outcome::Aborted;
  if ((++Nodes & 1023) == 0 && Until.expired())
    return Outcome::Timeout;
  int64_t MinHeight = INT64_MAX;
  bool AnyUnplaced = false;
  for (uint32_t B : Pt.Buffers)
    if (Offset[B] < 0) {
      AnyUnplaced = true;
      MinHeight = std::min(MinHeight, MinOffset[B] + P.Buffers[B].Size);
    }
  if (!AnyUnplaced) {
    for (uint32_t B : Pt.Buffers)
      Best[B] = Offset[B];
    return Outcome::Found;
  }
  // Only buffers that may go next are ordered: canonical order forbids
  // going below the last placement (or level with it at a lower rank), and
  // dominance forbids starting at or above MinHeight, which would leave
  // room below that no later (higher) placement could use.
  std::vector<Candidate> Order;
  for (uint32_t B : Pt.Buffers) {
    int64_t At = MinOffset[B];
    if (Offset[B] < 0 && At < MinHeight && At >= LastOffset &&
        (At > LastOffset || Rank[B] >= LastRank))
      Order.push_back({At, Rank[B], B});
  }
  std::sort(Order.begin(), Order.end());
  for (const Candidate &C : Order) {
    size_t Mark = TrailTop;
    place(C.Buffer, C.Offset);
    Outcome R = Outcome::NotFound;
    if (fits(Pt, C.Offset))
      R = afterPlacement(Pt, C.Offset, C.Rank, C.Buffer);
    undo(Mark);
    if (R != Outcome::NotFound)
      return R;
  }
  ++Backtracks;
  return Outcome::NotFound;
}

Outcome Searcher::afterPlacement(const Part &Pt, int64_t At, int R,
                                 uint32_t B) {
  Best[B] = At;
  std::vector<int> Bounds;
  for (int K = SecLo[B]; K + 1 < SecHi[B]; ++K)
    if (--Cuts[K] == 0 && K >= Pt.SecLo && K + 1 < Pt.SecHi)
      Bounds.push_back(K + 1);
  Outcome Result = Bounds.empty() ? dfs(Pt, At, R) : solvePieces(Pt, Bounds);
  for (int K = SecLo[B]; K + 1 < SecHi[B]; ++K)
    ++Cuts[K];
  return Result;
}

// Solves the unplaced buffers of Pt between consecutive Bounds (sorted
// section indices no unplaced buffer crosses) one piece at a time.
Outcome Searcher::solvePieces(const Part &Pt, const std::vector<int> &Bounds) {
  std::vector<int> Edges;
  Edges.push_back(Pt.SecLo);
  Edges.insert(Edges.end(), Bounds.begin(), Bounds.end());
  Edges.push_back(Pt.SecHi);
  for (size_t I = 0; I + 1 < Edges.size(); ++I) {
    Part Piece;
    Piece.SecLo = Edges[I];
    Piece.SecHi = Edges[I + 1];
    for (uint32_t B : Pt.Buffers)
      if (Offset[B] < 0 && SecLo[B] < Piece.SecHi && SecHi[B] > Piece.SecLo)
        Piece.Buffers.push_back(B);
    if (Piece.Buffers.empty())
      continue;
    // Re-rank by what is left: the totals have changed since the parent's
    // order was made. The parent still needs its ranks on backtrack.
    std::vector<int> SavedRank;
    for (uint32_t B : Piece.Buffers)
      SavedRank.push_back(Rank[B]);
    std::vector<uint32_t> Saved = Piece.Buffers;
    rankBuffers(Piece.Buffers, Remaining);
    Outcome R = dfs(Piece, 0, -1);
    for (size_t J = 0; J < Saved.size(); ++J)
      Rank[Saved[J]] = SavedRank[J];
    if (R != Outcome::Found)
      return R;
  }
  return Outcome::Found;
}

Outcome Searcher::solveRoot() {
  Part All;
  All.Buffers = Live;
  rankBuffers(All.Buffers, InitialTotal);
  All.SecLo = 0;
  All.SecHi = int(SectionBuffers.size());
  std::vector<int> Bounds;
  for (size_t K = 0; K < Cuts.size(); ++K)
    if (Cuts[K] == 0)
      Bounds.push_back(int(K) + 1);
  return Bounds.empty() ? dfs(All, 0, -1) : solvePieces(All, Bounds);
}

SearchStatus Searcher::run(std::vector<int64_t> &Out, SearchStats &Stats) {
  size_t N = P.size();
  Out.assign(N, 0);
  for (uint32_t B = 0; B < N; ++B)
    if (P.Buffers[B].Size > 0)
      Live.push_back(B);
  buildSections();
  size_t S = SectionBuffers.size();
  for (int64_t Total : InitialTotal)
    if (Total > Capacity)
      return SearchStatus::Infeasible;
  for (uint32_t B : Live)
    if (P.Buffers[B].Size > Capacity)
      return SearchStatus::Infeasible;
  Offset.assign(N, -1);
  for (uint32_t B = 0; B < N; ++B)
    if (P.Buffers[B].Size == 0)
      Offset[B] = 0;
  MinOffset.assign(N, 0);
  Best.assign(N, 0);
  Floor.assign(S, 0);
  Remaining = InitialTotal;
  Trail.resize(1 << 16);

  const char *Heuristics[] = {"WAT", "TAW", "TWA"};
  int64_t NodeLimit = std::max<int64_t>(int64_t(Live.size()), 1);
  SearchStatus Status = SearchStatus::Timeout;
  for (bool Done = false; !Done;) {
    NodeLimit *= 2;
    for (const char *H : Heuristics) {
      Heuristic = H;
      Rank.assign(P.size(), 0);
      NodesLeft = NodeLimit;
      Outcome R = solveRoot();
      if (R == Outcome::Aborted)
        continue;
      Done = true;
      Status = R == Outcome::Found      ? SearchStatus::Feasible
               : R == Outcome::NotFound ? SearchStatus::Infeasible
                                        : SearchStatus::Timeout;
      break;
    }
    if (!Done && Until.expired())
      break;
  }
  if (Status == SearchStatus::Feasible)
    for (uint32_t B : Live)
      Out[B] = Best[B];
  Stats.Nodes += Nodes;
  Stats.Backtracks += Backtracks;
  return Status;
}

} // namespace

SearchStatus searchPacking(const Problem &P, const ConflictGraph &G,
                           int64_t Capacity, const Deadline &Until,
                           std::vector<int64_t> &Offsets, SearchStats *Stats) {
  SearchStats Local;
  Searcher S(P, G, Capacity, Until);
  return S.run(Offsets, Stats ? *Stats : Local);
}

} // namespace solver
} // namespace asap
