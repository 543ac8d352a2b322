/* Used through compile_commands.json: the leak exists only when the
 * database's own -DPLANT_LEAK reaches the compiler, and the helper header
 * only resolves with the database's -I. */
#include "db-helper.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *cells = malloc(HELPER_CELLS);
  strcpy(cells, "db");
  puts(cells);
#ifndef PLANT_LEAK
  free(cells);
#endif
  return 0;
}
