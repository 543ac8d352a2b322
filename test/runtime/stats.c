// ASAP_STATS=1 prints every counter at exit, including the ones the
// compiler's passes bump through the __asap_* entry points.
// RUN: %clang -O1 -I%srcroot/runtime/include %s %rtlib/libasaprt.a -o %t
// RUN: env ASAP_STATS=1 %t 2>&1 | FileCheck %s
// RUN: %t 2>&1 | FileCheck --check-prefix=QUIET %s
// CHECK: live 7
// CHECK: asap-stats: static allocations {{ *}}[[#STATIC:]]  ([[#]] bytes)
// CHECK: asap-stats: collector allocations {{ *}}100001  ([[#]] bytes)
// CHECK: asap-stats: free() calls {{ *}}[[#]]
// CHECK: asap-stats: released by compiler {{ *}}3
// CHECK: asap-stats: reuses by compiler {{ *}}2  (1 in place)
// CHECK: asap-stats: arena placements {{ *}}2  (96 bytes)
// CHECK: asap-stats: collections {{ *}}[[#COLLECTIONS:]]
// CHECK: asap-stats: reclaimed by collector {{ *}}[[#]]  ([[#]] bytes)
// CHECK: asap-stats: peak heap bytes {{ *}}[[#]]
// CHECK: asap-stats: peak live bytes {{ *}}[[#]]
// CHECK: asap-stats: leftover live objects {{ *}}[[#]]  ([[#]] bytes)
// CHECK: asap-stats: leftover collector objects {{ *}}[[#]]  ([[#]] bytes)
// QUIET: live 7
// QUIET-NOT: asap-stats
#include <asap/runtime.h>
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>

static void *volatile keep;

int main(void) {
  for (int i = 0; i < 3; i++)
    __asap_release(malloc(40));
  void *p = malloc(100);
  p = __asap_reuse(p, 80);   // fits: in place
  p = __asap_reuse(p, 4000); // does not fit
  free(p);
  __asap_count_arena(64);
  __asap_count_arena(32);
  for (int i = 0; i < 100000; i++)
    keep = GC_MALLOC(64);
  keep = GC_MALLOC(7);
  GC_gcollect();
  printf("live %d\n", (int)GC_size(keep) - 9);
  fflush(stdout); // before the exit hook prints the counters
  return 0;
}
