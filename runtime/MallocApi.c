/* MallocApi.c - the interposed C allocator, the compiler's __asap_* entry
 * points, the pthread_create guard and the exit hook. They live in ONE
 * object file on purpose: a program that links libasaprt.a references
 * malloc (libc does), which pulls this object in, and with it everything
 * else the contract needs, without -Wl,--whole-archive. */
#define _GNU_SOURCE
#include "Collector.h"
#include "Objects.h"
#include "Stats.h"
#include "Valgrind.h"
#include "asap/runtime.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define ASAP_EXPORT __attribute__((visibility("default")))

ASAP_EXPORT void *malloc(size_t size) {
  return asap_allocate(size, ASAP_GRANULE, META_ALLOC);
}

ASAP_EXPORT void free(void *p) { asap_deallocate(p, FREE_BY_PROGRAM); }

ASAP_EXPORT void *calloc(size_t count, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  void *p = asap_allocate(bytes, ASAP_GRANULE, META_ALLOC);
  if (p)
    memset(p, 0, bytes);
  return p;
}

ASAP_EXPORT void *realloc(void *p, size_t size) {
  if (p && size == 0) {
    /* glibc's behaviour: free and return NULL. */
    asap_deallocate(p, FREE_BY_PROGRAM);
    return NULL;
  }
  return asap_reallocate(p, size);
}

ASAP_EXPORT void *reallocarray(void *p, size_t count, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  return realloc(p, bytes);
}

static bool valid_alignment(size_t alignment) {
  return alignment != 0 && (alignment & (alignment - 1)) == 0;
}

static void *aligned(size_t alignment, size_t size) {
  if (alignment < ASAP_GRANULE)
    alignment = ASAP_GRANULE;
  return asap_allocate(size, alignment, META_ALLOC);
}

ASAP_EXPORT void *aligned_alloc(size_t alignment, size_t size) {
  if (!valid_alignment(alignment)) {
    errno = EINVAL;
    return NULL;
  }
  return aligned(alignment, size);
}

ASAP_EXPORT void *memalign(size_t alignment, size_t size) {
  /* glibc rounds a non-power-of-two alignment up. */
  if (!valid_alignment(alignment)) {
    size_t a = ASAP_GRANULE;
    while (a < alignment && a != 0)
      a <<= 1;
    if (a == 0) {
      errno = EINVAL;
      return NULL;
    }
    alignment = a;
  }
  return aligned(alignment, size);
}

ASAP_EXPORT int posix_memalign(void **out, size_t alignment, size_t size) {
  if (!valid_alignment(alignment) || alignment % sizeof(void *) != 0)
    return EINVAL;
  void *p = aligned(alignment, size);
  if (!p)
    return ENOMEM;
  *out = p;
  return 0;
}

static size_t page_size(void) {
  static size_t cached;
  if (!cached)
    cached = (size_t)sysconf(_SC_PAGESIZE);
  return cached;
}

ASAP_EXPORT void *valloc(size_t size) { return aligned(page_size(), size); }

ASAP_EXPORT void *pvalloc(size_t size) {
  size_t page = page_size();
  if (size > SIZE_MAX - page) {
    errno = ENOMEM;
    return NULL;
  }
  return aligned(page, (size + page - 1) & ~(page - 1));
}

ASAP_EXPORT size_t malloc_usable_size(void *p) { return asap_usable_size(p); }

/* The compiler's entry points go through the free/malloc symbols, not
 * straight to Objects.c: under valgrind those symbols are memcheck's and
 * the objects live in memcheck's heap. */
ASAP_EXPORT void __asap_release(void *p) {
  if (!p || (asap_heap.initialized && asap_in_heap(p))) {
    asap_deallocate(p, FREE_BY_COMPILER);
    return;
  }
  asap_stats.compiler_releases++;
  free(p);
}

ASAP_EXPORT void *__asap_reuse(void *old, size_t size) {
  asap_stats.reuses++;
  uint8_t meta = 0;
  if (old && asap_in_heap(old) && asap_object_base(old, &meta) == old &&
      !(meta & META_COLLECTABLE) && asap_usable_size(old) >= size) {
    asap_stats.reuses_in_place++;
    if (asap_heap.valgrind) {
      /* A new block for memcheck: the old contents are dead. */
      VALGRIND_FREELIKE_BLOCK(old, 0);
      VALGRIND_MALLOCLIKE_BLOCK(old, size, 0, 0);
      asap_heap.valgrind_sizes[((char *)old - asap_heap.base) >>
                               ASAP_GRANULE_SHIFT] = (uint32_t)size;
    }
    return old;
  }
  if (old && asap_heap.initialized && asap_in_heap(old))
    asap_deallocate(old, FREE_INTERNAL);
  else
    free(old);
  return malloc(size);
}

ASAP_EXPORT void __asap_count_arena(size_t bytes) {
  asap_stats.arena_placements++;
  asap_stats.arena_bytes += bytes;
}

/* Threads: the collector only scans the calling thread's stack, so a
 * second thread is refused while collector-owned objects exist; without
 * them it is allowed and the heap takes a lock from then on. */
typedef int (*PthreadCreate)(pthread_t *, const pthread_attr_t *,
                             void *(*)(void *), void *);

ASAP_EXPORT int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                               void *(*start)(void *), void *arg) {
  static PthreadCreate real;
  if (!real)
    real = (PthreadCreate)dlsym(RTLD_NEXT, "pthread_create");
  if (!real)
    asap_fatal("pthread_create: cannot find the C library's pthread_create");
  if (asap_heap.live_objects[1] > 0)
    asap_fatal("pthread_create: the program starts a second thread while "
               "collector-owned (GC_malloc) objects exist; libasaprt's "
               "collector is single-threaded (see docs/runtime.md, Threads)");
  if (!asap_heap.multithreaded) {
    asap_heap.multithreaded = true;
    /* fork() in a threaded program must not leave the heap lock held by a
     * thread that does not exist in the child. */
    pthread_atfork(asap_lock, asap_unlock, asap_unlock);
  }
  return real(thread, attr, start, arg);
}

/* Runs after the program's atexit handlers and other destructors. Under
 * valgrind a last collection frees the collector-owned objects that are
 * unreachable by now, so memcheck does not report them as leaks: they are
 * garbage the collector would reclaim, not leaks of the program. */
__attribute__((destructor(101))) static void asap_at_exit(void) {
  if (!asap_heap.initialized)
    return;
  asap_heap.exiting = true;
  if (asap_heap.valgrind && !asap_heap.multithreaded &&
      asap_heap.live_objects[1] > 0)
    asap_collect();
  if (asap_stats_requested())
    asap_write_stats(2);
}

/* Referenced from Objects.c so that any use of the runtime links this
 * object, and with it the interposed allocator. */
char asap_malloc_api_anchor;
