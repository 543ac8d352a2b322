// Fixed twin of leak-early-return-bug.c: the error path releases the buffer
// before returning.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_upper(const char *Word) {
  size_t len = strlen(Word);
  char *copy = malloc(len + 1);
  if (!copy)
    return -1;
  for (size_t i = 0; i <= len; ++i) {
    char c = Word[i];
    copy[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
  }
  if (copy[0] == '\0') {
    free(copy);
    return -1;
  }
  puts(copy);
  free(copy);
  return (int)len;
}

int main(void) {
  int total = print_upper("leak") + print_upper("") + print_upper("check");
  printf("%d\n", total);
  return 0;
}
