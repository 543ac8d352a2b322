// Soundness example: owned pointers stored in a local array that is indexed
// with a variable (so the slot cannot be promoted to SSA values) and read
// back after the allocating loop.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  (void)argv;
  char *slots[6];
  int n = 4 + (argc > 5); // not a compile-time constant
  for (int i = 0; i < n; ++i) {
    slots[i] = malloc(12);
    if (!slots[i])
      return 1;
    snprintf(slots[i], 12, "slot %d", i);
  }
  for (int i = n - 1; i >= 0; --i)
    puts(slots[i]);
  return 0;
}
