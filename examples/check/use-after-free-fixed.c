// Fixed twin of use-after-free-bug.c: the buffer is released after the last
// line that reads it.
#include <stdio.h>
#include <stdlib.h>

static void report(int Code) {
  char *msg = malloc(48);
  if (!msg)
    return;
  snprintf(msg, 48, "request finished with code %d", Code);
  puts(msg);
  if (Code != 0)
    printf("error: %s\n", msg);
  free(msg);
}

int main(void) {
  report(0);
  report(404);
  return 0;
}
