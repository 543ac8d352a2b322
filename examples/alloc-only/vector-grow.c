// Allocation-only example: a vector grown with realloc, used, then dropped.
//
// realloc consumes its argument and returns the new owner, so the object
// moves from one SSA value to the next through the loop; only the final
// buffer is live at the end, and it dies after the statistics are printed.
#include <stdio.h>
#include <stdlib.h>

static long median_of_sorted(const long *V, size_t N) {
  return N % 2 ? V[N / 2] : (V[N / 2 - 1] + V[N / 2]) / 2;
}

static int compare_long(const void *A, const void *B) {
  long x = *(const long *)A, y = *(const long *)B;
  return (x > y) - (x < y);
}

static void run(unsigned Seed, size_t Count) {
  size_t cap = 4, size = 0;
  long *v = malloc(cap * sizeof(long));
  if (!v)
    return;
  unsigned x = Seed;
  unsigned grows = 0;
  while (size < Count) {
    if (size == cap) {
      cap *= 2;
      long *bigger = realloc(v, cap * sizeof(long));
      if (!bigger)
        return;
      v = bigger;
      ++grows;
    }
    x = x * 1103515245u + 12345u;
    v[size++] = (long)((x >> 8) % 100000);
  }
  qsort(v, size, sizeof(long), compare_long);
  printf("seed %u: %zu values, %u grows, capacity %zu, min %ld, median %ld, "
         "max %ld\n",
         Seed, size, grows, cap, v[0], median_of_sorted(v, size), v[size - 1]);
}

int main(void) {
  for (unsigned seed = 1; seed <= 5; ++seed)
    run(seed, 1000 * seed);
  return 0;
}
