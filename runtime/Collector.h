/* Collector.h - the mark-sweep cycle and its trigger. A collection marks
 * from the roots (Roots.h), then sweeps block by block: unmarked
 * collectable cells go back to their block's free list and empty blocks to
 * BlockSpace. It is triggered when the bytes of collectable objects
 * allocated since the last cycle exceed (ASAP_GC_GROWTH - 1, default 0.5) times the
 * live heap after that cycle (and at least ASAP_GC_MIN_BYTES). */
#ifndef ASAP_RUNTIME_COLLECTOR_H
#define ASAP_RUNTIME_COLLECTOR_H

#include <stdbool.h>
#include <stddef.h>

/* Reads ASAP_GC_GROWTH and ASAP_GC_MIN_BYTES; called at the first
 * collector-owned allocation, when the environment is surely visible. */
void asap_collector_init(void);
void asap_collect(void);
void asap_collector_disable(void);
void asap_collector_enable(void);
bool asap_collector_disabled(void);
bool asap_stats_requested(void);

extern size_t asap_gc_allocated_since, asap_gc_threshold;

/* Called before each collectable allocation of `bytes`. */
static inline void asap_collect_if_due(size_t bytes) {
  asap_gc_allocated_since += bytes;
  if (__builtin_expect(asap_gc_allocated_since >= asap_gc_threshold, 0))
    asap_collect();
}

#endif
