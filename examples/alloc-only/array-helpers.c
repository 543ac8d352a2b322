// Allocation-only example: arrays allocated in main and handed to helpers
// that only read them.
//
// sum(), max_of() and print_head() take const pointers and neither store nor
// free them; LLVM's function-attrs infers nocapture+readonly for their
// parameters, so the arrays stay owned by main and are released after their
// last use there.
#include <stdio.h>
#include <stdlib.h>

static long sum(const int *A, int N) {
  long s = 0;
  for (int i = 0; i < N; ++i)
    s += A[i];
  return s;
}

static int max_of(const int *A, int N) {
  int m = A[0];
  for (int i = 1; i < N; ++i)
    if (A[i] > m)
      m = A[i];
  return m;
}

static void print_head(const char *Name, const int *A, int N) {
  printf("%s:", Name);
  for (int i = 0; i < N && i < 8; ++i)
    printf(" %d", A[i]);
  printf("%s\n", N > 8 ? " ..." : "");
}

int main(void) {
  const int N = 1000;
  int *squares = malloc(N * sizeof(int));
  int *collatz = malloc(N * sizeof(int));
  if (!squares || !collatz)
    return 1;
  for (int i = 0; i < N; ++i) {
    squares[i] = (i * i) % 9973;
    long x = i + 1;
    int steps = 0;
    while (x != 1) {
      x = (x & 1) ? 3 * x + 1 : x / 2;
      ++steps;
    }
    collatz[i] = steps;
  }
  print_head("squares", squares, N);
  printf("sum(squares) = %ld, max = %d\n", sum(squares, N), max_of(squares, N));
  print_head("collatz", collatz, N);
  printf("sum(collatz) = %ld, max = %d\n", sum(collatz, N), max_of(collatz, N));
  return 0;
}
