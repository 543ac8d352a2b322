// xfn-borrowed.c fixed: the printing helper only borrows its argument and
// each caller releases its own object once. asap-check is silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_line(const char *msg) { puts(msg); }

void print_twice(char *msg) {
  print_line(msg);
  puts(msg);
}

int greet(const char *name) {
  char *line = malloc(strlen(name) + 8);
  if (!line)
    return -1;
  strcpy(line, "hello ");
  strcat(line, name);
  print_line(line);
  free(line);
  return 0;
}
