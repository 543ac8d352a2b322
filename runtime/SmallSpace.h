/* SmallSpace.h - objects up to 8 KiB: each block serves one size class;
 * a block hands out never-used cells by bumping and freed cells from its
 * own LIFO free list, so a release returns the cell at once and the next
 * allocation of that class reuses it while it is still in cache. Each
 * class allocates from one current block and keeps a list of blocks that
 * have free cells; a block that becomes empty goes back to BlockSpace. */
#ifndef ASAP_RUNTIME_SMALLSPACE_H
#define ASAP_RUNTIME_SMALLSPACE_H

#include "Heap.h"

typedef struct AsapSweepCounts {
  size_t objects;
  size_t bytes;
} AsapSweepCounts;

void asap_small_init(void);

/* A cell of class `size_class`, its metadata byte set to `meta`; NULL when
 * the heap is exhausted. Memory contents are unspecified. */
void *asap_small_alloc(unsigned size_class, uint8_t meta);

/* Returns the allocated cell at `p` in block `index` to its block. */
void asap_small_free(uint32_t index, void *p);

/* Frees the block's unmarked collectable cells and clears the marks of the
 * others; adds what it reclaimed to *counts. */
void asap_small_sweep(uint32_t index, AsapSweepCounts *counts);

#endif
