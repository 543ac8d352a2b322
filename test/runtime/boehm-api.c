// Programs written against Boehm's gc.h build unchanged with asap's gc.h
// and compute what the hand-freeing build computes; the unsupported parts
// of the API are refused at compile time with a clear message.
// RUN: %clang -O2 -I%srcroot/runtime/include %srcroot/bench/runtime/gcbench.c %rtlib/libasaprt.a -o %t.asap
// RUN: %clang -O2 -DMANUAL_FREE %srcroot/bench/runtime/gcbench.c -o %t.malloc
// RUN: %t.asap > %t.asap.out
// RUN: %t.malloc > %t.malloc.out
// RUN: diff %t.asap.out %t.malloc.out
// RUN: not %clang -c -I%srcroot/runtime/include -DFINALIZER %s -o %t.o 2>&1 | FileCheck --check-prefix=FIN %s
// RUN: not %clang -c -I%srcroot/runtime/include -DLINK %s -o %t.o 2>&1 | FileCheck --check-prefix=LINK %s
// RUN: not %clang -c -I%srcroot/runtime/include -DGC_THREADS %s -o %t.o 2>&1 | FileCheck --check-prefix=THREADS %s
// RUN: %clang -c -I%srcroot/runtime/include %s -o %t.o
// FIN: error: call to 'GC_register_finalizer' declared with 'error' attribute: asap: finalizers are not supported by libasaprt
// LINK: error: call to 'GC_general_register_disappearing_link' declared with 'error' attribute: asap: disappearing links are not supported
// THREADS: error: "asap gc.h: GC_THREADS is not supported
#include <gc.h>

static void on_finalize(void *obj, void *data) {}

void *make(void **link) {
  void *p = GC_MALLOC(16);
#ifdef FINALIZER
  GC_REGISTER_FINALIZER(p, on_finalize, 0, 0, 0);
#endif
#ifdef LINK
  GC_GENERAL_REGISTER_DISAPPEARING_LINK(link, p);
#endif
  return GC_REALLOC(GC_MALLOC_ATOMIC(8), 32) ? p : 0;
}
