// Correlated branches: the free and the use are guarded by the same
// condition, or by a flag variable set where the free happens. Each case is
// silent where the path that frees never reaches the use, and reported when
// the guard lets it through.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' \
// RUN:   -disable-output %t.ll 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void same_condition(const char *s, int early) {
  char *copy = strdup(s);
  if (early)
    free(copy);
  puts("working");
  if (!early) {
    puts(copy);
    free(copy);
  }
}

int freed_flag(int n) {
  char *p = malloc(n + 1);
  int freed = 0;
  if (!p)
    return -1;
  snprintf(p, n + 1, "%d", n);
  if (n > 3) {
    free(p);
    freed = 1;
  }
  if (!freed) {
    puts(p);
    free(p);
  }
  return 0;
}

// The guard is the wrong way round: the path that freed reaches the use.
int wrong_flag(int n) {
  char *p = malloc(n + 1);
  int freed = 0;
  if (!p)
    return -1;
  snprintf(p, n + 1, "%d", n);
  if (n > 3) {
    free(p);
    freed = 1;
  }
  if (freed)
    puts(p);
  if (!freed)
    free(p);
  return 0;
}

// CHECK: flags.c:54:5: warning: memory allocated for 'p' is used after it was freed at line 50 [asap-use-after-free]
// CHECK-NEXT: flags.c:50:5: note: 'p' was freed here
// CHECK-NEXT: flags.c:44:13: note: 'p' allocated here
