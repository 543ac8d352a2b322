/* SmallSpace.h - objects up to 8 KiB: each block serves one size class.
 * A block hands out cells from three sources, cheapest reuse first:
 *  - its free list: cells released by free()/__asap_release, LIFO, so a
 *    release returns the cell at once and the next allocation of that
 *    class reuses it while it is still in cache;
 *  - holes: cells the collector reclaimed. Sweeping only rewrites metadata
 *    bytes (Whippet's nofl space does the same), and allocation finds the
 *    holes by scanning those bytes with a cursor, so neither sweeping nor
 *    allocating reads dead objects' memory;
 *  - bump: cells never handed out.
 * Each class allocates from one current block and keeps a list of blocks
 * that have free cells; a block that becomes empty goes back to
 * BlockSpace. */
#ifndef ASAP_RUNTIME_SMALLSPACE_H
#define ASAP_RUNTIME_SMALLSPACE_H

#include "Heap.h"
#include "Valgrind.h"

typedef struct AsapSweepCounts {
  size_t objects;
  size_t bytes;
} AsapSweepCounts;

/* Current block of each size class, or ASAP_NO_BLOCK. */
extern uint32_t asap_small_current[];

void asap_small_init(void);

/* Slow path of asap_small_alloc: moves to another block. */
void *asap_small_alloc_slow(unsigned size_class, uint8_t meta);

/* A cell of class `size_class`, its metadata byte set to `meta`; NULL when
 * the heap is exhausted. Memory contents are unspecified. */
static inline void *asap_small_alloc(unsigned size_class, uint8_t meta) {
  uint32_t index = asap_small_current[size_class];
  if (ASAP_UNLIKELY(index == ASAP_NO_BLOCK))
    return asap_small_alloc_slow(size_class, meta);
  AsapBlock *b = &asap_heap.blocks[index];
  char *start = asap_block_address(index);
  void *p = b->free_list;
  if (p) {
    b->free_list = asap_vg_read_link(p);
  } else {
    uint32_t stride = b->cell_size >> ASAP_GRANULE_SHIFT;
    const uint8_t *meta_base = asap_meta_of(start);
    uint32_t i = b->cursor;
    while (i < b->bump && meta_base[(size_t)i * stride] != 0)
      ++i;
    if (i < b->bump) {
      b->cursor = i + 1;
    } else if (b->bump < b->ncells) {
      b->cursor = b->bump + 1;
      i = b->bump++;
    } else {
      b->cursor = i;
      return asap_small_alloc_slow(size_class, meta);
    }
    p = start + (size_t)i * b->cell_size;
  }
  b->nalloc++;
  b->ncollectable += (meta & META_COLLECTABLE) != 0;
  *asap_meta_of(p) = meta;
  return p;
}

/* Returns the allocated cell at `p` in block `index` to its block. */
void asap_small_free(uint32_t index, void *p);

/* Turns the block's unmarked collectable cells into holes and clears the
 * marks of the others; adds what it reclaimed to *counts. */
void asap_small_sweep(uint32_t index, AsapSweepCounts *counts);

#endif
