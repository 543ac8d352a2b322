// StatsTest.cpp - the counters behind ASAP_STATS and the compiler's entry
// points that bump them (__asap_release, __asap_reuse, __asap_count_arena).
#include "asap/runtime.h"
#include "gc.h"

#include <gtest/gtest.h>

#include <malloc.h>
#include <string>
#include <unistd.h>

namespace {

asap_runtime_stats snapshot() {
  asap_runtime_stats s;
  asap_get_stats(&s);
  return s;
}

TEST(Stats, AllocationsAreCountedByKind) {
  asap_runtime_stats before = snapshot();
  void *a = malloc(100);
  void *b = GC_MALLOC(200);
  void *c = GC_MALLOC_ATOMIC(300);
  asap_runtime_stats after = snapshot();
  EXPECT_EQ(after.static_allocs - before.static_allocs, 1u);
  EXPECT_EQ(after.static_bytes - before.static_bytes, 100u);
  EXPECT_EQ(after.gc_allocs - before.gc_allocs, 2u);
  EXPECT_EQ(after.gc_bytes - before.gc_bytes, 500u);
  EXPECT_GE(after.peak_live_bytes, after.live_bytes);
  EXPECT_GE(after.peak_heap_bytes, after.heap_bytes);
  free(a);
  GC_FREE(b);
  GC_FREE(c);
  asap_runtime_stats freed = snapshot();
  EXPECT_EQ(freed.frees - after.frees, 3u);
  EXPECT_EQ(freed.live_objects, before.live_objects);
}

TEST(Stats, CompilerReleaseFreesAtOnceAndCounts) {
  asap_runtime_stats before = snapshot();
  void *p = malloc(48);
  __asap_release(p);
  __asap_release(nullptr); // a no-op, like free(NULL)
  asap_runtime_stats after = snapshot();
  EXPECT_EQ(after.compiler_releases - before.compiler_releases, 1u);
  EXPECT_EQ(after.frees, before.frees);
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_NONE);
  EXPECT_EQ(malloc(48), p); // the released cell is reused at once
  free(p);
}

TEST(Stats, ReuseInPlaceWhenTheCellFits) {
  asap_runtime_stats before = snapshot();
  void *p = malloc(100);
  void *q = __asap_reuse(p, 90);
  EXPECT_EQ(q, p);
  void *r = __asap_reuse(q, 5000);
  EXPECT_NE(r, nullptr);
  EXPECT_GE(malloc_usable_size(r), 5000u);
  void *s = __asap_reuse(nullptr, 10);
  EXPECT_EQ(asap_object_kind(s), ASAP_OBJECT_STATIC);
  asap_runtime_stats after = snapshot();
  EXPECT_EQ(after.reuses - before.reuses, 3u);
  EXPECT_EQ(after.reuses_in_place - before.reuses_in_place, 1u);
  free(r);
  free(s);
}

TEST(Stats, ArenaPlacementsAreCounted) {
  asap_runtime_stats before = snapshot();
  __asap_count_arena(64);
  __asap_count_arena(36);
  asap_runtime_stats after = snapshot();
  EXPECT_EQ(after.arena_placements - before.arena_placements, 2u);
  EXPECT_EQ(after.arena_bytes - before.arena_bytes, 100u);
}

TEST(Stats, CollectionsAndReclaimedObjectsAreCounted) {
  asap_runtime_stats before = snapshot();
  for (int i = 0; i < 1000; ++i)
    (void)GC_MALLOC(64);
  GC_gcollect();
  asap_runtime_stats after = snapshot();
  EXPECT_GE(after.collections - before.collections, 1u);
  EXPECT_GE(after.gc_reclaimed_objects - before.gc_reclaimed_objects, 990u);
  EXPECT_GE(after.gc_reclaimed_bytes - before.gc_reclaimed_bytes, 990u * 64);
  EXPECT_EQ(GC_get_gc_no(), after.collections);
  EXPECT_EQ(GC_get_heap_size(), after.heap_bytes);
  EXPECT_LE(GC_get_free_bytes(), GC_get_heap_size());
}

TEST(Stats, ReportListsEveryCounter) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  __asap_count_arena(1);
  asap_print_stats(fds[1]);
  close(fds[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0)
    text.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  for (const char *label :
       {"static allocations", "collector allocations", "released by compiler",
        "reuses by compiler", "arena placements", "collections",
        "reclaimed by collector", "peak heap bytes", "leftover live objects"})
    EXPECT_NE(text.find(std::string("asap-stats: ") + label), std::string::npos) << label;
}

} // namespace
