// Soundness example: an object stored into a global outlives the function
// that allocated it. asap must not free it at the allocating function's last
// use: log_line() reads it later through the global.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *LastMessage;

static void remember(int Code) {
  char *msg = malloc(40);
  if (!msg)
    return;
  snprintf(msg, 40, "last code was %d", Code);
  LastMessage = msg; // escapes: the global now owns it
}

static void log_line(void) { puts(LastMessage ? LastMessage : "(none)"); }

int main(void) {
  for (int i = 0; i < 3; ++i) {
    remember(i * 11);
    log_line();
  }
  printf("%zu\n", strlen(LastMessage));
  return 0;
}
