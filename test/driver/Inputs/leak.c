/* A planted leak: buf is allocated, used, and never freed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *buf = malloc(32);
  strcpy(buf, "hello");
  puts(buf);
  return 0;
}
