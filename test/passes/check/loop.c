// Loops: an object allocated per iteration must be released in that
// iteration (a `continue` that skips the free leaks it), and an object freed
// inside a loop is freed again on the next iteration.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

// The pointer carried to the next iteration holds the previous iteration's
// object, which that iteration already freed.
int compare_with_previous(const char **in, int n) {
  char *prev = NULL;
  int repeats = 0;
  for (int i = 0; i < n; ++i) {
    char *line = strdup(in[i]);
    if (prev && strcmp(prev, line) == 0)
      ++repeats;
    puts(line);
    prev = line;
    free(line);
  }
  return repeats;
}

// CHECK: loop.c:18:9: warning: memory allocated for 'line' is never released on the path through line 18 [asap-leak]
// CHECK-NEXT: loop.c:14:18: note: 'line' allocated here
// CHECK-NEXT: loop.c:18:9: note: fix: insert 'free(line);' in the branch taken at line 18, before it leaves
// CHECK: loop.c:29:5: warning: memory allocated for 'line' is never released on the path through line 29 [asap-leak]
// CHECK-NEXT: loop.c:27:18: note: 'line' allocated here
// CHECK-NEXT: loop.c:29:5: note: fix: insert 'free(line);' after line 29
// CHECK: loop.c:39:5: warning: memory allocated for 'buf' is used after it was freed at line 41 [asap-use-after-free]
// CHECK-NEXT: loop.c:41:5: note: 'buf' was freed here
// CHECK-NEXT: loop.c:37:15: note: 'buf' allocated here
// CHECK: loop.c:43:1: warning: memory allocated for 'buf' is never released on the path through line 38 [asap-leak]
// CHECK-NEXT: loop.c:37:15: note: 'buf' allocated here
// CHECK-NEXT: loop.c:42: note: fix: insert 'free(buf);' after line 42
// CHECK: loop.c:52:17: warning: memory allocated for 'line' is used after it was freed at line 56 [asap-use-after-free]
// CHECK-NEXT: loop.c:56:5: note: 'line' was freed here
// CHECK-NEXT: loop.c:51:18: note: 'line' allocated here
