// asap-check reports an object that dies on some path without being
// released, at the place the path goes on without it, with the allocation
// as a note and the release asap-free would insert as the fix.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A braced early return: the release belongs at the start of the branch,
// i.e. after the line that opens it.
int braced_early_return(const char *s, int n) {
  char *buf = malloc(n + 1);
  if (!buf)
    return -1;
  strncpy(buf, s, n);
  buf[n] = 0;
  if (buf[0] == '#') {
    puts("comment");
    return 0;
  }
  int total = 0;
  for (int i = 0; i < n; i++)
    total += buf[i];
  free(buf);
  return total;
}

// `if (c) return;` on one line: no line insertion is right, the fix says
// where the release goes in words.
int one_line_return(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  if (copy[0] == '\0') return -2;
  puts(copy);
  free(copy);
  return 0;
}

// Never released at all: the release goes right after the last use.
void forgotten(int n) {
  int *v = calloc(n, sizeof(int));
  v[0] = n;
  printf("%d %d\n", v[0], v[n / 2]);
}

// Without a variable name (the pointer is a temporary), the allocator
// names the object.
void unnamed(void) { puts(strdup("temporary")); }

// `p = realloc(p, n)`: when realloc fails, the old block is still allocated
// but its only pointer has been overwritten with NULL.
int classic_realloc(int n) {
  char *p = malloc(4);
  if (!p)
    return -1;
  strcpy(p, "abc");
  p = realloc(p, n);
  if (!p)
    return -1;
  puts(p);
  free(p);
  return 0;
}

// CHECK: leak.c:20:5: warning: memory allocated for 'buf' is never released on the path through line 19 [asap-leak]
// CHECK-NEXT: leak.c:14:15: note: 'buf' allocated here
// CHECK-NEXT: leak.c:19: note: fix: insert 'free(buf);' after line 19
// CHECK: leak.c:36:7: warning: memory allocated for 'copy' is never released on the path through line 36 [asap-leak]
// CHECK-NEXT: leak.c:33:16: note: 'copy' allocated here
// CHECK-NEXT: leak.c:36:7: note: fix: insert 'free(copy);' in the branch taken at line 36, before it leaves
// CHECK: leak.c:46:27: warning: memory allocated for 'v' is never released on the path through line 46 [asap-leak]
// CHECK-NEXT: leak.c:44:12: note: 'v' allocated here
// CHECK-NEXT: leak.c:46:27: note: fix: insert 'free(v);' after line 46
// CHECK: leak.c:51:22: warning: memory allocated by 'strdup' is never released on the path through line 51 [asap-leak]
// CHECK-NEXT: leak.c:51:27: note: memory allocated here
// CHECK-NEXT: leak.c:51:22: note: fix: release it with 'free' on this path after its last use
// CHECK: leak.c:61:7: warning: memory allocated for 'p' is never released on the path through line 61 where 'realloc' at line 60 fails (the old block is still allocated) [asap-leak]
// CHECK-NEXT: leak.c:56:13: note: 'p' allocated here
// CHECK-NEXT: leak.c:60:7: note: fix: keep the result of 'realloc' in another variable and release 'p' when it is NULL
