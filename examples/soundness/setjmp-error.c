// Soundness example: error handling with setjmp/longjmp. A buffer allocated
// before setjmp is still used after longjmp returns to it; functions that
// call setjmp are left alone entirely.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf Env;

static int parse_digit(char C) {
  if (C < '0' || C > '9')
    longjmp(Env, C);
  return C - '0';
}

static void parse(const char *Text) {
  char *buf = malloc(32);
  if (!buf)
    return;
  snprintf(buf, 32, "%s", Text);
  int bad = setjmp(Env);
  if (bad) {
    printf("'%s': bad character '%c'\n", buf, bad);
    return;
  }
  int sum = 0;
  for (char *c = buf; *c; ++c)
    sum += parse_digit(*c);
  printf("'%s': digit sum %d\n", buf, sum);
}

int main(void) {
  parse("12345");
  parse("12a45");
  parse("999");
  return 0;
}
