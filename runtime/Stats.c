/* Stats.c - see Stats.h. */
#include "Stats.h"
#include "BlockSpace.h"
#include "Heap.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct asap_runtime_stats asap_stats;

void asap_get_stats(struct asap_runtime_stats *out) {
  asap_note_peak_live();
  *out = asap_stats;
  out->static_allocs = asap_heap.alloc_count[0];
  out->static_bytes = asap_heap.alloc_bytes[0];
  out->gc_allocs = asap_heap.alloc_count[1];
  out->gc_bytes = asap_heap.alloc_bytes[1];
  out->heap_bytes = asap_heap_size_bytes();
  out->live_objects = asap_heap.live_objects[0] + asap_heap.live_objects[1];
  out->live_bytes = asap_live_bytes();
  out->live_collectable_objects = asap_heap.live_objects[1];
  out->live_collectable_bytes = asap_heap.live_bytes[1];
}

static void line(int fd, const char *label, unsigned long long count,
                 const char *unit, unsigned long long bytes) {
  char buf[160];
  int n;
  if (unit)
    n = snprintf(buf, sizeof buf, "asap-stats: %-28s %12llu  (%llu %s)\n",
                 label, count, bytes, unit);
  else
    n = snprintf(buf, sizeof buf, "asap-stats: %-28s %12llu\n", label, count);
  if (n > 0) {
    ssize_t ignored = write(fd, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
    (void)ignored;
  }
}

void asap_write_stats(int fd) {
  struct asap_runtime_stats s;
  asap_get_stats(&s);
  line(fd, "static allocations", s.static_allocs, "bytes", s.static_bytes);
  line(fd, "collector allocations", s.gc_allocs, "bytes", s.gc_bytes);
  line(fd, "free() calls", s.frees, NULL, 0);
  line(fd, "released by compiler", s.compiler_releases, NULL, 0);
  line(fd, "reuses by compiler", s.reuses, "in place", s.reuses_in_place);
  line(fd, "arena placements", s.arena_placements, "bytes", s.arena_bytes);
  line(fd, "collections", s.collections, NULL, 0);
  line(fd, "reclaimed by collector", s.gc_reclaimed_objects, "bytes",
       s.gc_reclaimed_bytes);
  line(fd, "peak heap bytes", s.peak_heap_bytes, NULL, 0);
  line(fd, "peak live bytes", s.peak_live_bytes, NULL, 0);
  line(fd, "leftover live objects", s.live_objects, "bytes", s.live_bytes);
  line(fd, "leftover collector objects", s.live_collectable_objects, "bytes",
       s.live_collectable_bytes);
}

void asap_print_stats(int fd) { asap_write_stats(fd); }

void asap_note_peak_live(void) {
  size_t live = asap_live_bytes();
  if (live > asap_stats.peak_live_bytes)
    asap_stats.peak_live_bytes = live;
}
