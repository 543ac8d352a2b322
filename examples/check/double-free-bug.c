// Planted bug (asap-double-free): the "too long" branch frees the copy but
// forgets to return, so the common cleanup frees it a second time.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int shout(const char *Word) {
  char *copy = strdup(Word);
  if (!copy)
    return -1;
  int n = (int)strlen(copy);
  if (n > 8) {
    puts("too long");
    free(copy);
  } else {
    printf("%s!\n", copy);
  }
  free(copy); // asap-expect: asap-double-free
  return n;
}

int main(void) {
  printf("%d\n", shout("hello") + shout("extraordinarily"));
  return 0;
}
