/* Stats.h - the counters behind ASAP_STATS=1 (and asap_get_stats): what
 * was allocated by whom, what the compiler released or reused, what the
 * collector did. Plain globals bumped on the allocation paths. */
#ifndef ASAP_RUNTIME_STATS_H
#define ASAP_RUNTIME_STATS_H

#include "asap/runtime.h"

extern struct asap_runtime_stats asap_stats;

/* Samples the live bytes for the peak: called when a size class takes a
 * new block, when a large object is allocated and before a collection,
 * which bounds the error by one block rather than paying a compare on
 * every allocation. */
void asap_note_peak_live(void);

/* Writes the report to file descriptor fd without allocating. */
void asap_write_stats(int fd);

#endif
