// Aliases across loop iterations: an interior pointer of the first object
// used after the loop replaced its owner, one carried from the previous
// iteration, a conditional allocation used under the same condition,
// pointers swapped through their addresses.
// Hand-written from the fuzz generator's hazards; passes today (asap keeps
// these objects alive or releases them after their true last use). The
// asapc build must print what the clang build prints, with no memcheck
// error (leaks allowed: undecided objects may stay alive).
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
int main(int argc, char **argv) {
  unsigned n = 4 + (unsigned)argc;
  /* alias of the first object used after the loop replaced it */
  unsigned *cur = malloc(n * sizeof *cur);
  for (unsigned i = 0; i < n; i++) cur[i] = i;
  unsigned *q = cur + 1;
  for (unsigned it = 0; it < n; it++) {
    unsigned *nx = malloc(n * sizeof *nx);
    for (unsigned i = 0; i < n; i++) nx[i] = cur[i] + it;
    cur = nx;
  }
  unsigned *junk = malloc(n * sizeof *junk); junk[1] = 77; mix(junk[1]);
  mix(*q + cur[2]);
  /* alias from the previous iteration */
  unsigned *c2 = malloc(n * sizeof *c2);
  for (unsigned i = 0; i < n; i++) c2[i] = i;
  unsigned *prevq = c2 + 2;
  for (unsigned it = 0; it < n; it++) {
    unsigned *nx = malloc(n * sizeof *nx);
    for (unsigned i = 0; i < n; i++) nx[i] = c2[i] + *prevq;
    unsigned *j2 = malloc(n * sizeof *j2); j2[0] = it; mix(j2[0]);
    mix(*prevq);
    prevq = nx + 1;
    c2 = nx;
  }
  mix(*prevq);
  /* conditional allocation, correlated guarded use */
  unsigned *u;
  if (argc > 0) { u = malloc(n * sizeof *u); u[0] = 3; }
  unsigned *j3 = malloc(n * sizeof *j3); j3[0] = 5; mix(j3[0]);
  if (argc > 0) mix(u[0]);
  /* swapping ends via pointers to locals */
  unsigned *x = malloc(16), *y = malloc(16);
  x[0] = 1; y[0] = 2;
  unsigned **px = &x, **py = &y;
  unsigned *t = *px; *px = *py; *py = t;
  unsigned *j4 = malloc(16); j4[0] = 5; mix(j4[0]);
  mix(x[0] * 10 + y[0]);
  printf("checksum %lu\n", ck);
  return 0;
}
