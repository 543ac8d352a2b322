// Allocation-only example: a small matrix multiply.
//
// Three N x N matrices are allocated in run(), filled, multiplied by a helper
// that reads A and B and writes C, and summarised by a helper that only reads.
// run() is called for several sizes; each call's matrices die when it returns.
#include <stdio.h>
#include <stdlib.h>

static void fill(double *M, int N, int Seed) {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      M[i * N + j] = (double)((i * 7 + j * 3 + Seed) % 11) - 5.0;
}

static void multiply(const double *A, const double *B, double *C, int N) {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double acc = 0;
      for (int k = 0; k < N; ++k)
        acc += A[i * N + k] * B[k * N + j];
      C[i * N + j] = acc;
    }
}

static double trace(const double *M, int N) {
  double t = 0;
  for (int i = 0; i < N; ++i)
    t += M[i * N + i];
  return t;
}

static double checksum(const double *M, int N) {
  double s = 0;
  for (int i = 0; i < N * N; ++i)
    s += M[i] * (double)(i % 5 + 1);
  return s;
}

static void run(int N) {
  double *A = malloc(sizeof(double) * N * N);
  double *B = malloc(sizeof(double) * N * N);
  double *C = calloc((size_t)N * N, sizeof(double));
  if (!A || !B || !C)
    return;
  fill(A, N, 1);
  fill(B, N, 4);
  multiply(A, B, C, N);
  printf("n=%3d trace(A)=%8.1f trace(C)=%10.1f checksum(C)=%12.1f\n", N,
         trace(A, N), trace(C, N), checksum(C, N));
}

int main(void) {
  for (int n = 4; n <= 40; n += 12)
    run(n);
  return 0;
}
