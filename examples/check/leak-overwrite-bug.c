// Planted bug (asap-leak): the buffer pointer is reassigned to a fresh
// allocation for the second message while still holding the first one, so
// the first buffer is lost; the leak is reported at its last use.
#include <stdio.h>
#include <stdlib.h>

static void greet_twice(const char *Name) {
  char *msg = malloc(64);
  if (!msg)
    return;
  snprintf(msg, 64, "hello, %s", Name);
  puts(msg); // asap-expect: asap-leak
  msg = malloc(64);
  if (!msg)
    return;
  snprintf(msg, 64, "goodbye, %s", Name);
  puts(msg);
  free(msg);
}

int main(void) {
  greet_twice("world");
  return 0;
}
