// AllocatorTest.cpp - the interposed C allocator: malloc/calloc/realloc
// edge cases, every aligned-allocation entry point, usable sizes, reuse of
// released cells, and the one-line errors for invalid frees.
#include "asap/runtime.h"
#include "gc.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <vector>

extern "C" void *reallocarray(void *, size_t, size_t);

namespace {

void *volatile gKeep; // a root for the thread test's collector object

bool aligned(const void *p, size_t alignment) {
  return reinterpret_cast<uintptr_t>(p) % alignment == 0;
}

TEST(Allocator, MallocIsInterposed) {
  void *p = malloc(10);
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_STATIC);
  char *s = strdup("libc allocates through us too");
  EXPECT_EQ(asap_object_kind(s), ASAP_OBJECT_STATIC);
  free(s);
  free(p);
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_NONE);
}

TEST(Allocator, SizesFromZeroToLargeAreUsableAndAligned) {
  for (size_t size : {0, 1, 15, 16, 17, 100, 1000, 8191, 8192, 8193, 100000, 5000000}) {
    unsigned char *p = static_cast<unsigned char *>(malloc(size));
    ASSERT_NE(p, nullptr) << size;
    EXPECT_TRUE(aligned(p, 16)) << size;
    EXPECT_GE(malloc_usable_size(p), size);
    memset(p, 0xab, malloc_usable_size(p));
    free(p);
  }
}

TEST(Allocator, FreedCellIsReusedAtOnce) {
  void *p = malloc(40);
  free(p);
  void *q = malloc(40);
  EXPECT_EQ(p, q); // LIFO free list of the block
  free(q);
}

TEST(Allocator, CallocZeroesAndChecksOverflow) {
  for (int round = 0; round < 2; ++round) {
    unsigned char *dirty = static_cast<unsigned char *>(malloc(256));
    memset(dirty, 0xff, 256);
    free(dirty);
    unsigned char *p = static_cast<unsigned char *>(calloc(16, 16));
    for (int i = 0; i < 256; ++i)
      ASSERT_EQ(p[i], 0);
    free(p);
  }
  errno = 0;
  EXPECT_EQ(calloc(SIZE_MAX / 2, 4), nullptr);
  EXPECT_EQ(errno, ENOMEM);
}

TEST(Allocator, ReallocEdgeCases) {
  // NULL behaves as malloc.
  char *p = static_cast<char *>(realloc(nullptr, 20));
  ASSERT_NE(p, nullptr);
  for (int i = 0; i < 20; ++i)
    p[i] = static_cast<char>(i);
  // Growing through small classes into a large object keeps the contents.
  for (size_t size : {30, 200, 5000, 9000, 300000, 3000000}) {
    p = static_cast<char *>(realloc(p, size));
    ASSERT_NE(p, nullptr);
    for (int i = 0; i < 20; ++i)
      ASSERT_EQ(p[i], static_cast<char>(i)) << size;
  }
  // Shrinking keeps the prefix.
  p = static_cast<char *>(realloc(p, 10));
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(p[i], static_cast<char>(i));
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_STATIC);
  // Size 0 frees (glibc's behaviour) and returns NULL.
  EXPECT_EQ(realloc(p, 0), nullptr);
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_NONE);
  // Overflowing reallocarray fails cleanly.
  void *q = malloc(8);
  errno = 0;
  EXPECT_EQ(reallocarray(q, SIZE_MAX / 2, 3), nullptr);
  EXPECT_EQ(errno, ENOMEM);
  free(q);
}

TEST(Allocator, GcReallocKeepsTheObjectCollectable) {
  char *p = static_cast<char *>(GC_MALLOC(16));
  strcpy(p, "collectable");
  p = static_cast<char *>(GC_REALLOC(p, 20000));
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_COLLECTABLE);
  EXPECT_STREQ(p, "collectable");
  for (int i = 12; i < 20000; ++i)
    ASSERT_EQ(p[i], 0) << "GC_REALLOC must hand out cleared memory";
  p = static_cast<char *>(GC_REALLOC(nullptr, 8));
  EXPECT_EQ(asap_object_kind(p), ASAP_OBJECT_COLLECTABLE);
}

TEST(Allocator, AlignedEntryPoints) {
  for (size_t alignment = 16; alignment <= (size_t(1) << 22); alignment <<= 1) {
    for (size_t size : {size_t(1), size_t(24), alignment, alignment * 3 + 5}) {
      void *a = aligned_alloc(alignment, size);
      ASSERT_NE(a, nullptr);
      EXPECT_TRUE(aligned(a, alignment)) << alignment << " " << size;
      EXPECT_GE(malloc_usable_size(a), size);
      memset(a, 1, size);
      free(a);
      void *b = nullptr;
      ASSERT_EQ(posix_memalign(&b, alignment, size), 0);
      EXPECT_TRUE(aligned(b, alignment));
      free(b);
      void *c = memalign(alignment, size);
      EXPECT_TRUE(aligned(c, alignment));
      free(c);
    }
  }
  void *v = valloc(100);
  EXPECT_TRUE(aligned(v, 4096));
  free(v);
  void *pv = pvalloc(100);
  EXPECT_TRUE(aligned(pv, 4096));
  EXPECT_GE(malloc_usable_size(pv), 4096u);
  free(pv);
  // Invalid alignments.
  void *out = nullptr;
  EXPECT_EQ(posix_memalign(&out, 24, 10), EINVAL);
  EXPECT_EQ(posix_memalign(&out, 4, 10), EINVAL);
  errno = 0;
  EXPECT_EQ(aligned_alloc(48, 96), nullptr);
  EXPECT_EQ(errno, EINVAL);
  // memalign rounds a non-power-of-two alignment up, as glibc does.
  void *m = memalign(48, 10);
  EXPECT_TRUE(aligned(m, 64));
  free(m);
}

TEST(Allocator, ManyObjectsKeepTheirContents) {
  std::vector<uint32_t *> objects;
  for (uint32_t i = 0; i < 200000; ++i) {
    uint32_t *p = static_cast<uint32_t *>(malloc(4 + (i % 300)));
    *p = i;
    objects.push_back(p);
  }
  for (uint32_t i = 0; i < objects.size(); i += 2) {
    free(objects[i]);
    objects[i] = nullptr;
  }
  for (uint32_t i = 0; i < 100000; ++i)
    objects.push_back(static_cast<uint32_t *>(malloc(64)));
  for (uint32_t i = 1; i < 200000; i += 2)
    ASSERT_EQ(*objects[i], i);
  for (uint32_t *p : objects)
    free(p);
}

TEST(AllocatorDeathTest, DoubleFreeIsReported) {
  EXPECT_DEATH(
      {
        void *p = malloc(32);
        free(p);
        free(p);
      },
      "asap: free\\(\\): invalid pointer or double free");
}

TEST(AllocatorDeathTest, FreeOfAnInteriorPointerIsReported) {
  EXPECT_DEATH(
      {
        char *p = static_cast<char *>(malloc(32));
        free(p + 8);
      },
      "asap: free\\(\\): invalid pointer or double free");
}

TEST(AllocatorDeathTest, FreeOfAForeignPointerIsReported) {
  static int notHeap;
  EXPECT_DEATH(free(&notHeap), "asap: free\\(\\): invalid pointer");
}

TEST(AllocatorDeathTest, ThreadsWhileCollectorObjectsExistAreRefused) {
  EXPECT_DEATH(
      {
        gKeep = GC_MALLOC(16);
        pthread_t t;
        pthread_create(&t, nullptr, [](void *) -> void * { return nullptr; }, nullptr);
      },
      "asap: pthread_create: the program starts a second thread while "
      "collector-owned");
}

} // namespace
