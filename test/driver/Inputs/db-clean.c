/* A second entry of the compilation database, without findings. */
#include <stdlib.h>

int helper_sum(int n) {
  int *v = malloc(n * sizeof(int));
  int s = 0;
  for (int i = 0; i < n; ++i)
    v[i] = i;
  for (int i = 0; i < n; ++i)
    s += v[i];
  free(v);
  return s;
}
