// Fixed twin of leak-forgotten-bug.c: the table is released after its last
// use.
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
  free(table);
  return sum;
}

int main(void) {
  printf("%ld\n", sum_of_squares(100));
  return 0;
}
