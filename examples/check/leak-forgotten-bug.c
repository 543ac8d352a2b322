// Planted bug (asap-leak): a scratch table is used and then simply forgotten;
// the function returns without ever releasing it. The leak is reported at
// the return, and the fix-it puts the free after the summing loop, the
// table's last use.
#include <stdio.h>
#include <stdlib.h>

static long sum_of_squares(int N) {
  long *table = calloc((size_t)N, sizeof(long));
  if (!table)
    return -1;
  for (int i = 0; i < N; ++i)
    table[i] = (long)i * i;
  long sum = 0;
  for (int i = 0; i < N; ++i)
    sum += table[i];
  return sum; // asap-expect: asap-leak
}

int main(void) {
  printf("%ld\n", sum_of_squares(100));
  return 0;
}
