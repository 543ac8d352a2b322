/* A Boehm-API program: <gc.h> comes from asap's runtime/include, which
 * asapc puts on the include path; GC_MALLOC objects go to libasaprt. */
#include <gc.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  GC_INIT();
  size_t total = 0;
  for (int i = 0; i < 100; ++i) {
    char *s = GC_MALLOC(32);
    strcpy(s, "gc");
    total += strlen(s);
  }
  printf("total %zu\n", total);
  return 0;
}
