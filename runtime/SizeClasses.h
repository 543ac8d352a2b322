/* SizeClasses.h - the small-object size classes: 32 classes from 16 bytes
 * to 8 KiB, four per power of two so internal waste stays under 25%, and
 * every power of two present so aligned allocation can pick a class whose
 * cells are naturally aligned inside a block. */
#ifndef ASAP_RUNTIME_SIZECLASSES_H
#define ASAP_RUNTIME_SIZECLASSES_H

#include <stddef.h>
#include <stdint.h>

#define ASAP_NUM_SIZE_CLASSES 32
#define ASAP_MAX_SMALL_SIZE 8192

extern const uint32_t asap_class_size[ASAP_NUM_SIZE_CLASSES];
/* Class index for each request size in granules, 0..512. */
extern const uint8_t asap_class_of_granules[ASAP_MAX_SMALL_SIZE / 16 + 1];

/* The class for a request of `size` <= ASAP_MAX_SMALL_SIZE bytes. */
static inline unsigned asap_size_class(size_t size) {
  return asap_class_of_granules[(size + 15) >> 4];
}

/* The smallest class holding `size` bytes whose cell size is a multiple
 * of `alignment` (a power of two), or -1 when there is none. */
int asap_aligned_size_class(size_t size, size_t alignment);

#endif
