/* Whole-program build, part 1: the buffer is allocated here and only read
 * by sum(), which lives in wp-sum.c. Only after the two translation units
 * are linked can asap see that sum() does not keep the pointer. */
#include <stdio.h>
#include <stdlib.h>

long sum(const long *values, int n);

int main(void) {
  long total = 0;
  for (int round = 1; round <= 3; ++round) {
    long *values = malloc(100 * sizeof(long));
    for (int i = 0; i < 100; ++i)
      values[i] = (long)i * round;
    total += sum(values, 100);
  }
  printf("total %ld\n", total);
  return 0;
}
