/* Valgrind.h - tells memcheck about libasaprt's blocks. Because our malloc
 * lives in the executable, valgrind does not replace it; instead each
 * statically managed or collector-owned object is reported as a
 * malloc-like block and every free cell is kept no-access, so memcheck
 * still sees leaks, invalid accesses and double frees. All requests are
 * guarded by asap_heap.valgrind so a native run pays one predictable
 * branch. */
#ifndef ASAP_RUNTIME_VALGRIND_H
#define ASAP_RUNTIME_VALGRIND_H

#include "Heap.h"
#include <valgrind/memcheck.h>

#define ASAP_VG(stmt)                                                          \
  do {                                                                         \
    if (ASAP_UNLIKELY(asap_heap.valgrind)) {                                   \
      stmt;                                                                    \
    }                                                                          \
  } while (0)

/* Reads or writes the free-list link of a no-access free cell. */
static inline void *asap_vg_read_link(void *cell) {
  ASAP_VG(VALGRIND_MAKE_MEM_DEFINED(cell, sizeof(void *)));
  void *next = *(void **)cell;
  ASAP_VG(VALGRIND_MAKE_MEM_NOACCESS(cell, sizeof(void *)));
  return next;
}
static inline void asap_vg_write_link(void *cell, void *next) {
  ASAP_VG(VALGRIND_MAKE_MEM_UNDEFINED(cell, sizeof(void *)));
  *(void **)cell = next;
  ASAP_VG(VALGRIND_MAKE_MEM_NOACCESS(cell, sizeof(void *)));
}

#endif
