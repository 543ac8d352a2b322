/* BlockSpace.h - hands out runs of contiguous 128 KiB blocks from the one
 * reserved range: first fit over a list of free runs, which coalesce with
 * their neighbours through boundary tags, else the frontier. Small blocks
 * and large objects both come from here, so a block emptied by one size
 * class can be reused by another or by a large object. */
#ifndef ASAP_RUNTIME_BLOCKSPACE_H
#define ASAP_RUNTIME_BLOCKSPACE_H

#include "Heap.h"

/* Returns the first block of a run of `count` blocks whose address is a
 * multiple of `align_blocks` blocks (a power of two), or ASAP_NO_BLOCK when
 * the reserved range is exhausted. The run's descriptors are left for the
 * caller to fill in; its memory is readable and writable. */
uint32_t asap_blocks_alloc(size_t count, size_t align_blocks);

/* Gives back a run; `count` blocks starting at `first`. */
void asap_blocks_free(uint32_t first, size_t count);

/* Bytes of blocks currently handed out (small and large). */
size_t asap_heap_size_bytes(void);

#endif
