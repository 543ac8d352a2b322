// Across functions: a function that frees a parameter its callers still
// use. The bug is reported where the caller uses or frees the object after
// the call, with the call and the release inside the callee as the path.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Treats its argument as its own: the caller's copy dies here.
void print_line(char *msg) {
  puts(msg);
  free(msg);
}

// The caller's object is this function's parameter: used after the call.
void print_twice(char *msg) {
  print_line(msg);
  puts(msg);
  // CHECK: xfn-borrowed.c:[[@LINE-1]]:3: warning: memory pointed to by parameter 'msg' is used after it was released by 'print_line()' at line [[@LINE-2]] [asap-use-after-free]
  // CHECK-NEXT: xfn-borrowed.c:[[@LINE-3]]:3: note: 'msg' released by print_line() at xfn-borrowed.c:14 (called here)
  // CHECK-NEXT: xfn-borrowed.c:14:3: note: print_line() releases it here
  // CHECK-NEXT: xfn-borrowed.c:18: note: 'msg' is a parameter; its memory belongs to the caller
}

// The caller frees what it believes it still owns.
int greet(const char *name) {
  char *line = malloc(strlen(name) + 8);
  if (!line)
    return -1;
  strcpy(line, "hello ");
  strcat(line, name);
  print_line(line);
  free(line);
  // CHECK: xfn-borrowed.c:[[@LINE-1]]:3: warning: memory allocated for 'line' is freed twice: it was already released by 'print_line()' at line [[@LINE-2]] [asap-double-free]
  // CHECK-NEXT: xfn-borrowed.c:[[@LINE-3]]:3: note: 'line' released by print_line() at xfn-borrowed.c:14 (called here)
  // CHECK-NEXT: xfn-borrowed.c:14:3: note: print_line() releases it here
  // CHECK-NEXT: xfn-borrowed.c:29:16: note: 'line' allocated here
  return 0;
}
