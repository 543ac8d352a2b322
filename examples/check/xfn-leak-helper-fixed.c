// Fixed twin of xfn-leak-helper-bug.c: greet() releases the string
// format_greeting() returned once it has printed it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *format_greeting(const char *name) {
  size_t len = strlen(name) + sizeof("Hello, !");
  char *text = malloc(len);
  if (text)
    snprintf(text, len, "Hello, %s!", name);
  return text;
}

static int greet(const char *name) {
  char *text = format_greeting(name);
  if (!text)
    return -1;
  int written = puts(text);
  free(text);
  return written;
}

int main(void) {
  greet("world");
  greet("asap");
  return 0;
}
