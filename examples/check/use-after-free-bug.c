// Planted bug (asap-use-after-free): the message buffer is released before
// the log line that still reads it.
#include <stdio.h>
#include <stdlib.h>

static void report(int Code) {
  char *msg = malloc(48);
  if (!msg)
    return;
  snprintf(msg, 48, "request finished with code %d", Code);
  puts(msg);
  free(msg);
  if (Code != 0)
    printf("error: %s\n", msg); // asap-expect: asap-use-after-free
}

int main(void) {
  report(0);
  report(404);
  return 0;
}
