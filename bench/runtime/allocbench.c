/* allocbench.c - statically managed allocation throughput: batches of
 * small objects (16-256 bytes, a fixed pseudo-random mix) allocated,
 * touched and released with free(), LIFO and interleaved, the pattern the
 * compiler's releases produce. Linked with libasaprt or left on glibc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { kBatch = 1000, kRounds = 20000 };

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : kRounds;
  static void *slots[kBatch];
  uint32_t seed = 12345;
  uint64_t sum = 0;
  for (int r = 0; r < rounds; ++r) {
    for (int i = 0; i < kBatch; ++i) {
      seed = seed * 1103515245u + 12345u;
      size_t size = 16 + (seed >> 16) % 241;
      char *p = malloc(size);
      p[0] = (char)i;
      slots[i] = p;
    }
    /* Free every other object, then the rest in reverse: a mix of
     * interleaved and LIFO releases. */
    for (int i = 0; i < kBatch; i += 2) {
      sum += ((char *)slots[i])[0];
      free(slots[i]);
    }
    for (int i = kBatch - 1; i > 0; i -= 2) {
      sum += ((char *)slots[i])[0];
      free(slots[i]);
    }
  }
  printf("sum %llu\n", (unsigned long long)sum);
  return 0;
}
