/* Objects.h - the one allocation and free path behind every entry point
 * (malloc family, GC_* and __asap_*): start-up on first use, the lock
 * taken only once a second thread exists, the counters, the collector's
 * trigger and the memcheck client requests. */
#ifndef ASAP_RUNTIME_OBJECTS_H
#define ASAP_RUNTIME_OBJECTS_H

#include "Heap.h"

enum AsapFreeReason {
  FREE_BY_PROGRAM,  /* free(), GC_free() */
  FREE_BY_COMPILER, /* __asap_release() */
  FREE_INTERNAL     /* realloc moving, __asap_reuse */
};

void asap_runtime_init(void);

/* An object of `size` bytes aligned to `alignment` (a power of two >= 16)
 * with metadata `meta` (META_ALLOC plus kind bits). Collectable objects
 * are zeroed unless atomic. NULL when out of memory. */
void *asap_allocate(size_t size, size_t alignment, uint8_t meta);

/* Frees the object starting at p; NULL is a no-op. An address that is not
 * the start of a live object is reported (memcheck's "Invalid free" under
 * valgrind, one line on stderr and abort natively). */
void asap_deallocate(void *p, enum AsapFreeReason reason);

/* realloc for any kind of object; the result keeps the kind of p. */
void *asap_reallocate(void *p, size_t size);

/* Usable bytes of the object starting at p (requested bytes under
 * valgrind, as memcheck knows the block), 0 for NULL. */
size_t asap_usable_size(const void *p);

/* Start of the object containing p, or NULL; its metadata in *meta. */
void *asap_object_base(const void *p, uint8_t *meta);

void asap_lock(void);
void asap_unlock(void);

#endif
