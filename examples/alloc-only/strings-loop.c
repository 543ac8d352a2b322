// Allocation-only example: strings built and printed in a loop.
//
// Every iteration formats a line into a fresh heap buffer with snprintf and
// prints it; the buffer dies at the end of the iteration. asapc build must
// release each one in its own iteration (one allocation per iteration, no
// growth across iterations).
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned long long a = 0, b = 1;
  for (int i = 0; i < 60; ++i) {
    char *line = malloc(96);
    if (!line)
      return 1;
    snprintf(line, 96, "fib(%2d) = %20llu  parity=%s", i, a,
             (a & 1) ? "odd" : "even");
    puts(line);
    unsigned long long next = a + b;
    a = b;
    b = next;
  }
  return 0;
}
