// RandomGraphTest.cpp - random object graphs on the collector's heap. Every
// object carries a checksum of its identity and payload; after each
// collection the test recomputes reachability from its own (masked) record
// of the graph and checks that every reachable object is intact and still
// collector-owned, and that the unreachable ones were reclaimed.
#include "TestSupport.h"

#include "asap/runtime.h"
#include "gc.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace asaptest;

namespace {

struct Node {
  uint64_t id;
  uint64_t checksum;
  uint32_t edgeCount;
  uint32_t payloadBytes;
  Node *edges[]; // edgeCount pointers, then payloadBytes bytes
};

uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

unsigned char *payloadOf(Node *n) {
  return reinterpret_cast<unsigned char *>(n->edges + n->edgeCount);
}

uint64_t checksumOf(Node *n) {
  uint64_t h = mix(n->id + 1) ^ n->edgeCount ^ (uint64_t(n->payloadBytes) << 32);
  unsigned char *p = payloadOf(n);
  for (uint32_t i = 0; i < n->payloadBytes; ++i)
    h = mix(h ^ p[i]);
  return h;
}

struct Record {
  uintptr_t hidden;           // masked address
  std::vector<uint32_t> edges; // ids of the targets
  bool reclaimedSeen = false;
};

class RandomGraph {
public:
  explicit RandomGraph(unsigned seed) : rng(seed) {
    roots = static_cast<Node **>(calloc(kRoots, sizeof(Node *)));
    rootIds.assign(kRoots, UINT32_MAX);
  }
  ~RandomGraph() { free(roots); }

  // Allocates `count` objects with edges to random earlier objects that
  // are still reachable, and plants some of them in the roots.
  void grow(unsigned count) {
    std::vector<uint32_t> live = reachableIds();
    // New nodes may become edge targets before anything reachable points
    // at them, and automatic collections run during growth: a malloc'd
    // nursery (a root) keeps them until the round's explicit collection.
    Node **nursery = static_cast<Node **>(calloc(count, sizeof(Node *)));
    for (unsigned k = 0; k < count; ++k) {
      uint32_t edgeCount = live.empty() ? 0 : rng() % 5;
      uint32_t payload = rng() % 200;
      bool atomic = edgeCount == 0 && rng() % 3 == 0;
      size_t bytes = sizeof(Node) + edgeCount * sizeof(Node *) + payload;
      if (rng() % 50 == 0)
        bytes += 20000; // some large objects too
      Node *n = static_cast<Node *>(atomic ? GC_MALLOC_ATOMIC(bytes) : GC_MALLOC(bytes));
      ASSERT_NE(n, nullptr);
      n->id = records.size();
      n->edgeCount = edgeCount;
      n->payloadBytes = payload;
      Record r;
      for (uint32_t e = 0; e < edgeCount; ++e) {
        uint32_t target = live[rng() % live.size()];
        n->edges[e] = reveal<Node>(records[target].hidden);
        r.edges.push_back(target);
      }
      for (uint32_t i = 0; i < payload; ++i)
        payloadOf(n)[i] = static_cast<unsigned char>(rng());
      n->checksum = checksumOf(n);
      r.hidden = hide(n);
      records.push_back(std::move(r));
      if (rng() % 4 == 0) {
        unsigned slot = rng() % kRoots;
        roots[slot] = n;
        rootIds[slot] = static_cast<uint32_t>(n->id);
      }
      live.push_back(static_cast<uint32_t>(n->id));
      nursery[k] = n;
      n = nullptr;
    }
    free(nursery);
  }

  void dropRoots(unsigned count) {
    for (unsigned k = 0; k < count; ++k) {
      unsigned slot = rng() % kRoots;
      roots[slot] = nullptr;
      rootIds[slot] = UINT32_MAX;
    }
  }

  std::vector<uint32_t> reachableIds() const {
    std::vector<char> seen(records.size(), 0);
    std::vector<uint32_t> work, out;
    for (uint32_t id : rootIds)
      if (id != UINT32_MAX && !seen[id]) {
        seen[id] = 1;
        work.push_back(id);
      }
    while (!work.empty()) {
      uint32_t id = work.back();
      work.pop_back();
      out.push_back(id);
      for (uint32_t t : records[id].edges)
        if (!seen[t]) {
          seen[t] = 1;
          work.push_back(t);
        }
    }
    return out;
  }

  struct Verdict {
    size_t reachable = 0, unreachable = 0, reclaimed = 0;
  };

  // Checks the heap against the record after a collection.
  Verdict verify() {
    Verdict v;
    std::vector<uint32_t> reach = reachableIds();
    std::vector<char> isReachable(records.size(), 0);
    for (uint32_t id : reach)
      isReachable[id] = 1;
    for (uint32_t id = 0; id < records.size(); ++id) {
      Node *n = reveal<Node>(records[id].hidden);
      if (isReachable[id]) {
        ++v.reachable;
        EXPECT_EQ(asap_object_kind(n), ASAP_OBJECT_COLLECTABLE) << "object " << id;
        EXPECT_EQ(GC_base(n), static_cast<void *>(n));
        EXPECT_EQ(n->id, id);
        EXPECT_EQ(n->checksum, checksumOf(n)) << "object " << id << " corrupted";
        for (uint32_t e = 0; e < records[id].edges.size(); ++e)
          EXPECT_EQ(n->edges[e], reveal<Node>(records[records[id].edges[e]].hidden));
      } else if (!records[id].reclaimedSeen) {
        ++v.unreachable;
        // Reclaimed unless the very same object is still there: the cell
        // may since hold a statically managed object (gtest's) or a newer
        // node (another id) after an automatic collection.
        bool stillThere = asap_object_kind(n) == ASAP_OBJECT_COLLECTABLE &&
                          GC_base(n) == n && n->id == id;
        if (!stillThere) {
          ++v.reclaimed;
          records[id].reclaimedSeen = true;
        }
      }
    }
    return v;
  }

  static constexpr unsigned kRoots = 64;
  std::mt19937 rng;
  Node **roots; // a statically managed object: a root for the collector
  std::vector<uint32_t> rootIds;
  std::vector<Record> records;
};

class RandomGraphTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(RandomGraphTest, CollectionsKeepReachableAndReclaimUnreachable) {
  GC_INIT();
  RandomGraph graph(GetParam());
  size_t unreachable = 0, reclaimed = 0;
  for (int round = 0; round < 12; ++round) {
    graph.grow(3000);
    graph.dropRoots(20);
    scrubStack();
    GC_gcollect();
    RandomGraph::Verdict v = graph.verify();
    ASSERT_FALSE(HasFailure()) << "after collection " << round;
    EXPECT_GT(v.reachable, 0u);
    unreachable += v.unreachable;
    reclaimed += v.reclaimed;
  }
  // Conservative: a stale word may pin an object now and then, but almost
  // all garbage must go, and in a 12-round run there is plenty.
  EXPECT_GT(unreachable, 10000u);
  EXPECT_GE(reclaimed * 100, unreachable * 98)
      << reclaimed << " of " << unreachable << " unreachable objects reclaimed";
  // Drop everything: the objects become garbage for the next test's cycles.
  graph.dropRoots(1000);
  for (unsigned i = 0; i < RandomGraph::kRoots; ++i)
    graph.roots[i] = nullptr;
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomGraphTest, ::testing::Values(1u, 2u, 3u));

} // namespace
