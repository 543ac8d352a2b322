// End to end through opt: an allocation-only program, released by asap-free,
// prints the same output as the plain build and is valgrind-clean (no leak,
// no invalid access, no double free). Covers per-iteration buffers, a phi of
// two objects, strings borrowed by libc, and an object that dies on a branch.
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -gdwarf-4 -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain 3 > %t.expected
// RUN: %valgrind %t.asap 3 > %t.out
// RUN: diff %t.expected %t.out
// RUN: %valgrind %t.asap > %t.out0
// RUN: %t.plain > %t.expected0
// RUN: diff %t.expected0 %t.out0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checksum(const char *s) {
  int h = 0;
  for (; *s; s++)
    h = h * 31 + *s;
  return h;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 1;
  long total = 0;
  for (int r = 0; r < rounds * 100; r++) {
    char *line = malloc(32);
    snprintf(line, 32, "round %d", r);
    total += checksum(line) + (long)strlen(line);
  }
  char *msg = argc > 1 ? strdup("with argument") : strdup("without argument");
  printf("%s: %ld\n", msg, total);
  int *squares = calloc(16, sizeof(int));
  for (int i = 0; i < 16; i++)
    squares[i] = i * i;
  if (rounds > 2) {
    printf("%d\n", squares[15]);
  }
  return 0;
}
