/* Baseline round trip, version 1: one accepted leak in main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *buf = malloc(32);
  strcpy(buf, "v1");
  puts(buf);
  return 0;
}
