/* Heap.h - the shared state of libasaprt: one reserved address range cut
 * into 128 KiB blocks, a per-block descriptor table and a per-granule
 * metadata byte table (the side tables Whippet's nofl space uses), so that
 * any word can be classified as "points into object X" with two array
 * reads. Every space (BlockSpace, SmallSpace, LargeSpace) and the collector
 * work on this one structure; nothing here calls malloc, because this code
 * *is* malloc. */
#ifndef ASAP_RUNTIME_HEAP_H
#define ASAP_RUNTIME_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ASAP_GRANULE_SHIFT 4
#define ASAP_GRANULE ((size_t)1 << ASAP_GRANULE_SHIFT)
#define ASAP_BLOCK_SHIFT 17
#define ASAP_BLOCK_SIZE ((size_t)1 << ASAP_BLOCK_SHIFT)
#define ASAP_NO_BLOCK UINT32_MAX

#define ASAP_LIKELY(x) __builtin_expect(!!(x), 1)
#define ASAP_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Bits of the metadata byte of a cell's first granule. A free cell has
 * byte 0 (a hole the allocator finds by scanning) or META_FREELISTED. */
enum {
  META_ALLOC = 1,         /* start of an allocated object */
  META_COLLECTABLE = 2,   /* owned by the collector (GC_malloc) */
  META_MARK = 4,          /* reached in the current collection */
  META_ATOMIC = 8,        /* holds no pointers: never scanned */
  META_UNCOLLECTABLE = 16, /* GC_malloc_uncollectable: a root, like malloc */
  META_FREELISTED = 32     /* free, on its block's free list (not a hole) */
};

enum AsapBlockKind {
  BLOCK_UNUSED = 0,   /* never handed out (past the frontier) */
  BLOCK_FREE,         /* part of a free run (head or tail carry the run) */
  BLOCK_SMALL,        /* cells of one size class */
  BLOCK_LARGE,        /* first block of a large object */
  BLOCK_LARGE_TAIL    /* later block of a large object; head says which */
};

typedef struct AsapBlock {
  uint8_t kind;
  uint8_t size_class;
  uint8_t listed;        /* small: on its class's available list */
  uint8_t current;       /* small: its class allocates from it */
  uint32_t cell_size;
  uint32_t cell_recip;   /* ceil(2^32 / cell_size): offset -> cell index */
  uint32_t ncells;
  uint32_t bump;         /* cells [bump, ncells) were never handed out */
  uint32_t cursor;       /* cells [cursor, bump) may hold swept holes */
  uint32_t nalloc;       /* allocated cells (any kind) */
  uint32_t ncollectable; /* allocated cells the collector owns */
  uint32_t prev, next;   /* free-run list / class list / large list */
  uint32_t run_len;      /* free run head: length; large head: blocks */
  uint32_t head;         /* free run tail / large tail: the head block */
  void *free_list;       /* small: cells released by free(), linked
                            through word 0, metadata META_FREELISTED */
  size_t large_size;     /* large head: requested bytes */
} AsapBlock;

typedef struct AsapHeap {
  char *base;               /* start of the reserved range, block aligned */
  size_t reserved_blocks;   /* size of the reserved range in blocks */
  size_t frontier;          /* blocks [0, frontier) have been handed out */
  size_t committed_blocks;  /* blocks [0, committed) are readable/writable */
  uint8_t *meta;            /* one byte per granule of the range */
  AsapBlock *blocks;        /* one descriptor per block */
  uint32_t *valgrind_sizes; /* under valgrind: requested size per granule */
  uint32_t free_runs;       /* list of free runs (by head block) */
  uint32_t large_objects;   /* list of large objects (by head block) */
  size_t blocks_in_use;     /* small + large blocks */
  /* Live objects and their usable bytes, [0] statically managed,
   * [1] collector-owned; indexed by kind so allocation does not branch. */
  size_t live_objects[2], live_bytes[2];
  uint64_t alloc_count[2], alloc_bytes[2]; /* requested bytes */
  bool initialized;
  bool valgrind;            /* RUNNING_ON_VALGRIND at start-up */
  bool multithreaded;       /* a second thread was started */
  bool collecting;
  bool collector_used;      /* a collectable object was ever allocated */
  bool exiting;             /* the exit hook is running */
  bool malloc_probed;       /* foreign_malloc is known */
  bool foreign_malloc;      /* malloc is not ours (valgrind replaced it) */
} AsapHeap;

extern AsapHeap asap_heap;

/* Start-up; safe to call many times, never allocates through malloc. */
void asap_heap_init(void);

static inline size_t asap_block_index(const void *p) {
  return (size_t)((const char *)p - asap_heap.base) >> ASAP_BLOCK_SHIFT;
}
static inline char *asap_block_address(size_t index) {
  return asap_heap.base + (index << ASAP_BLOCK_SHIFT);
}
static inline uint8_t *asap_meta_of(const void *p) {
  return &asap_heap.meta[(size_t)((const char *)p - asap_heap.base) >>
                         ASAP_GRANULE_SHIFT];
}
static inline bool asap_in_heap(const void *p) {
  return (size_t)((const char *)p - asap_heap.base) <
         (asap_heap.frontier << ASAP_BLOCK_SHIFT);
}

/* Finds the object containing address p (interior pointers included):
 * returns its start and sets *size to its usable size, or returns NULL
 * when p is not inside an allocated object. */
static inline char *asap_find_object(const void *p, size_t *size) {
  if (!asap_in_heap(p))
    return NULL;
  size_t index = asap_block_index(p);
  AsapBlock *b = &asap_heap.blocks[index];
  char *start;
  if (b->kind == BLOCK_SMALL) {
    uint32_t offset = (uint32_t)((const char *)p - asap_block_address(index));
    uint32_t cell = (uint32_t)(((uint64_t)offset * b->cell_recip) >> 32);
    if (cell >= b->bump)
      return NULL;
    start = asap_block_address(index) + (size_t)cell * b->cell_size;
    *size = b->cell_size;
  } else if (b->kind == BLOCK_LARGE || b->kind == BLOCK_LARGE_TAIL) {
    size_t head = b->kind == BLOCK_LARGE ? index : b->head;
    start = asap_block_address(head);
    size_t bytes = asap_heap.blocks[head].large_size;
    if ((size_t)((const char *)p - start) >= bytes)
      return NULL;
    *size = bytes;
  } else {
    return NULL;
  }
  return (*asap_meta_of(start) & META_ALLOC) ? start : NULL;
}

static inline size_t asap_live_bytes(void) {
  return asap_heap.live_bytes[0] + asap_heap.live_bytes[1];
}

/* Writes one line "asap: <message>" to stderr and aborts. */
_Noreturn void asap_fatal(const char *message);

#endif
