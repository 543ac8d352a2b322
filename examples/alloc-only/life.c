// Allocation-only example: Conway's game of life on a small torus.
//
// Each generation is computed into a freshly calloc'd grid; the old grid dies
// when the loop variable moves on to the new one (a move through a phi).
// The census buffer is a per-generation scratch string.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 24
#define H 12

static int neighbours(const unsigned char *G, int R, int C) {
  int n = 0;
  for (int dr = -1; dr <= 1; ++dr)
    for (int dc = -1; dc <= 1; ++dc)
      if (dr || dc)
        n += G[((R + dr + H) % H) * W + (C + dc + W) % W];
  return n;
}

static void print_grid(const unsigned char *G) {
  for (int r = 0; r < H; ++r) {
    for (int c = 0; c < W; ++c)
      putchar(G[r * W + c] ? '#' : '.');
    putchar('\n');
  }
}

int main(void) {
  unsigned char *grid = calloc(W * H, 1);
  if (!grid)
    return 1;
  // A glider, a blinker and an R-pentomino.
  static const int Cells[][2] = {{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2},
                                 {5, 15}, {5, 16}, {5, 17},
                                 {8, 8},  {8, 9},  {9, 7}, {9, 8}, {10, 8}};
  for (size_t i = 0; i < sizeof(Cells) / sizeof(Cells[0]); ++i)
    grid[Cells[i][0] * W + Cells[i][1]] = 1;

  for (int gen = 0; gen < 30; ++gen) {
    unsigned char *next = calloc(W * H, 1);
    if (!next)
      return 1;
    int alive = 0;
    for (int r = 0; r < H; ++r)
      for (int c = 0; c < W; ++c) {
        int n = neighbours(grid, r, c);
        next[r * W + c] = n == 3 || (n == 2 && grid[r * W + c]);
        alive += next[r * W + c];
      }
    char *census = malloc(64);
    if (!census)
      return 1;
    snprintf(census, 64, "generation %2d: %3d alive", gen + 1, alive);
    puts(census);
    grid = next;
  }
  print_grid(grid);
  return 0;
}
