/* LargeSpace.h - objects over 8 KiB get their own run of blocks, so they
 * start block aligned (which also serves any alignment up to 128 KiB) and
 * give their pages back when freed. They are kept on one list so the
 * collector can scan the statically managed ones and sweep the rest. */
#ifndef ASAP_RUNTIME_LARGESPACE_H
#define ASAP_RUNTIME_LARGESPACE_H

#include "SmallSpace.h"

/* A large object of `size` bytes aligned to `alignment` (power of two). */
void *asap_large_alloc(size_t size, size_t alignment, uint8_t meta);
void asap_large_free(uint32_t head);
void asap_large_sweep(AsapSweepCounts *counts);

/* Iteration over large objects: ASAP_NO_BLOCK ends the list. */
static inline uint32_t asap_large_first(void) { return asap_heap.large_objects; }
static inline uint32_t asap_large_next(uint32_t head) {
  return asap_heap.blocks[head].next;
}

#endif
