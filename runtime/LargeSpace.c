/* LargeSpace.c - block-run objects (see LargeSpace.h). */
#include "LargeSpace.h"
#include "BlockSpace.h"
#include "Valgrind.h"

void *asap_large_alloc(size_t size, size_t alignment, uint8_t meta) {
  if (size > ((size_t)1 << 46))
    return NULL;
  size_t rounded = (size + ASAP_GRANULE - 1) & ~(ASAP_GRANULE - 1);
  size_t count = (rounded + ASAP_BLOCK_SIZE - 1) >> ASAP_BLOCK_SHIFT;
  size_t align_blocks = alignment > ASAP_BLOCK_SIZE ? alignment >> ASAP_BLOCK_SHIFT : 1;
  uint32_t head = asap_blocks_alloc(count, align_blocks);
  if (head == ASAP_NO_BLOCK)
    return NULL;
  AsapBlock *blocks = asap_heap.blocks;
  AsapBlock *b = &blocks[head];
  b->kind = BLOCK_LARGE;
  b->run_len = (uint32_t)count;
  b->large_size = rounded;
  b->current = 0;
  b->listed = 0;
  for (size_t i = 1; i < count; ++i) {
    blocks[head + i].kind = BLOCK_LARGE_TAIL;
    blocks[head + i].head = head;
  }
  b->prev = ASAP_NO_BLOCK;
  b->next = asap_heap.large_objects;
  if (asap_heap.large_objects != ASAP_NO_BLOCK)
    blocks[asap_heap.large_objects].prev = head;
  asap_heap.large_objects = head;
  char *p = asap_block_address(head);
  *asap_meta_of(p) = meta;
  return p;
}

void asap_large_free(uint32_t head) {
  AsapBlock *blocks = asap_heap.blocks;
  AsapBlock *b = &blocks[head];
  if (b->prev != ASAP_NO_BLOCK)
    blocks[b->prev].next = b->next;
  else
    asap_heap.large_objects = b->next;
  if (b->next != ASAP_NO_BLOCK)
    blocks[b->next].prev = b->prev;
  *asap_meta_of(asap_block_address(head)) = 0;
  asap_blocks_free(head, b->run_len);
}

void asap_large_sweep(AsapSweepCounts *counts) {
  uint32_t head = asap_heap.large_objects;
  while (head != ASAP_NO_BLOCK) {
    uint32_t next = asap_heap.blocks[head].next;
    char *p = asap_block_address(head);
    uint8_t *meta = asap_meta_of(p);
    if (*meta & META_COLLECTABLE) {
      if (*meta & META_MARK) {
        *meta &= (uint8_t)~META_MARK;
      } else {
        counts->objects += 1;
        counts->bytes += asap_heap.blocks[head].large_size;
        ASAP_VG(VALGRIND_FREELIKE_BLOCK(p, 0));
        asap_large_free(head);
      }
    }
    head = next;
  }
}
