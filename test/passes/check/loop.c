// Loops: an object allocated per iteration must be released in that
// iteration (a `continue` that skips the free leaks it), and an object freed
// inside a loop is freed again on the next iteration.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

// The `continue` skips the free: reported on the `continue` line.
void per_iteration(int n) {
  for (int i = 0; i < n; i++) {
    char *line = malloc(32);
    if (!line)
      return;
    snprintf(line, 32, "line %d", i);
    if (i % 3 == 0) continue;
    puts(line);
    free(line);
  }
}

// Never freed: the release belongs after the last use, in the body.
void never_freed_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    char *line = malloc(32);
    snprintf(line, 32, "line %d", i);
    puts(line);
  }
}

// Freed in the body: the next iteration uses it again (reported at the
// first use). When the loop does not run at all, nothing frees it: that leak
// is reported too, with the release after the loop.
void freed_every_iteration(int n) {
  char *buf = malloc(16);
  for (int i = 0; i < n; i++) {
    snprintf(buf, 16, "%d", i);
    puts(buf);
    free(buf);
  }
}

// CHECK: loop.c:17:9: warning: memory allocated for 'line' is never released on the path through line 17 [asap-leak]
// CHECK-NEXT: loop.c:13:18: note: 'line' allocated here
// CHECK-NEXT: loop.c:17:9: note: fix: insert 'free(line);' in the branch taken at line 17, before it leaves
// CHECK: loop.c:28:5: warning: memory allocated for 'line' is never released on the path through line 28 [asap-leak]
// CHECK-NEXT: loop.c:26:18: note: 'line' allocated here
// CHECK-NEXT: loop.c:28:5: note: fix: insert 'free(line);' after line 28
// CHECK: loop.c:38:5: warning: memory allocated for 'buf' is used after it was freed at line 40 [asap-use-after-free]
// CHECK-NEXT: loop.c:40:5: note: 'buf' was freed here
// CHECK-NEXT: loop.c:36:15: note: 'buf' allocated here
// CHECK: loop.c:42:1: warning: memory allocated for 'buf' is never released on the path through line 37 [asap-leak]
// CHECK-NEXT: loop.c:36:15: note: 'buf' allocated here
// CHECK-NEXT: loop.c:41: note: fix: insert 'free(buf);' after line 41
