/* SmallSpace.c - size-class blocks with bump and free-list allocation
 * (see SmallSpace.h). Block lists hold indices, not addresses, so the
 * collector's scan of our own data segment finds no heap pointers here. */
#include "SmallSpace.h"
#include "BlockSpace.h"
#include "SizeClasses.h"
#include "Valgrind.h"

typedef struct SmallClass {
  uint32_t current;   /* block allocated from, or ASAP_NO_BLOCK */
  uint32_t available; /* list of other blocks with free cells */
} SmallClass;

static SmallClass classes[ASAP_NUM_SIZE_CLASSES];

void asap_small_init(void) {
  for (unsigned c = 0; c < ASAP_NUM_SIZE_CLASSES; ++c) {
    classes[c].current = ASAP_NO_BLOCK;
    classes[c].available = ASAP_NO_BLOCK;
  }
}

static void list_remove(SmallClass *sc, uint32_t index) {
  AsapBlock *b = &asap_heap.blocks[index];
  if (b->prev != ASAP_NO_BLOCK)
    asap_heap.blocks[b->prev].next = b->next;
  else
    sc->available = b->next;
  if (b->next != ASAP_NO_BLOCK)
    asap_heap.blocks[b->next].prev = b->prev;
  b->listed = 0;
}

static void list_push(SmallClass *sc, uint32_t index) {
  AsapBlock *b = &asap_heap.blocks[index];
  b->prev = ASAP_NO_BLOCK;
  b->next = sc->available;
  if (sc->available != ASAP_NO_BLOCK)
    asap_heap.blocks[sc->available].prev = index;
  sc->available = index;
  b->listed = 1;
}

/* Makes a block with free cells current for class c, or returns NULL. */
static AsapBlock *refill(unsigned c) {
  SmallClass *sc = &classes[c];
  if (sc->current != ASAP_NO_BLOCK)
    asap_heap.blocks[sc->current].current = 0;
  uint32_t index = sc->available;
  if (index != ASAP_NO_BLOCK) {
    list_remove(sc, index);
  } else {
    index = asap_blocks_alloc(1, 1);
    if (index == ASAP_NO_BLOCK) {
      sc->current = ASAP_NO_BLOCK;
      return NULL;
    }
    AsapBlock *b = &asap_heap.blocks[index];
    uint32_t size = asap_class_size[c];
    b->kind = BLOCK_SMALL;
    b->size_class = (uint8_t)c;
    b->listed = 0;
    b->cell_size = size;
    b->cell_recip = (uint32_t)((((uint64_t)1 << 32) + size - 1) / size);
    b->ncells = (uint32_t)(ASAP_BLOCK_SIZE / size);
    b->bump = 0;
    b->nalloc = 0;
    b->ncollectable = 0;
    b->free_list = NULL;
  }
  sc->current = index;
  asap_heap.blocks[index].current = 1;
  return &asap_heap.blocks[index];
}

void *asap_small_alloc(unsigned size_class, uint8_t meta) {
  uint32_t index = classes[size_class].current;
  AsapBlock *b;
  for (;;) {
    if (ASAP_LIKELY(index != ASAP_NO_BLOCK)) {
      b = &asap_heap.blocks[index];
      void *p = b->free_list;
      if (p) {
        b->free_list = asap_vg_read_link(p);
      } else if (b->bump < b->ncells) {
        p = asap_block_address(index) + (size_t)b->bump * b->cell_size;
        b->bump++;
      }
      if (ASAP_LIKELY(p != NULL)) {
        b->nalloc++;
        b->ncollectable += (meta & META_COLLECTABLE) != 0;
        *asap_meta_of(p) = meta;
        return p;
      }
    }
    b = refill(size_class);
    if (!b)
      return NULL;
    index = classes[size_class].current;
  }
}

/* After cells were freed in a block that is not current: list it, or give
 * it back to BlockSpace when it is empty. */
static void after_free(uint32_t index, AsapBlock *b) {
  if (b->current)
    return;
  SmallClass *sc = &classes[b->size_class];
  if (b->nalloc == 0) {
    if (b->listed)
      list_remove(sc, index);
    asap_blocks_free(index, 1);
  } else if (!b->listed) {
    list_push(sc, index);
  }
}

void asap_small_free(uint32_t index, void *p) {
  AsapBlock *b = &asap_heap.blocks[index];
  uint8_t *meta = asap_meta_of(p);
  b->ncollectable -= (*meta & META_COLLECTABLE) != 0;
  *meta = 0;
  b->nalloc--;
  asap_vg_write_link(p, b->free_list);
  b->free_list = p;
  after_free(index, b);
}

void asap_small_sweep(uint32_t index, AsapSweepCounts *counts) {
  AsapBlock *b = &asap_heap.blocks[index];
  if (b->ncollectable == 0)
    return;
  char *cell = asap_block_address(index);
  uint32_t size = b->cell_size;
  uint32_t stride = size >> ASAP_GRANULE_SHIFT;
  uint8_t *meta = asap_meta_of(cell);
  uint32_t reclaimed = 0;
  for (uint32_t i = 0; i < b->bump; ++i, meta += stride, cell += size) {
    uint8_t m = *meta;
    if (!(m & META_COLLECTABLE))
      continue;
    if (m & META_MARK) {
      *meta = m & (uint8_t)~META_MARK;
      continue;
    }
    ASAP_VG(VALGRIND_FREELIKE_BLOCK(cell, 0));
    *meta = 0;
    asap_vg_write_link(cell, b->free_list);
    b->free_list = cell;
    ++reclaimed;
  }
  if (reclaimed == 0)
    return;
  b->nalloc -= reclaimed;
  b->ncollectable -= reclaimed;
  counts->objects += reclaimed;
  counts->bytes += (size_t)reclaimed * size;
  after_free(index, b);
}
