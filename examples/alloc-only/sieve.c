// Allocation-only example: the sieve of Eratosthenes.
//
// The composite flags live in one calloc'd array; the primes found are copied
// into a second malloc'd array that a read-only helper summarises. Both die at
// the end of sieve(), which runs for several limits.
#include <stdio.h>
#include <stdlib.h>

static void summarise(int Limit, const int *Primes, int Count) {
  long sum = 0;
  for (int i = 0; i < Count; ++i)
    sum += Primes[i];
  printf("limit %6d: %5d primes, sum %9ld, largest %d\n", Limit, Count, sum,
         Count ? Primes[Count - 1] : 0);
}

static void sieve(int Limit) {
  unsigned char *composite = calloc((size_t)Limit + 1, 1);
  if (!composite)
    return;
  int count = 0;
  for (int i = 2; i <= Limit; ++i) {
    if (composite[i])
      continue;
    ++count;
    for (long j = (long)i * i; j <= Limit; j += i)
      composite[j] = 1;
  }
  int *primes = malloc(sizeof(int) * (size_t)(count ? count : 1));
  if (!primes)
    return;
  int k = 0;
  for (int i = 2; i <= Limit; ++i)
    if (!composite[i])
      primes[k++] = i;
  summarise(Limit, primes, count);
}

int main(void) {
  for (int limit = 10; limit <= 100000; limit *= 10)
    sieve(limit);
  return 0;
}
