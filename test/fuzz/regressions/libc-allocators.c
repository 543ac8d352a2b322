// libc allocators beyond malloc: posix_memalign, aligned_alloc,
// reallocarray, strndup, asprintf, malloc(0), realloc(p, 0), a compound
// literal holding a pointer, getline and open_memstream (allocation through
// out-parameters).
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
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
struct holder { unsigned *p; unsigned n; };
int main(int argc, char **argv) {
  unsigned n = 3 + (unsigned)argc;
  void *pm = NULL;
  if (posix_memalign(&pm, 64, n * sizeof(unsigned)) == 0) {
    unsigned *u = pm; for (unsigned i = 0; i < n; i++) u[i] = i + 1;
    mix(u[n - 1]);
  }
  unsigned *al = aligned_alloc(32, 64); for (unsigned i = 0; i < 16; i++) al[i] = i; 
  unsigned *ra = reallocarray(NULL, n, sizeof *ra); for (unsigned i = 0; i < n; i++) ra[i] = 7 * i;
  ra = reallocarray(ra, 2 * n, sizeof *ra); for (unsigned i = n; i < 2 * n; i++) ra[i] = i;
  mix(al[5] + ra[2 * n - 1] + ra[1]);
  char *sd = strndup("abcdefghij", n); mix(strlen(sd));
  char *as = NULL;
  if (asprintf(&as, "%s-%u", sd, n) > 0) { mix((unsigned char)as[n + 1]); printf("%s\n", as); }
  unsigned *z = malloc(0); unsigned *z2 = malloc(0); mix(z == z2);
  unsigned *shrink = malloc(40); shrink[0] = 4; shrink = realloc(shrink, 0); mix(shrink == NULL);
  struct holder h = (struct holder){ malloc(n * sizeof(unsigned)), n };
  for (unsigned i = 0; i < h.n; i++) h.p[i] = i * 5;
  unsigned *j = malloc(n * sizeof *j); for (unsigned i = 0; i < n; i++) j[i] = 1; mix(j[argc]);
  mix(h.p[h.n - 1]);
  char *line = NULL; size_t cap = 0;
  FILE *f = fmemopen("one\ntwo\n", 8, "r");
  while (getline(&line, &cap, f) > 0) mix((unsigned char)line[0]);
  fclose(f);
  char *buf; size_t len;
  FILE *ms = open_memstream(&buf, &len);
  fprintf(ms, "hello %u", n); fclose(ms);
  mix(len + (unsigned char)buf[1]);
  char *ed = (argc > 5) ? strdup("yes") : strdup("no"); mix(ed[0]);
  printf("checksum %lu\n", ck);
  return 0;
}
