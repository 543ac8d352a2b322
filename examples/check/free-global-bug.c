// Planted bug (asap-non-heap-free): when no name is given the function falls
// back to a global default, and then frees it along with the heap copies.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char DefaultName[] = "anonymous";

static size_t greet(const char *Name) {
  char *name = Name ? strdup(Name) : DefaultName;
  if (!name)
    return 0;
  printf("hello, %s\n", name);
  size_t n = strlen(name);
  free(name); // asap-expect: asap-non-heap-free
  return n;
}

int main(void) {
  size_t n = greet("world") + greet(NULL);
  printf("%zu\n", n);
  return 0;
}
