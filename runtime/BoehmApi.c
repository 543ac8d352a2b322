/* BoehmApi.c - the GC_* functions declared in include/gc.h, mapped onto
 * the one allocation path (Objects.h) with collector-owned metadata.
 * GC_malloc_uncollectable objects are roots, like malloc'd ones. */
#include "BlockSpace.h"
#include "Collector.h"
#include "Objects.h"
#include "Stats.h"

#include <string.h>

void GC_init(void) { asap_runtime_init(); }

void *GC_malloc(size_t size) {
  return asap_allocate(size, ASAP_GRANULE, META_ALLOC | META_COLLECTABLE);
}
void *GC_malloc_atomic(size_t size) {
  return asap_allocate(size, ASAP_GRANULE,
                       META_ALLOC | META_COLLECTABLE | META_ATOMIC);
}
void *GC_malloc_uncollectable(size_t size) {
  void *p = asap_allocate(size, ASAP_GRANULE, META_ALLOC | META_UNCOLLECTABLE);
  if (p)
    memset(p, 0, size);
  return p;
}
void *GC_malloc_atomic_uncollectable(size_t size) {
  return asap_allocate(size, ASAP_GRANULE,
                       META_ALLOC | META_UNCOLLECTABLE | META_ATOMIC);
}
void *GC_malloc_ignore_off_page(size_t size) { return GC_malloc(size); }
void *GC_malloc_atomic_ignore_off_page(size_t size) {
  return GC_malloc_atomic(size);
}

void *GC_realloc(void *p, size_t size) {
  if (!p)
    return GC_malloc(size);
  if (size == 0) {
    asap_deallocate(p, FREE_BY_PROGRAM);
    return NULL;
  }
  return asap_reallocate(p, size);
}

void GC_free(void *p) { asap_deallocate(p, FREE_BY_PROGRAM); }

char *GC_strdup(const char *s) {
  if (!s)
    return NULL;
  size_t n = strlen(s) + 1;
  char *p = GC_malloc_atomic(n);
  if (p)
    memcpy(p, s, n);
  return p;
}

char *GC_strndup(const char *s, size_t max) {
  size_t n = strnlen(s, max);
  char *p = GC_malloc_atomic(n + 1);
  if (p) {
    memcpy(p, s, n);
    p[n] = 0;
  }
  return p;
}

void GC_gcollect(void) {
  asap_runtime_init();
  asap_lock();
  asap_collect();
  asap_unlock();
}
int GC_try_to_collect(int (*stop)(void)) {
  GC_gcollect();
  return 1;
}
void GC_enable(void) { asap_collector_enable(); }
void GC_disable(void) { asap_collector_disable(); }
int GC_is_disabled(void) { return asap_collector_disabled(); }

size_t GC_get_heap_size(void) { return asap_heap_size_bytes(); }
size_t GC_get_free_bytes(void) {
  return asap_heap_size_bytes() - asap_live_bytes();
}
size_t GC_get_unmapped_bytes(void) { return 0; }
size_t GC_get_bytes_since_gc(void) { return asap_gc_allocated_since; }
size_t GC_get_total_bytes(void) {
  return asap_heap.alloc_bytes[0] + asap_heap.alloc_bytes[1];
}
unsigned long GC_get_gc_no(void) { return asap_stats.collections; }

void *GC_base(void *p) { return asap_object_base(p, NULL); }
int GC_is_heap_ptr(const void *p) { return asap_object_base(p, NULL) != NULL; }
size_t GC_size(const void *p) {
  void *base = asap_object_base(p, NULL);
  return base ? asap_usable_size(base) : 0;
}

/* Tuning hooks that do not change what the program computes. */
int GC_expand_hp(size_t bytes) { return 1; }
void GC_set_max_heap_size(unsigned long bytes) {}
void GC_set_free_space_divisor(unsigned long divisor) {}
void GC_register_displacement(size_t offset) {}
void GC_set_all_interior_pointers(int on) {}
void GC_set_warn_proc(void (*proc)(char *, unsigned long)) {}
void GC_set_java_finalization(int on) {}
void GC_enable_incremental(void) {}
int GC_get_version(void) { return (8 << 16) | (2 << 8); }
