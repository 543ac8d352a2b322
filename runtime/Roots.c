/* Roots.c - see Roots.h. */
#define _GNU_SOURCE
#include "Roots.h"
#include "Heap.h"
#include "LargeSpace.h"
#include "Marker.h"

#include <link.h>
#include <setjmp.h>

/* The main thread's stack top, recorded by glibc at start-up (Boehm uses
 * it too); only the main thread can collect (see Threads in the docs). */
extern void *__libc_stack_end;

static __attribute__((noinline)) void mark_stack_and_registers(void) {
  /* __builtin_unwind_init makes this frame save every callee-saved
   * register on the stack; setjmp stores the rest of the register file
   * in `registers`, which lives below them. */
  __builtin_unwind_init();
  jmp_buf registers;
  setjmp(registers);
  asap_mark_range(&registers, __libc_stack_end);
}

/* Skips asap_heap itself: its base address would otherwise pin whatever
 * object sits at the start of the heap. */
static void mark_segment(const char *lo, const char *hi) {
  const char *self_lo = (const char *)&asap_heap;
  const char *self_hi = self_lo + sizeof asap_heap;
  if (self_hi <= lo || self_lo >= hi) {
    asap_mark_range(lo, hi);
    return;
  }
  asap_mark_range(lo, self_lo);
  asap_mark_range(self_hi, hi);
}

static int mark_object_segments(struct dl_phdr_info *info, size_t size,
                                void *unused) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
      continue;
    const char *lo = (const char *)(info->dlpi_addr + ph->p_vaddr);
    mark_segment(lo, lo + ph->p_memsz);
  }
  return 0;
}

static void mark_static_objects(void) {
  for (size_t index = 0; index < asap_heap.frontier; ++index) {
    AsapBlock *b = &asap_heap.blocks[index];
    if (b->kind != BLOCK_SMALL || b->nalloc == b->ncollectable)
      continue;
    char *cell = asap_block_address(index);
    uint32_t size = b->cell_size;
    uint32_t stride = size >> ASAP_GRANULE_SHIFT;
    const uint8_t *meta = asap_meta_of(cell);
    for (uint32_t i = 0; i < b->bump; ++i, meta += stride, cell += size)
      if ((*meta & (META_ALLOC | META_COLLECTABLE | META_ATOMIC)) == META_ALLOC)
        asap_mark_range(cell, cell + size);
  }
  for (uint32_t head = asap_large_first(); head != ASAP_NO_BLOCK;
       head = asap_large_next(head)) {
    char *p = asap_block_address(head);
    if ((*asap_meta_of(p) & (META_COLLECTABLE | META_ATOMIC)) == 0)
      asap_mark_range(p, p + asap_heap.blocks[head].large_size);
  }
}

void asap_mark_roots(void) {
  /* The exit hook's collection runs after main returned (or from exit()):
   * no frame on the stack will run program code again, so stale words
   * there must not keep garbage alive for memcheck's leak report. */
  if (!asap_heap.exiting)
    mark_stack_and_registers();
  dl_iterate_phdr(mark_object_segments, NULL);
  mark_static_objects();
}
