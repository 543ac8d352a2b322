// One finding per exit path: an early return guarded by `a || b || c`
// leaves the object on one edge per operand, all into the same block, and
// is reported once. Two returns into a shared return block (a phi of the
// returned values) stay two findings.
// A cursor walking the object (`for (p = buf; ...)`) is not its name: the
// finding and its fix name the variable the allocation was assigned to.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

int short_circuit(int argc, char **argv) {
  char *a = malloc(16);
  if (!a)
    return 1;
  if (argc > 1 || argv[0] == NULL || argv[0][0] == 0)
    return 1;
  a[0] = 1;
  int r = a[0];
  free(a);
  return r;
}
// CHECK: leak-one-per-path.c:[[@LINE-7]]:{{[0-9]+}}: warning: memory allocated for 'a' is never released on the path through line [[@LINE-7]]

int two_returns(int argc) {
  char *b = malloc(16);
  if (!b)
    return 1;
  b[0] = 1;
  if (argc > 1)
    return 2;
  if (argc < -5)
    return 3;
  int r = b[0];
  free(b);
  return r;
}
// CHECK: leak-one-per-path.c:[[@LINE-7]]:{{[0-9]+}}: warning: memory allocated for 'b' is never released
// CHECK: leak-one-per-path.c:[[@LINE-6]]:{{[0-9]+}}: warning: memory allocated for 'b' is never released

int walking_cursor(int argc, char **argv) {
  char *Buffer, *BufferP;
  if ((Buffer = malloc(16)) == NULL)
    return 1;
  for (int i = 0; i < argc; i++) {
    if (argv[i] == NULL)
      return 2;
    for (BufferP = Buffer; BufferP < Buffer + 4; BufferP++)
      *BufferP = (char)i;
  }
  free(Buffer);
  return 0;
}
// CHECK: leak-one-per-path.c:[[@LINE-7]]:{{[0-9]+}}: warning: memory allocated for 'Buffer' is never released
// CHECK: note: 'Buffer' allocated here
// CHECK: note: fix: insert 'free(Buffer);'
