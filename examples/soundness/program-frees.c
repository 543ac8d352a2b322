// Soundness example: the program frees some objects itself, on some paths.
// asap must not add a second free to any of them, and must leave the
// objects the program frees on only one path alone.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  long total = 0;
  for (int i = 0; i < 6; ++i) {
    int *values = malloc(sizeof(int) * 8);
    if (!values)
      return 1;
    for (int k = 0; k < 8; ++k)
      values[k] = i * k;
    long s = 0;
    for (int k = 0; k < 8; ++k)
      s += values[k];
    total += s;
    if (i % 2 == 0)
      free(values); // freed on even iterations only
    printf("iteration %d: %ld\n", i, s);
  }
  char *done = malloc(8);
  if (!done)
    return 1;
  snprintf(done, 8, "done");
  puts(done);
  free(done);
  printf("total %ld\n", total);
  return 0;
}
