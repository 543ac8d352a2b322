/* Roots.h - the conservative root set: the calling thread's registers
 * (spilled to its stack) and stack, the writable PT_LOAD segments (data
 * and bss) of the executable and every loaded shared object found with
 * dl_iterate_phdr, and every live statically managed object (malloc'd or
 * GC_malloc_uncollectable'd): those are scanned, never collected. */
#ifndef ASAP_RUNTIME_ROOTS_H
#define ASAP_RUNTIME_ROOTS_H

/* Marks everything directly reachable from the roots. */
void asap_mark_roots(void);

#endif
