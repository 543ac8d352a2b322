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

/* Objects popped from the mark stack wait in a small FIFO after their
 * first cache line is prefetched, so by the time one is scanned its memory
 * is (likely) in cache: scanning is bound by cache misses on the objects
 * (Cher, Hosking and Vijaykumar's prefetch-on-grey for mark-sweep). */
enum { PREFETCH_DISTANCE = 8 };

void asap_mark_drain(void) {
  MarkEntry ring[PREFETCH_DISTANCE];
  unsigned head = 0, count = 0;
  for (;;) {
    if (mark_top > 0) {
      MarkEntry e = mark_stack[--mark_top];
      __builtin_prefetch(e.start);
      if (count < PREFETCH_DISTANCE) {
        ring[(head + count++) % PREFETCH_DISTANCE] = e;
        continue;
      }
      MarkEntry ready = ring[head];
      ring[head] = e;
      head = (head + 1) % PREFETCH_DISTANCE;
      asap_mark_range(ready.start, ready.start + ready.size);
    } else if (count > 0) {
      MarkEntry ready = ring[head];
      head = (head + 1) % PREFETCH_DISTANCE;
      --count;
      asap_mark_range(ready.start, ready.start + ready.size);
    } else {
      return;
    }
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
