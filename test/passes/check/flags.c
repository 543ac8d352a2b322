// Correlated branches: the free and the use are guarded by the same
// condition, by a flag variable set where the free happens, or by
// comparisons of the same value with constants. Each case is
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

// Different comparisons of the same value: `n > 3` then `n < 2` cannot both
// hold, so the use is not after the free; but for n = 2 or 3 nothing frees
// it (a real leak).
void ranges(int n) {
  char *p = malloc(16);
  if (!p)
    return;
  snprintf(p, 16, "%d", n);
  if (n > 3)
    free(p);
  puts("middle");
  if (n < 2) {
    puts(p);
    free(p);
  }
}

// `n > 5` implies `n > 3`: a use after free.
void ranges_bug(int n) {
  char *p = malloc(16);
  if (!p)
    return;
  snprintf(p, 16, "%d", n);
  if (n > 3)
    free(p);
  puts("middle");
  if (n > 5)
    puts(p);
  if (n <= 3)
    free(p);
}

// CHECK: flags.c:55:5: warning: memory allocated for 'p' is used after it was freed at line 51 [asap-use-after-free]
// CHECK-NEXT: flags.c:51:5: note: 'p' was freed here
// CHECK-NEXT: flags.c:45:13: note: 'p' allocated here
// CHECK: flags.c:72:7: warning: memory allocated for 'p' is never released on the path through line 72 [asap-leak]
// CHECK-NEXT: flags.c:65:13: note: 'p' allocated here
// CHECK-NEXT: flags.c:72:7: note: fix: insert 'free(p);' in the branch taken at line 72, before it leaves
// CHECK: flags.c:88:5: warning: memory allocated for 'p' is used after it was freed at line 85 [asap-use-after-free]
// CHECK-NEXT: flags.c:85:5: note: 'p' was freed here
// CHECK-NEXT: flags.c:80:13: note: 'p' allocated here
