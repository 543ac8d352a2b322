// Soundness example: an object allocated in a helper is moved to the caller
// by `return`. The helper must not free it; the caller uses it afterwards.
#include <stdio.h>
#include <stdlib.h>

static char *make_label(int I) {
  char *s = malloc(24);
  if (!s)
    exit(1);
  snprintf(s, 24, "label #%03d", I);
  return s;
}

static int *make_squares(int N) {
  int *v = calloc((size_t)N, sizeof(int));
  if (!v)
    exit(1);
  for (int i = 0; i < N; ++i)
    v[i] = i * i;
  return v;
}

int main(void) {
  for (int i = 0; i < 4; ++i) {
    char *label = make_label(i);
    int *sq = make_squares(i + 3);
    printf("%s: last square %d\n", label, sq[i + 2]);
  }
  return 0;
}
