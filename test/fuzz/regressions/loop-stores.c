// Objects stored into a field inside a loop (directly, through a
// constructor, on one iteration only) stay alive across iterations: a deep
// drop of the cell must not free what the next iteration stores again.
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
struct cell { unsigned val; struct cell *next; };
static struct cell *cons(unsigned v, struct cell *next) {
  struct cell *c = malloc(sizeof *c); c->val = v; c->next = next; return c;
}
static unsigned walk(const struct cell *l) { unsigned s = 0; for (; l; l = l->next) s = s * 3u + l->val; return s; }
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
int main(int argc, char **argv) {
  unsigned n = 2 + (unsigned)argc;
  struct cell *shared = cons(1, cons(2, NULL));
  for (unsigned i = 0; i < n; i++) {
    struct cell *c = malloc(sizeof *c);
    c->val = i;
    c->next = shared;
    mix(walk(c));
  }
  struct cell *sh2 = cons(5, NULL);
  for (unsigned i = 0; i < n; i++) {
    struct cell *c = cons(i, sh2);
    struct cell *junk = cons(9, NULL); mix(walk(junk));
    mix(walk(c));
  }
  struct cell *sh3 = cons(6, NULL);
  for (unsigned i = 0; i < n; i++) {
    struct cell *c = malloc(sizeof *c);
    c->val = i;
    if (i == 1) c->next = sh3; else c->next = NULL;
    mix(walk(c));
  }
  struct cell *sh4 = cons(7, NULL);
  struct cell *holder = NULL;
  for (unsigned i = 0; i < n; i++) {
    if (i == 0) holder = cons(3, sh4);
    else { struct cell *t = cons(4, NULL); mix(walk(t)); }
  }
  mix(walk(holder));
  printf("checksum %lu\n", ck);
  return 0;
}
