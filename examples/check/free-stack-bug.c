// Planted bug (asap-non-heap-free): a small-buffer optimisation keeps short
// strings in a stack array, but the cleanup frees unconditionally, which
// passes the stack array to free() for short inputs.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t show_reversed(const char *Text) {
  char local[16];
  size_t len = strlen(Text);
  char *buf = local;
  if (len >= sizeof(local)) {
    buf = malloc(len + 1);
    if (!buf)
      return 0;
  }
  for (size_t i = 0; i < len; ++i)
    buf[i] = Text[len - 1 - i];
  buf[len] = '\0';
  puts(buf);
  free(buf); // asap-expect: asap-non-heap-free
  return len;
}

int main(void) {
  size_t n = show_reversed("short") + show_reversed("a much longer string");
  printf("%zu\n", n);
  return 0;
}
