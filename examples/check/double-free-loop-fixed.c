// Fixed twin of double-free-loop-bug.c: the buffer is freed once, after the
// retry loop.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int try_send(size_t Bytes, int Attempt) {
  printf("attempt %d: %zu bytes\n", Attempt, Bytes);
  return Attempt >= 1;
}

int main(void) {
  char *msg = malloc(32);
  if (!msg)
    return 1;
  snprintf(msg, 32, "payload %d", 7);
  size_t bytes = strlen(msg);
  int attempt = 0, sent = 0;
  do {
    sent = try_send(bytes, attempt);
  } while (!sent && ++attempt < 3);
  free(msg);
  printf("sent=%d\n", sent);
  return 0;
}
