// Allocation-only example: per-iteration arrays with calloc and a window.
//
// For each of several series, a window buffer and a prefix-sum array are
// allocated inside the loop body, filled, read by helpers and dropped before
// the next series. A string label is strdup'ed per series as well.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double mean(const double *V, int N) {
  double s = 0;
  for (int i = 0; i < N; ++i)
    s += V[i];
  return N ? s / N : 0;
}

static double max_window_sum(const long *Prefix, int N, int Window) {
  long best = Prefix[Window] - Prefix[0];
  for (int i = Window; i <= N; ++i) {
    long s = Prefix[i] - Prefix[i - Window];
    if (s > best)
      best = s;
  }
  return (double)best;
}

int main(void) {
  static const char *const Names[] = {"alpha", "beta", "gamma", "delta"};
  for (int series = 0; series < 4; ++series) {
    int n = 200 + 100 * series;
    double *values = malloc(sizeof(double) * n);
    long *prefix = calloc((size_t)n + 1, sizeof(long));
    char *label = strdup(Names[series]);
    if (!values || !prefix || !label)
      return 1;
    label[0] = (char)(label[0] - 'a' + 'A');
    unsigned x = 7u * (unsigned)series + 1u;
    for (int i = 0; i < n; ++i) {
      x = x * 1664525u + 1013904223u;
      long sample = (long)(x >> 20) % 1000;
      values[i] = (double)sample / 10.0;
      prefix[i + 1] = prefix[i] + sample;
    }
    printf("%-6s n=%4d mean=%7.3f best-window(16)=%8.1f\n", label, n,
           mean(values, n), max_window_sum(prefix, n, 16));
  }
  return 0;
}
