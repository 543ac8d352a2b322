/* SmallSpace.c - size-class blocks (see SmallSpace.h). Block lists hold
 * indices, not addresses, so the collector's scan of our own data segment
 * finds no heap pointers here. */
#include "SmallSpace.h"
#include "BlockSpace.h"
#include "SizeClasses.h"
#include "Stats.h"

#include <string.h>

uint32_t asap_small_current[ASAP_NUM_SIZE_CLASSES];
/* Other blocks of each class that have free cells (doubly linked). */
static uint32_t available[ASAP_NUM_SIZE_CLASSES];

void asap_small_init(void) {
  for (unsigned c = 0; c < ASAP_NUM_SIZE_CLASSES; ++c) {
    asap_small_current[c] = ASAP_NO_BLOCK;
    available[c] = ASAP_NO_BLOCK;
  }
}

static void list_remove(unsigned c, uint32_t index) {
  AsapBlock *b = &asap_heap.blocks[index];
  if (b->prev != ASAP_NO_BLOCK)
    asap_heap.blocks[b->prev].next = b->next;
  else
    available[c] = b->next;
  if (b->next != ASAP_NO_BLOCK)
    asap_heap.blocks[b->next].prev = b->prev;
  b->listed = 0;
}

static void list_push(unsigned c, uint32_t index) {
  AsapBlock *b = &asap_heap.blocks[index];
  b->prev = ASAP_NO_BLOCK;
  b->next = available[c];
  if (available[c] != ASAP_NO_BLOCK)
    asap_heap.blocks[available[c]].prev = index;
  available[c] = index;
  b->listed = 1;
}


void *asap_small_alloc_slow(unsigned c, uint8_t meta) {
  asap_note_peak_live();
  uint32_t old = asap_small_current[c];
  if (old != ASAP_NO_BLOCK)
    asap_heap.blocks[old].current = 0;
  asap_small_current[c] = ASAP_NO_BLOCK;
  uint32_t index = available[c];
  if (index != ASAP_NO_BLOCK) {
    list_remove(c, index);
  } else {
    index = asap_blocks_alloc(1, 1);
    if (index == ASAP_NO_BLOCK)
      return NULL;
    AsapBlock *b = &asap_heap.blocks[index];
    uint32_t size = asap_class_size[c];
    b->kind = BLOCK_SMALL;
    b->size_class = (uint8_t)c;
    b->listed = 0;
    b->cell_size = size;
    b->cell_recip = (uint32_t)((((uint64_t)1 << 32) + size - 1) / size);
    b->ncells = (uint32_t)(ASAP_BLOCK_SIZE / size);
    b->bump = 0;
    b->cursor = 0;
    b->nalloc = 0;
    b->ncollectable = 0;
    b->free_list = NULL;
  }
  asap_small_current[c] = index;
  asap_heap.blocks[index].current = 1;
  return asap_small_alloc(c, meta);
}

/* After cells were freed in a block that is not current: list it, or give
 * it back to BlockSpace when it is empty. */
static void after_free(uint32_t index, AsapBlock *b) {
  if (b->current)
    return;
  if (b->nalloc == 0) {
    if (b->listed)
      list_remove(b->size_class, index);
    /* Blocks go back with all-zero metadata; only free-list markers can
     * be left (holes and never-used cells are 0 already). */
    if (b->free_list)
      memset(asap_meta_of(asap_block_address(index)), 0,
             ASAP_BLOCK_SIZE >> ASAP_GRANULE_SHIFT);
    asap_blocks_free(index, 1);
  } else if (!b->listed) {
    list_push(b->size_class, index);
  }
}

void asap_small_free(uint32_t index, void *p) {
  AsapBlock *b = &asap_heap.blocks[index];
  uint8_t *meta = asap_meta_of(p);
  b->ncollectable -= (*meta & META_COLLECTABLE) != 0;
  *meta = META_FREELISTED;
  b->nalloc--;
  asap_vg_write_link(p, b->free_list);
  b->free_list = p;
  after_free(index, b);
}

void asap_small_sweep(uint32_t index, AsapSweepCounts *counts) {
  AsapBlock *b = &asap_heap.blocks[index];
  if (b->ncollectable == 0)
    return;
  uint32_t size = b->cell_size;
  uint32_t stride = size >> ASAP_GRANULE_SHIFT;
  char *start = asap_block_address(index);
  uint8_t *meta = asap_meta_of(start);
  uint32_t reclaimed = 0, first_hole = b->bump;
  for (uint32_t i = 0; i < b->bump; ++i, meta += stride) {
    uint8_t m = *meta;
    if (!(m & META_COLLECTABLE))
      continue;
    if (m & META_MARK) {
      *meta = m & (uint8_t)~META_MARK;
      continue;
    }
    ASAP_VG(VALGRIND_FREELIKE_BLOCK(start + (size_t)i * size, 0));
    *meta = 0;
    if (reclaimed++ == 0)
      first_hole = i;
  }
  if (reclaimed == 0)
    return;
  if (first_hole < b->cursor)
    b->cursor = first_hole;
  b->nalloc -= reclaimed;
  b->ncollectable -= reclaimed;
  counts->objects += reclaimed;
  counts->bytes += (size_t)reclaimed * size;
  after_free(index, b);
}
