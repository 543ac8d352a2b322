/* BlockSpace.c - reservation of the heap range and the block-run
 * allocator (see BlockSpace.h). The side tables are mapped with
 * MAP_NORESERVE so only the pages describing blocks in use become
 * resident; the range itself is committed in 4 MiB steps. */
#define _GNU_SOURCE
#include "BlockSpace.h"
#include "Stats.h"
#include "Valgrind.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

AsapHeap asap_heap;

enum { COMMIT_STEP_BLOCKS = 32, RELEASE_PAGES_BLOCKS = 8 };

_Noreturn void asap_fatal(const char *message) {
  static const char prefix[] = "asap: ";
  ssize_t ignored = write(2, prefix, sizeof prefix - 1);
  ignored = write(2, message, strlen(message));
  ignored = write(2, "\n", 1);
  (void)ignored;
  abort();
}

static void *map_noreserve(size_t bytes, int prot) {
  void *p = mmap(NULL, bytes, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void asap_heap_init(void) {
  if (asap_heap.initialized)
    return;
  asap_heap.valgrind = RUNNING_ON_VALGRIND != 0;
  /* Valgrind's address-space manager refuses huge reservations, so ask
   * for less there; natively 64 GiB of PROT_NONE costs nothing. */
  static const size_t native_sizes[] = {(size_t)64 << 30, (size_t)16 << 30,
                                        (size_t)4 << 30, (size_t)1 << 30};
  static const size_t valgrind_sizes[] = {(size_t)8 << 30, (size_t)2 << 30,
                                          (size_t)1 << 30};
  const size_t *sizes = asap_heap.valgrind ? valgrind_sizes : native_sizes;
  size_t nsizes = asap_heap.valgrind ? 3 : 4;
  char *raw = NULL;
  size_t bytes = 0;
  for (size_t i = 0; i < nsizes && !raw; ++i) {
    bytes = sizes[i];
    raw = map_noreserve(bytes + ASAP_BLOCK_SIZE, PROT_NONE);
  }
  if (!raw)
    asap_fatal("cannot reserve address space for the heap");
  char *base = (char *)(((uintptr_t)raw + ASAP_BLOCK_SIZE - 1) &
                        ~(uintptr_t)(ASAP_BLOCK_SIZE - 1));
  size_t nblocks = bytes >> ASAP_BLOCK_SHIFT;
  uint8_t *meta = map_noreserve(bytes >> ASAP_GRANULE_SHIFT,
                                PROT_READ | PROT_WRITE);
  AsapBlock *blocks =
      map_noreserve(nblocks * sizeof(AsapBlock), PROT_READ | PROT_WRITE);
  if (!meta || !blocks)
    asap_fatal("cannot map the heap's side tables");
  if (asap_heap.valgrind) {
    asap_heap.valgrind_sizes = map_noreserve(
        (bytes >> ASAP_GRANULE_SHIFT) * sizeof(uint32_t), PROT_READ | PROT_WRITE);
    if (!asap_heap.valgrind_sizes)
      asap_fatal("cannot map the valgrind size table");
  }
  asap_heap.base = base;
  asap_heap.reserved_blocks = nblocks;
  asap_heap.meta = meta;
  asap_heap.blocks = blocks;
  asap_heap.free_runs = ASAP_NO_BLOCK;
  asap_heap.large_objects = ASAP_NO_BLOCK;
  asap_heap.initialized = true;
}

static bool commit_up_to(size_t end_block) {
  if (end_block <= asap_heap.committed_blocks)
    return true;
  if (end_block > asap_heap.reserved_blocks)
    return false;
  size_t to = end_block + COMMIT_STEP_BLOCKS - 1;
  to -= to % COMMIT_STEP_BLOCKS;
  if (to > asap_heap.reserved_blocks)
    to = asap_heap.reserved_blocks;
  char *from = asap_block_address(asap_heap.committed_blocks);
  size_t len = (to - asap_heap.committed_blocks) << ASAP_BLOCK_SHIFT;
  if (mprotect(from, len, PROT_READ | PROT_WRITE) != 0)
    return false;
  ASAP_VG(VALGRIND_MAKE_MEM_NOACCESS(from, len));
  asap_heap.committed_blocks = to;
  return true;
}

static void note_in_use(size_t count) {
  asap_heap.blocks_in_use += count;
  uint64_t bytes = (uint64_t)asap_heap.blocks_in_use << ASAP_BLOCK_SHIFT;
  if (bytes > asap_stats.peak_heap_bytes)
    asap_stats.peak_heap_bytes = bytes;
}

static void run_list_remove(uint32_t head) {
  AsapBlock *b = &asap_heap.blocks[head];
  if (b->prev != ASAP_NO_BLOCK)
    asap_heap.blocks[b->prev].next = b->next;
  else
    asap_heap.free_runs = b->next;
  if (b->next != ASAP_NO_BLOCK)
    asap_heap.blocks[b->next].prev = b->prev;
}

/* Marks [first, first+count) as one free run and lists it. */
static void make_run(uint32_t first, size_t count) {
  AsapBlock *blocks = asap_heap.blocks;
  for (size_t i = 0; i < count; ++i) {
    blocks[first + i].kind = BLOCK_FREE;
    blocks[first + i].head = first;
  }
  blocks[first].run_len = (uint32_t)count;
  blocks[first].prev = ASAP_NO_BLOCK;
  blocks[first].next = asap_heap.free_runs;
  if (asap_heap.free_runs != ASAP_NO_BLOCK)
    blocks[asap_heap.free_runs].prev = first;
  asap_heap.free_runs = first;
}

uint32_t asap_blocks_alloc(size_t count, size_t align_blocks) {
  AsapBlock *blocks = asap_heap.blocks;
  if (align_blocks <= 1) {
    for (uint32_t h = asap_heap.free_runs; h != ASAP_NO_BLOCK; h = blocks[h].next) {
      size_t len = blocks[h].run_len;
      if (len < count)
        continue;
      run_list_remove(h);
      if (len > count)
        make_run(h + (uint32_t)count, len - count);
      note_in_use(count);
      return h;
    }
  }
  size_t first = asap_heap.frontier;
  if (align_blocks > 1) {
    /* Align the address, not the index: the range is only block aligned. */
    size_t base_blocks = (uintptr_t)asap_heap.base >> ASAP_BLOCK_SHIFT;
    first = ((first + base_blocks + align_blocks - 1) & ~(align_blocks - 1)) -
            base_blocks;
  }
  if (!commit_up_to(first + count))
    return ASAP_NO_BLOCK;
  size_t gap_start = asap_heap.frontier;
  asap_heap.frontier = first + count;
  if (first > gap_start)
    asap_blocks_free((uint32_t)gap_start, first - gap_start);
  note_in_use(count);
  return (uint32_t)first;
}

void asap_blocks_free(uint32_t first, size_t count) {
  AsapBlock *blocks = asap_heap.blocks;
  /* Only the gap skipped for alignment is freed without having been in
   * use; it never counted in blocks_in_use. */
  bool was_in_use = blocks[first].kind != BLOCK_UNUSED;
  if (was_in_use)
    asap_heap.blocks_in_use -= count;
  if (count >= RELEASE_PAGES_BLOCKS)
    madvise(asap_block_address(first), count << ASAP_BLOCK_SHIFT,
            MADV_DONTNEED);
  /* Coalesce with the run before (its tail names its head) and after. */
  if (first > 0 && blocks[first - 1].kind == BLOCK_FREE) {
    uint32_t left = blocks[first - 1].head;
    run_list_remove(left);
    count += first - left;
    first = left;
  }
  size_t end = first + count;
  if (end < asap_heap.frontier && blocks[end].kind == BLOCK_FREE) {
    run_list_remove((uint32_t)end);
    count += blocks[end].run_len;
    end = first + count;
  }
  if (end == asap_heap.frontier) {
    /* The run touches the frontier: pull the frontier back instead. */
    for (size_t i = first; i < end; ++i)
      blocks[i].kind = BLOCK_UNUSED;
    asap_heap.frontier = first;
    return;
  }
  make_run(first, count);
}

size_t asap_heap_size_bytes(void) {
  return asap_heap.blocks_in_use << ASAP_BLOCK_SHIFT;
}
