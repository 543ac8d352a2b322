// Soundness example: a pointer handed to a function that keeps it (stores it
// in a static table) escapes. The registry is read after the allocating
// loop's last direct use of each buffer.
#include <stdio.h>
#include <stdlib.h>

static const char *Registry[8];
static int Registered;

// Not static and marked noinline so the capture is a real call.
__attribute__((noinline)) void register_name(const char *Name) {
  if (Registered < 8)
    Registry[Registered++] = Name;
}

int main(void) {
  for (int i = 0; i < 5; ++i) {
    char *name = malloc(16);
    if (!name)
      return 1;
    snprintf(name, 16, "worker-%d", i);
    register_name(name);
  }
  for (int i = 0; i < Registered; ++i)
    puts(Registry[i]);
  return 0;
}
