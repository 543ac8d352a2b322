// Fixed twin of free-stack-bug.c: only the heap buffer is freed.
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
  if (buf != local)
    free(buf);
  return len;
}

int main(void) {
  size_t n = show_reversed("short") + show_reversed("a much longer string");
  printf("%zu\n", n);
  return 0;
}
