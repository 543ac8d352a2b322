// Allocation-only example in C++: objects from `new` and arrays from
// `new[]`, never deleted, living inside one function.
//
// Trivially destructible types only, so dropping them needs no destructor
// call: asapc build releases each with the deallocator of its family
// (operator delete / operator delete[]).
#include <cstdio>

struct Stats {
  long Sum = 0;
  long Min = 0;
  long Max = 0;
  int Count = 0;
};

static void add(Stats &S, long V) {
  if (S.Count == 0 || V < S.Min)
    S.Min = V;
  if (S.Count == 0 || V > S.Max)
    S.Max = V;
  S.Sum += V;
  ++S.Count;
}

static void summarise(int Round) {
  int n = 50 + 25 * Round;
  long *samples = new long[n];
  Stats *stats = new Stats();
  unsigned x = 17u + (unsigned)Round;
  for (int i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    samples[i] = (long)((x >> 16) % 1000) - 500;
    add(*stats, samples[i]);
  }
  std::printf("round %d: n=%d sum=%ld min=%ld max=%ld first=%ld\n", Round,
              stats->Count, stats->Sum, stats->Min, stats->Max, samples[0]);
}

int main() {
  for (int r = 0; r < 4; ++r)
    summarise(r);
  for (int i = 0; i < 3; ++i) {
    int *cell = new int(i * i);
    std::printf("cell %d = %d\n", i, *cell);
  }
  return 0;
}
