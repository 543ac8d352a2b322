// Soundness example: a pointer turned into an integer (a tagged handle) and
// back. Once the address is an integer its uses cannot be tracked, so the
// object must be left alone.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  uintptr_t handles[4];
  for (int i = 0; i < 4; ++i) {
    int *cell = malloc(sizeof(int) * 4);
    if (!cell)
      return 1;
    for (int k = 0; k < 4; ++k)
      cell[k] = i * 10 + k;
    handles[i] = (uintptr_t)cell | 1u; // tag bit: a "live handle"
  }
  long sum = 0;
  for (int i = 0; i < 4; ++i) {
    int *cell = (int *)(handles[i] & ~(uintptr_t)1);
    for (int k = 0; k < 4; ++k)
      sum += cell[k];
  }
  printf("sum %ld\n", sum);
  return 0;
}
