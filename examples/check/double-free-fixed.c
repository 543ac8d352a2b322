// Fixed twin of double-free-bug.c: each path frees the copy exactly once.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int shout(const char *Word) {
  char *copy = strdup(Word);
  if (!copy)
    return -1;
  int n = (int)strlen(copy);
  if (n > 8)
    puts("too long");
  else
    printf("%s!\n", copy);
  free(copy);
  return n;
}

int main(void) {
  printf("%d\n", shout("hello") + shout("extraordinarily"));
  return 0;
}
