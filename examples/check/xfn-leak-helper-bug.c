// Planted bug (asap-leak, across functions): format_greeting() returns a
// fresh string the caller owns; greet() prints it and forgets it. Checking
// greet() alone, the string is just a pointer a call returned; with the
// helper's summary (returns a fresh owned object) its call is an allocation
// site, and the leak is reported at the last use, with a note at the call
// naming the helper's malloc.
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
  return puts(text); // asap-expect: asap-leak
}

int main(void) {
  greet("world");
  greet("asap");
  return 0;
}
