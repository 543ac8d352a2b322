// Soundness example: the pointer value itself (not the bytes it points to)
// is copied with memcpy into another heap object, a common way to store
// pointers in untyped containers. The buffers are read back through the
// container after their last direct use.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  enum { Slots = 4 };
  unsigned char *container = malloc(Slots * sizeof(char *));
  if (!container)
    return 1;
  for (int i = 0; i < Slots; ++i) {
    char *item = malloc(16);
    if (!item)
      return 1;
    snprintf(item, 16, "item-%d", i * 3);
    memcpy(container + i * sizeof(char *), &item, sizeof item);
  }
  for (int i = Slots - 1; i >= 0; --i) {
    char *item;
    memcpy(&item, container + i * sizeof(char *), sizeof item);
    puts(item);
  }
  return 0;
}
