// Planted bug (asap-leak): a scratch table is used and then simply forgotten;
// the function returns without ever releasing it. The last handle dies when
// the summing loop exits (its last use is inside that loop), so that is
// where the leak is reported.
#include <stdio.h>
#include <stdlib.h>

static long sum_of_squares(int N) {
  long *table = calloc((size_t)N, sizeof(long));
  if (!table)
    return -1;
  for (int i = 0; i < N; ++i)
    table[i] = (long)i * i;
  long sum = 0;
  for (int i = 0; i < N; ++i) // asap-expect: asap-leak
    sum += table[i];
  return sum;
}

int main(void) {
  printf("%ld\n", sum_of_squares(100));
  return 0;
}
