// Helpers returning a fresh object or NULL (if/return, select, after a
// failed-malloc check: fresh-owned since a7e6fef) next to helpers returning
// a fresh object or something that is not null and not owned (a static
// buffer, an integer sentinel, their argument), one that also keeps it in a
// global, and an allocator wrapper with a cache that returns the same object
// twice.
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
#include <stdint.h>
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
static unsigned fallback_buf[8] = {5, 6, 7, 8, 9, 10, 11, 12};
static unsigned *make_or_null(unsigned n) {
  unsigned *p = malloc(n * sizeof *p);
  if (!p) return NULL;
  for (unsigned i = 0; i < n; i++) p[i] = i + 1;
  return p;
}
static unsigned *make_if(unsigned n) {
  if (n < 2) return NULL;
  unsigned *p = malloc(n * sizeof *p);
  for (unsigned i = 0; i < n; i++) p[i] = i * 2;
  return p;
}
static unsigned *make_sel(unsigned n) {
  unsigned *p = malloc(n * sizeof *p);
  for (unsigned i = 0; i < n; i++) p[i] = i * 3;
  return n > 2 ? p : NULL;
}
static unsigned *make_or_static(unsigned n) {
  if (n < 3) return fallback_buf;
  unsigned *p = malloc(n * sizeof *p);
  for (unsigned i = 0; i < n; i++) p[i] = i * 4;
  return p;
}
static unsigned *make_or_sentinel(unsigned n) {
  if (n < 3) return (unsigned *)(uintptr_t)8;
  unsigned *p = malloc(n * sizeof *p);
  for (unsigned i = 0; i < n; i++) p[i] = i * 5;
  return p;
}
static unsigned *make_or_arg(unsigned n, unsigned *arg) {
  if (n < 3) return arg;
  unsigned *p = malloc(n * sizeof *p);
  for (unsigned i = 0; i < n; i++) p[i] = i * 6;
  return p;
}
static unsigned *g_last;
static unsigned *make_and_remember(unsigned n) {
  unsigned *p = malloc(n * sizeof *p);
  if (!p) return NULL;
  for (unsigned i = 0; i < n; i++) p[i] = i * 7;
  if (n == 4) g_last = p;
  return p;
}
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) { puts("oom"); exit(100); } return p; }
static void *xmalloc_cached(size_t n) {
  static void *cache;
  if (n == 16 && cache) return cache;
  void *p = xmalloc(n);
  if (n == 16) cache = p;
  return p;
}
int main(int argc, char **argv) {
  unsigned n = 2 + (unsigned)argc;
  for (unsigned k = 0; k < 5; k++) {
    unsigned m = n + k - 2;
    unsigned *a = make_or_null(m + 1);
    unsigned *b = make_if(m);
    unsigned *c = make_sel(m);
    unsigned *d = make_or_static(m);
    unsigned *e = make_or_sentinel(m);
    unsigned *own = malloc(4 * sizeof *own); own[0] = 40 + k; own[1] = 41;
    unsigned *f = make_or_arg(m, own);
    unsigned *g = make_and_remember(m + 2);
    if (a) mix(a[m]);
    if (b) mix(b[1]);
    if (c) mix(c[2]);
    mix(d[1]);
    if (e != (unsigned *)(uintptr_t)8) mix(e[2]); else mix(8);
    mix(f[1]);
    mix(own[0]);
    if (g) mix(g[m + 1]);
    unsigned *x1 = xmalloc(16), *x2 = xmalloc(16);
    x1[0] = k; x2[0] = k + 1; mix(x1[0] * 10 + x2[0]);
    unsigned *c1 = xmalloc_cached(16), *c2 = xmalloc_cached(16);
    c1[1] = k; mix(c2[1] + c1[1]);
  }
  if (g_last) mix(g_last[2]);
  printf("checksum %lu\n", ck);
  return 0;
}
