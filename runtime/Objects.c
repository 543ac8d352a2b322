/* Objects.c - see Objects.h. */
#include "Objects.h"
#include "Collector.h"
#include "LargeSpace.h"
#include "SizeClasses.h"
#include "SmallSpace.h"
#include "Stats.h"
#include "Valgrind.h"
#include "asap/runtime.h"

#include <errno.h>
#include <sched.h>
#include <string.h>

static volatile char heap_lock;

/* Any object of the runtime that a program links pulls in MallocApi.o:
 * collector-owned objects must never share a process with another malloc
 * whose objects the collector could not scan. */
extern char asap_malloc_api_anchor;
__attribute__((used)) static char *const pull_in_malloc_api =
    &asap_malloc_api_anchor;

void asap_lock(void) {
  if (ASAP_UNLIKELY(asap_heap.multithreaded))
    while (__atomic_test_and_set(&heap_lock, __ATOMIC_ACQUIRE))
      sched_yield();
}

void asap_unlock(void) {
  if (ASAP_UNLIKELY(asap_heap.multithreaded))
    __atomic_clear(&heap_lock, __ATOMIC_RELEASE);
}

void asap_runtime_init(void) {
  if (asap_heap.initialized)
    return;
  asap_small_init();
  asap_heap_init();
}

/* Usable size of the live object at p in block b (native view). */
static size_t object_size(const AsapBlock *b) {
  return b->kind == BLOCK_SMALL ? b->cell_size : b->large_size;
}

/* Clears an object's usable bytes even where memcheck has them no-access. */
static __attribute__((noinline)) void zero_object_valgrind(void *p,
                                                           size_t usable) {
  VALGRIND_MAKE_MEM_UNDEFINED(p, usable);
  memset(p, 0, usable);
  VALGRIND_MAKE_MEM_NOACCESS(p, usable);
}

/* Clears an object's usable bytes; the common small cells get constant-size
 * stores the compiler inlines instead of a memset call. */
static inline void zero_object(void *p, size_t usable) {
  if (ASAP_UNLIKELY(asap_heap.valgrind)) {
    zero_object_valgrind(p, usable);
    return;
  }
  switch (usable) {
  case 16:
    __builtin_memset(p, 0, 16);
    return;
  case 32:
    __builtin_memset(p, 0, 32);
    return;
  case 48:
    __builtin_memset(p, 0, 48);
    return;
  case 64:
    __builtin_memset(p, 0, 64);
    return;
  default:
    memset(p, 0, usable);
  }
}

void *asap_allocate(size_t size, size_t alignment, uint8_t meta) {
  if (ASAP_UNLIKELY(!asap_heap.initialized))
    asap_runtime_init();
  asap_lock();
  bool collectable = (meta & META_COLLECTABLE) != 0;
  if (ASAP_UNLIKELY(collectable &&
                    (!asap_heap.collector_used || asap_heap.multithreaded))) {
    if (asap_heap.multithreaded)
      asap_fatal("GC_malloc: the program started a second thread; "
                 "libasaprt's collector is single-threaded (see "
                 "docs/runtime.md, Threads)");
    asap_heap.collector_used = true;
    asap_collector_init();
  }
  void *p;
  size_t usable;
  int c = -1;
  if (ASAP_LIKELY(size <= ASAP_MAX_SMALL_SIZE && alignment <= ASAP_GRANULE))
    c = (int)asap_size_class(size);
  else if (alignment <= 4096)
    c = asap_aligned_size_class(size, alignment);
  if (ASAP_LIKELY(c >= 0)) {
    usable = asap_class_size[c];
    /* The trigger counts cell bytes, as the heap fills by cells. */
    if (collectable)
      asap_collect_if_due(usable);
    p = asap_small_alloc((unsigned)c, meta);
  } else {
    if (collectable)
      asap_collect_if_due(size);
    p = asap_large_alloc(size, alignment, meta);
    usable = p ? asap_heap.blocks[asap_block_index(p)].large_size : 0;
    asap_note_peak_live();
  }
  if (ASAP_UNLIKELY(!p)) {
    asap_unlock();
    errno = ENOMEM;
    return NULL;
  }
  asap_heap.live_objects[collectable]++;
  asap_heap.live_bytes[collectable] += usable;
  asap_heap.alloc_count[collectable]++;
  asap_heap.alloc_bytes[collectable] += size;
  if (collectable) {
    if (!(meta & META_ATOMIC))
      zero_object(p, usable);
  } else if (asap_heap.collector_used && !(meta & META_ATOMIC)) {
    /* Statically managed objects are scanned whole as roots: once the
     * program uses the collector, clear them so a stale free-list link or
     * a dead object's old fields cannot pin collector-owned objects.
     * Programs that never call GC_malloc pay nothing. */
    zero_object(p, usable);
  }
  if (ASAP_UNLIKELY(asap_heap.valgrind)) {
    asap_heap.valgrind_sizes[((char *)p - asap_heap.base) >> ASAP_GRANULE_SHIFT] =
        (uint32_t)size;
    VALGRIND_MALLOCLIKE_BLOCK(p, size, 0, collectable && !(meta & META_ATOMIC));
  }
  asap_unlock();
  return p;
}

/* The block of the live object starting at p, or NULL. */
static AsapBlock *live_object_block(const void *p) {
  if (!asap_heap.initialized || !asap_in_heap(p))
    return NULL;
  size_t size;
  const char *start = asap_find_object(p, &size);
  if (start != p)
    return NULL;
  return &asap_heap.blocks[asap_block_index(p)];
}

static void invalid_pointer(void *p, const char *what) {
  if (asap_heap.valgrind) {
    /* memcheck reports the bad free with the program's stack. */
    VALGRIND_FREELIKE_BLOCK(p, 0);
    return;
  }
  asap_fatal(what);
}

void asap_deallocate(void *p, enum AsapFreeReason reason) {
  if (!p)
    return;
  asap_lock();
  AsapBlock *b = live_object_block(p);
  if (ASAP_UNLIKELY(!b)) {
    asap_unlock();
    invalid_pointer(p, "free(): invalid pointer or double free");
    return;
  }
  uint8_t meta = *asap_meta_of(p);
  size_t usable = object_size(b);
  bool collectable = (meta & META_COLLECTABLE) != 0;
  asap_heap.live_objects[collectable]--;
  asap_heap.live_bytes[collectable] -= usable;
  if (reason == FREE_BY_PROGRAM)
    asap_stats.frees++;
  else if (reason == FREE_BY_COMPILER)
    asap_stats.compiler_releases++;
  ASAP_VG(VALGRIND_FREELIKE_BLOCK(p, 0));
  if (b->kind == BLOCK_SMALL)
    asap_small_free((uint32_t)asap_block_index(p), p);
  else
    asap_large_free((uint32_t)asap_block_index(p));
  asap_unlock();
}

size_t asap_usable_size(const void *p) {
  if (!p)
    return 0;
  AsapBlock *b = live_object_block(p);
  if (!b)
    return 0;
  if (ASAP_UNLIKELY(asap_heap.valgrind))
    return asap_heap.valgrind_sizes[((const char *)p - asap_heap.base) >>
                                    ASAP_GRANULE_SHIFT];
  return object_size(b);
}

void *asap_object_base(const void *p, uint8_t *meta) {
  if (!asap_heap.initialized)
    return NULL;
  size_t size;
  char *start = asap_find_object(p, &size);
  if (start && meta)
    *meta = *asap_meta_of(start);
  return start;
}

enum asap_object_kind asap_object_kind(const void *p) {
  uint8_t meta = 0;
  if (!asap_object_base(p, &meta))
    return ASAP_OBJECT_NONE;
  return (meta & META_COLLECTABLE) ? ASAP_OBJECT_COLLECTABLE
                                   : ASAP_OBJECT_STATIC;
}

void *asap_reallocate(void *p, size_t size) {
  if (!p)
    return asap_allocate(size, ASAP_GRANULE, META_ALLOC);
  AsapBlock *b = live_object_block(p);
  if (ASAP_UNLIKELY(!b)) {
    invalid_pointer(p, "realloc(): invalid pointer");
    return NULL;
  }
  uint8_t meta = *asap_meta_of(p) & (uint8_t)~META_MARK;
  size_t old_usable = asap_usable_size(p);
  /* Natively keep the object when it still fits and would not waste more
   * than half its cell; under valgrind always move, as memcheck's own
   * realloc does, so the block's size stays exact. */
  if (!asap_heap.valgrind && size <= old_usable &&
      (size >= old_usable / 2 || old_usable <= 64))
    return p;
  void *q = asap_allocate(size, ASAP_GRANULE, meta);
  if (!q)
    return NULL;
  memcpy(q, p, size < old_usable ? size : old_usable);
  asap_deallocate(p, FREE_INTERNAL);
  return q;
}
