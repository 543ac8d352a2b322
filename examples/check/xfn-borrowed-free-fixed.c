// Fixed twin of xfn-borrowed-free-bug.c: log_message() only borrows the
// message; handle() releases it after its own last use.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_message(const char *msg) { fprintf(stderr, "log: %s\n", msg); }

static int handle(const char *request) {
  char *msg = strdup(request);
  if (!msg)
    return -1;
  log_message(msg);
  int n = printf("handled %s\n", msg);
  free(msg);
  return n;
}

int main(void) {
  handle("GET /");
  return 0;
}
