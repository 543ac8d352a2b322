/* gc.h - the Boehm-Demers-Weiser collector's API as provided by asap's
 * runtime (libasaprt), so programs written against Boehm build unchanged.
 *
 * Supported: allocation (GC_MALLOC, _ATOMIC, _UNCOLLECTABLE,
 * _ATOMIC_UNCOLLECTABLE, _IGNORE_OFF_PAGE variants, GC_NEW*, GC_REALLOC,
 * GC_FREE, GC_STRDUP/GC_STRNDUP), GC_INIT, GC_gcollect, GC_enable/disable,
 * heap queries, GC_base/GC_size, and no-op tuning hooks. All interior
 * pointers are recognised, so displacements need no registration.
 *
 * Not supported, and refused at COMPILE time rather than ignored:
 * finalizers, disappearing links, thread registration and GC_THREADS (the
 * collector is single-threaded; see docs/runtime.md). */
#ifndef ASAP_GC_H
#define ASAP_GC_H
#define GC_H 1

#include <stddef.h>

#if defined(GC_THREADS) || defined(GC_PTHREADS) || defined(GC_LINUX_THREADS)
#error "asap gc.h: GC_THREADS is not supported: libasaprt's collector is single-threaded (see docs/runtime.md, Threads)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long GC_word;
typedef long GC_signed_word;
typedef void *GC_PTR;
#define GC_API extern
#define GC_CALL
#define GC_CALLBACK
#define GC_ATTR_MALLOC __attribute__((__malloc__))
#define GC_ATTR_ALLOC_SIZE(n) __attribute__((__alloc_size__(n)))

#define ASAP_GC_UNSUPPORTED(what)                                              \
  __attribute__((__error__("asap: " what " not supported by libasaprt "       \
                           "(see docs/runtime.md)")))

GC_API void GC_init(void);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *GC_malloc(size_t);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *GC_malloc_atomic(size_t);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *GC_malloc_uncollectable(size_t);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *
GC_malloc_atomic_uncollectable(size_t);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *GC_malloc_ignore_off_page(size_t);
GC_API GC_ATTR_MALLOC GC_ATTR_ALLOC_SIZE(1) void *
GC_malloc_atomic_ignore_off_page(size_t);
GC_API GC_ATTR_ALLOC_SIZE(2) void *GC_realloc(void *, size_t);
GC_API void GC_free(void *);
GC_API GC_ATTR_MALLOC char *GC_strdup(const char *);
GC_API GC_ATTR_MALLOC char *GC_strndup(const char *, size_t);
GC_API void GC_gcollect(void);
GC_API int GC_try_to_collect(int (*stop)(void));
GC_API void GC_enable(void);
GC_API void GC_disable(void);
GC_API int GC_is_disabled(void);
GC_API size_t GC_get_heap_size(void);
GC_API size_t GC_get_free_bytes(void);
GC_API size_t GC_get_unmapped_bytes(void);
GC_API size_t GC_get_bytes_since_gc(void);
GC_API size_t GC_get_total_bytes(void);
GC_API GC_word GC_get_gc_no(void);
GC_API void *GC_base(void *);
GC_API int GC_is_heap_ptr(const void *);
GC_API size_t GC_size(const void *);
GC_API int GC_expand_hp(size_t);
GC_API void GC_set_max_heap_size(GC_word);
GC_API void GC_set_free_space_divisor(GC_word);
GC_API void GC_register_displacement(size_t);
GC_API void GC_set_all_interior_pointers(int);
GC_API void GC_set_warn_proc(void (*)(char *, GC_word));
GC_API void GC_set_java_finalization(int);
GC_API void GC_enable_incremental(void);
GC_API int GC_get_version(void);

/* Refused at compile time. */
typedef void (*GC_finalization_proc)(void *, void *);
ASAP_GC_UNSUPPORTED("finalizers are")
void GC_register_finalizer(void *, GC_finalization_proc, void *,
                           GC_finalization_proc *, void **);
ASAP_GC_UNSUPPORTED("finalizers are")
void GC_register_finalizer_ignore_self(void *, GC_finalization_proc, void *,
                                       GC_finalization_proc *, void **);
ASAP_GC_UNSUPPORTED("finalizers are")
void GC_register_finalizer_no_order(void *, GC_finalization_proc, void *,
                                    GC_finalization_proc *, void **);
ASAP_GC_UNSUPPORTED("finalizers are")
void GC_register_finalizer_unreachable(void *, GC_finalization_proc, void *,
                                       GC_finalization_proc *, void **);
ASAP_GC_UNSUPPORTED("finalizers are")
int GC_invoke_finalizers(void);
ASAP_GC_UNSUPPORTED("finalizers are")
int GC_should_invoke_finalizers(void);
ASAP_GC_UNSUPPORTED("disappearing links are")
int GC_general_register_disappearing_link(void **, const void *);
ASAP_GC_UNSUPPORTED("disappearing links are")
int GC_register_disappearing_link(void **);
ASAP_GC_UNSUPPORTED("disappearing links are")
int GC_unregister_disappearing_link(void **);
ASAP_GC_UNSUPPORTED("disappearing links are")
int GC_register_long_link(void **, const void *);
ASAP_GC_UNSUPPORTED("thread registration is")
void GC_allow_register_threads(void);
ASAP_GC_UNSUPPORTED("thread registration is")
int GC_register_my_thread(const void *);
ASAP_GC_UNSUPPORTED("thread registration is")
int GC_unregister_my_thread(void);
ASAP_GC_UNSUPPORTED("GC_pthread_create is")
int GC_pthread_create(void *, const void *, void *(*)(void *), void *);
ASAP_GC_UNSUPPORTED("GC_call_with_alloc_lock is")
void *GC_call_with_alloc_lock(void *(*)(void *), void *);
ASAP_GC_UNSUPPORTED("typed allocation (gc_typed.h) is")
void *GC_malloc_explicitly_typed(size_t, GC_word);

#define GC_INIT() GC_init()
#define GC_MALLOC(n) GC_malloc(n)
#define GC_MALLOC_ATOMIC(n) GC_malloc_atomic(n)
#define GC_MALLOC_UNCOLLECTABLE(n) GC_malloc_uncollectable(n)
#define GC_MALLOC_ATOMIC_UNCOLLECTABLE(n) GC_malloc_atomic_uncollectable(n)
#define GC_MALLOC_IGNORE_OFF_PAGE(n) GC_malloc_ignore_off_page(n)
#define GC_MALLOC_ATOMIC_IGNORE_OFF_PAGE(n) GC_malloc_atomic_ignore_off_page(n)
#define GC_REALLOC(p, n) GC_realloc((p), (n))
#define GC_FREE(p) GC_free(p)
#define GC_STRDUP(s) GC_strdup(s)
#define GC_STRNDUP(s, n) GC_strndup((s), (n))
#define GC_NEW(t) ((t *)GC_MALLOC(sizeof(t)))
#define GC_NEW_ATOMIC(t) ((t *)GC_MALLOC_ATOMIC(sizeof(t)))
#define GC_NEW_UNCOLLECTABLE(t) ((t *)GC_MALLOC_UNCOLLECTABLE(sizeof(t)))
#define GC_REGISTER_FINALIZER(p, f, d, of, od)                                 \
  GC_register_finalizer((p), (f), (d), (of), (od))
#define GC_REGISTER_FINALIZER_IGNORE_SELF(p, f, d, of, od)                     \
  GC_register_finalizer_ignore_self((p), (f), (d), (of), (od))
#define GC_REGISTER_FINALIZER_NO_ORDER(p, f, d, of, od)                        \
  GC_register_finalizer_no_order((p), (f), (d), (of), (od))
#define GC_GENERAL_REGISTER_DISAPPEARING_LINK(l, o)                            \
  GC_general_register_disappearing_link((l), (o))
#define GC_REGISTER_DISPLACEMENT(n) GC_register_displacement(n)
#define GC_PTR_STORE(p, q) (*(void **)(p) = (void *)(q))
/* Stubborn objects are ordinary objects here, as in Boehm 7.2 and later: */
/* ending a "change" has nothing to record. */
#define GC_END_STUBBORN_CHANGE(p) ((void)(p))
#define GC_reachable_here(p) __asm__ __volatile__("" : : "X"(p) : "memory")

#ifdef __cplusplus
}
#endif

#endif
