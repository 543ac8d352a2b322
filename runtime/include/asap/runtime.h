/* asap/runtime.h - the ABI between asap-compiled code and libasaprt.
 *
 * Linking libasaprt.a interposes the C allocator (malloc, calloc, realloc,
 * free, reallocarray, aligned_alloc, posix_memalign, memalign, valloc,
 * pvalloc, malloc_usable_size): every object a program or libc allocates
 * lives in asap's heap. Such "statically managed" objects are freed by
 * free() or by the releases the compiler inserts, and are scanned as roots
 * by the collector, never collected. Collector-owned objects come from the
 * Boehm-compatible API in <gc.h>. See docs/runtime.md. */
#ifndef ASAP_RUNTIME_H
#define ASAP_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The compiler's release at a drop point: frees `p` at once, like free()
 * (NULL is a no-op), and counts a "released by compiler". */
void __asap_release(void *p);

/* The reuse pass's replacement for `free(old); p = malloc(size)` when old
 * dies exactly where a new object is born: returns a statically managed
 * object of at least `size` bytes, which is `old` itself when old's cell
 * is big enough (old may be NULL). The contents are unspecified, as after
 * malloc. Counts a reuse (and an in-place reuse when old was returned). */
void *__asap_reuse(void *old, size_t size);

/* The packer's note that `bytes` bytes of objects were placed in a frame
 * arena instead of the heap; only counts. */
void __asap_count_arena(size_t bytes);

/* Counters reported by ASAP_STATS=1 at exit. */
struct asap_runtime_stats {
  uint64_t static_allocs, static_bytes;   /* malloc family, requested bytes */
  uint64_t gc_allocs, gc_bytes;           /* GC_malloc family */
  uint64_t frees;                         /* free() of a live object */
  uint64_t compiler_releases;             /* __asap_release */
  uint64_t reuses, reuses_in_place;       /* __asap_reuse */
  uint64_t arena_placements, arena_bytes; /* __asap_count_arena */
  uint64_t collections;
  uint64_t gc_reclaimed_objects, gc_reclaimed_bytes;
  uint64_t peak_heap_bytes;               /* blocks handed out, peak */
  uint64_t peak_live_bytes;               /* bytes in live objects, peak */
  uint64_t heap_bytes;                    /* blocks handed out, now */
  uint64_t live_objects, live_bytes;      /* all live objects, now */
  uint64_t live_collectable_objects, live_collectable_bytes;
};

void asap_get_stats(struct asap_runtime_stats *out);

/* Introspection for tests and tools: what the object containing p is
 * (interior pointers count), or ASAP_OBJECT_NONE when p is not inside a
 * live object of asap's heap. */
enum asap_object_kind {
  ASAP_OBJECT_NONE = 0,
  ASAP_OBJECT_STATIC = 1,       /* malloc family, GC_malloc_uncollectable */
  ASAP_OBJECT_COLLECTABLE = 2   /* GC_malloc family */
};
enum asap_object_kind asap_object_kind(const void *p);
/* Writes the ASAP_STATS report to a file descriptor. */
void asap_print_stats(int fd);

#ifdef __cplusplus
}
#endif

#endif
