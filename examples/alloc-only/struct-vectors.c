// Allocation-only example: growable arrays owned by a heap struct.
//
// A Series owns two buffers, each regrown in its field with realloc: the
// samples (grown by the classic "check, realloc, exit on failure, store
// back" sequence) and the running extremes (records copied in by value,
// grown by `s->field = realloc(s->field, n)`). realloc replaces each buffer
// in its field, so the fields own their buffers, and the Series is released
// after its last use together with whatever buffers it holds then.
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  long Index, Value;
} Extreme;

typedef struct {
  long *Samples;
  size_t Size, Cap;
  Extreme *Peaks;
  size_t NumPeaks;
} Series;

static Series *series_new(void) {
  Series *s = malloc(sizeof(Series));
  if (!s) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  s->Samples = NULL;
  s->Size = s->Cap = 0;
  s->Peaks = NULL;
  s->NumPeaks = 0;
  return s;
}

static void add_sample(Series *S, long V) {
  if (S->Size == S->Cap) {
    S->Cap = S->Cap ? 2 * S->Cap : 4;
    long *bigger = realloc(S->Samples, S->Cap * sizeof(long));
    if (!bigger) {
      fputs("out of memory\n", stderr);
      exit(1);
    }
    S->Samples = bigger;
  }
  S->Samples[S->Size++] = V;
}

static void add_peak(Series *S, Extreme E) {
  S->Peaks = realloc(S->Peaks, (S->NumPeaks + 1) * sizeof(Extreme));
  if (!S->Peaks)
    exit(1);
  S->Peaks[S->NumPeaks++] = E;
}

static long mean(const Series *S) {
  long sum = 0;
  for (size_t i = 0; i < S->Size; ++i)
    sum += S->Samples[i];
  return S->Size ? sum / (long)S->Size : 0;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 40;
  unsigned x = 7;
  long checksum = 0;
  for (int r = 0; r < rounds; ++r) {
    Series *s = series_new();
    long best = -1;
    for (int i = 0; i < 50 + 7 * r; ++i) {
      x = x * 1103515245u + 12345u;
      long v = (long)((x >> 8) % 1000);
      add_sample(s, v);
      if (v > best) {
        best = v;
        Extreme e = {i, v};
        add_peak(s, e);
      }
    }
    checksum += mean(s) + (long)s->NumPeaks * 1000;
    if (r % 10 == 0)
      printf("round %d: %zu samples, mean %ld, %zu peaks, last peak %ld at %ld\n",
             r, s->Size, mean(s), s->NumPeaks, s->Peaks[s->NumPeaks - 1].Value,
             s->Peaks[s->NumPeaks - 1].Index);
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
