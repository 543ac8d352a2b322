// Fixed twin of free-global-bug.c: the global default is never freed.
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
  if (name != DefaultName)
    free(name);
  return n;
}

int main(void) {
  size_t n = greet("world") + greet(NULL);
  printf("%zu\n", n);
  return 0;
}
