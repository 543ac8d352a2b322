/* Baseline round trip, version 2: the accepted leak in main moved down by
 * some lines (the baseline must still match it), and a new leak appeared
 * in greet (the baseline must not hide it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void greet(const char *who) {
  char *msg = malloc(64);
  strcpy(msg, "hello, ");
  strcat(msg, who);
  puts(msg);
}

int main(void) {
  char *buf = malloc(32);
  strcpy(buf, "v2");
  puts(buf);
  greet(buf);
  return 0;
}
