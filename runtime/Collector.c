/* Collector.c - see Collector.h. */
#include "Collector.h"
#include "BlockSpace.h"
#include "LargeSpace.h"
#include "Marker.h"
#include "Roots.h"
#include "SmallSpace.h"
#include "Stats.h"
#include "Valgrind.h"

#include <stdlib.h>

size_t asap_gc_allocated_since;
size_t asap_gc_threshold = (size_t)4 << 20;

static double growth = 1.5;
static size_t min_bytes = (size_t)4 << 20;
static int disabled;

/* A small decimal parser: strtod may consult the locale, which may
 * allocate, and we can be called from inside malloc's start-up. */
static double parse_number(const char *s, double fallback) {
  double value = 0, scale = 0;
  bool any = false;
  for (; *s; ++s) {
    if (*s >= '0' && *s <= '9') {
      any = true;
      if (scale > 0) {
        value += (*s - '0') / scale;
        scale *= 10;
      } else {
        value = value * 10 + (*s - '0');
      }
    } else if (*s == '.' && scale == 0) {
      scale = 10;
    } else {
      return fallback;
    }
  }
  return any ? value : fallback;
}

void asap_collector_init(void) {
  const char *g = getenv("ASAP_GC_GROWTH");
  if (g) {
    double v = parse_number(g, growth);
    if (v > 1.0)
      growth = v;
  }
  const char *m = getenv("ASAP_GC_MIN_BYTES");
  if (m)
    min_bytes = (size_t)parse_number(m, (double)min_bytes);
  asap_gc_threshold = min_bytes;
}

/* Read at exit, not at start-up: the first malloc can come from the
 * dynamic loader before the environment is visible to getenv. */
bool asap_stats_requested(void) {
  const char *s = getenv("ASAP_STATS");
  return s && s[0] == '1';
}

void asap_collector_disable(void) { ++disabled; }
bool asap_collector_disabled(void) { return disabled > 0; }
void asap_collector_enable(void) {
  if (disabled > 0)
    --disabled;
}

/* The next cycle comes after allocating (growth - 1) times the live
 * bytes, or, when larger, the free space the heap already has (blocks
 * below the frontier that hold no live object): using memory that is
 * resident anyway costs no RSS and saves cycles. */
static void set_next_threshold(void) {
  size_t live = asap_live_bytes();
  double next = (growth - 1.0) * (double)live;
  size_t resident = asap_heap.frontier << ASAP_BLOCK_SHIFT;
  if (resident > live && (double)(resident - live) > next)
    next = (double)(resident - live);
  asap_gc_threshold = next > (double)min_bytes ? (size_t)next : min_bytes;
  asap_gc_allocated_since = 0;
}

/* Under valgrind, memcheck replaces the malloc family even in the
 * executable, so statically managed objects live in memcheck's heap where
 * the collector cannot scan them as roots. Find out once, by asking malloc
 * for a cell and looking where it lands. */
static bool malloc_is_foreign(void) {
  if (!asap_heap.malloc_probed) {
    asap_heap.malloc_probed = true;
    void *probe = malloc(1);
    asap_heap.foreign_malloc = probe && !asap_in_heap(probe);
    free(probe);
  }
  return asap_heap.foreign_malloc;
}

void asap_collect(void) {
  if (asap_heap.collecting || !asap_heap.initialized)
    return;
  /* With a foreign malloc a collection could free objects that only a
   * malloc'd object points to: defer to the exit hook, where freeing them
   * can no longer change what the program does. */
  if (asap_heap.multithreaded) {
    /* Nothing to collect is not an error (GC_gcollect in a threaded
     * program that never used the collector). */
    if (asap_heap.live_objects[1] == 0)
      return;
    asap_fatal("the collector cannot run after the program started a second "
               "thread: libasaprt's collector is single-threaded "
               "(see docs/runtime.md, Threads)");
  }
  if (disabled || (!asap_heap.exiting && malloc_is_foreign())) {
    asap_gc_allocated_since = 0;
    return;
  }
  asap_heap.collecting = true;
  asap_note_peak_live();
  /* Conservative scanning reads uninitialised words and the slack after
   * objects; memcheck must not report our reads as the program's. */
  ASAP_VG(VALGRIND_DISABLE_ERROR_REPORTING);
  asap_mark_roots();
  asap_mark_drain();
  ASAP_VG(VALGRIND_ENABLE_ERROR_REPORTING);

  AsapSweepCounts counts = {0, 0};
  for (size_t index = 0; index < asap_heap.frontier; ++index)
    if (asap_heap.blocks[index].kind == BLOCK_SMALL)
      asap_small_sweep((uint32_t)index, &counts);
  asap_large_sweep(&counts);
  asap_mark_trim();

  asap_heap.live_objects[1] -= counts.objects;
  asap_heap.live_bytes[1] -= counts.bytes;
  asap_stats.collections++;
  asap_stats.gc_reclaimed_objects += counts.objects;
  asap_stats.gc_reclaimed_bytes += counts.bytes;
  set_next_threshold();
  asap_heap.collecting = false;
}
