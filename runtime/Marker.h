/* Marker.h - conservative marking with an explicit, growable mark stack
 * (mmap'd, never malloc'd, never C recursion): a word that points into a
 * collectable object (interior pointers included) marks it, and an object
 * that may hold pointers is pushed to be scanned later. So marking a
 * 10^7-element list uses constant C stack. */
#ifndef ASAP_RUNTIME_MARKER_H
#define ASAP_RUNTIME_MARKER_H

#include "Heap.h"

/* Scans every aligned word in [lo, hi) as a possible pointer. */
void asap_mark_range(const void *lo, const void *hi);

/* Scans pushed objects until the mark stack is empty. */
void asap_mark_drain(void);

/* Releases the mark stack's memory after a collection when it grew big. */
void asap_mark_trim(void);

#endif
