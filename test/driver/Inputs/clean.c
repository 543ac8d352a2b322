/* The fixed twin of leak.c: every allocation is freed exactly once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *buf = malloc(32);
  strcpy(buf, "hello");
  puts(buf);
  free(buf);
  return 0;
}
