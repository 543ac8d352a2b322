/* Marker.c - see Marker.h. */
#include "Marker.h"

#include <string.h>
#include <sys/mman.h>

typedef struct MarkEntry {
  const char *start;
  size_t size;
} MarkEntry;

enum { INITIAL_ENTRIES = 4096, KEEP_ENTRIES = 1 << 16 };

static MarkEntry *mark_stack;
static size_t mark_capacity, mark_top;

static void grow(void) {
  size_t capacity = mark_capacity ? mark_capacity * 2 : INITIAL_ENTRIES;
  void *fresh = mmap(NULL, capacity * sizeof(MarkEntry), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (fresh == MAP_FAILED)
    asap_fatal("out of memory for the collector's mark stack");
  if (mark_stack) {
    memcpy(fresh, mark_stack, mark_top * sizeof(MarkEntry));
    munmap(mark_stack, mark_capacity * sizeof(MarkEntry));
  }
  mark_stack = fresh;
  mark_capacity = capacity;
}

static inline void mark_word(uintptr_t word) {
  size_t offset = word - (uintptr_t)asap_heap.base;
  if (offset >= (asap_heap.frontier << ASAP_BLOCK_SHIFT))
    return;
  size_t size;
  char *start = asap_find_object((const void *)word, &size);
  if (!start)
    return;
  uint8_t *meta = asap_meta_of(start);
  uint8_t m = *meta;
  if ((m & (META_COLLECTABLE | META_MARK)) != META_COLLECTABLE)
    return;
  *meta = m | META_MARK;
  if (m & META_ATOMIC)
    return;
  if (ASAP_UNLIKELY(mark_top == mark_capacity))
    grow();
  mark_stack[mark_top].start = start;
  mark_stack[mark_top].size = size;
  ++mark_top;
}

void asap_mark_range(const void *lo, const void *hi) {
  const uintptr_t *p =
      (const uintptr_t *)(((uintptr_t)lo + sizeof(uintptr_t) - 1) &
                          ~(uintptr_t)(sizeof(uintptr_t) - 1));
  const uintptr_t *end = (const uintptr_t *)hi;
  for (; p + 1 <= end; ++p)
    mark_word(*p);
}

void asap_mark_drain(void) {
  while (mark_top > 0) {
    MarkEntry e = mark_stack[--mark_top];
    asap_mark_range(e.start, e.start + e.size);
  }
}

void asap_mark_trim(void) {
  if (mark_capacity > KEEP_ENTRIES) {
    munmap(mark_stack, mark_capacity * sizeof(MarkEntry));
    mark_stack = NULL;
    mark_capacity = 0;
    mark_top = 0;
  }
}
