// Planted bug (asap-use-after-free, across functions): log_message() frees
// the message it was lent, and its caller still prints it afterwards. The
// report is at the caller's use, with the call and the free inside
// log_message() as the path.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_message(char *msg) {
  fprintf(stderr, "log: %s\n", msg);
  free(msg);
}

static int handle(const char *request) {
  char *msg = strdup(request);
  if (!msg)
    return -1;
  log_message(msg);
  int n = printf("handled %s\n", msg); // asap-expect: asap-use-after-free
  return n;
}

int main(void) {
  handle("GET /");
  return 0;
}
