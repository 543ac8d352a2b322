// Fixed twin of leak-overwrite-bug.c: the first buffer is released before the
// pointer is reused.
#include <stdio.h>
#include <stdlib.h>

static void greet_twice(const char *Name) {
  char *msg = malloc(64);
  if (!msg)
    return;
  snprintf(msg, 64, "hello, %s", Name);
  puts(msg);
  free(msg);
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
