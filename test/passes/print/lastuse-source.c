// print<asap-lastuse> on compiled C: source variable names and lines, the
// aliases that extend an object's life, and drop points after the last use
// (inside the loop for per-iteration objects).
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  int sum = 0;
  for (int k = 0; k < 4; k++) {
    int *row = malloc(8 * sizeof(int));
    for (int i = 0; i < 8; i++)
      row[i] = i + k;
    sum += row[7];
  }
  char *name = strdup("asap");
  char *dot = strchr(name, 'a');
  printf("%d %s\n", sum, dot);
  return 0;
}

// CHECK:      object %{{.*}} in main: owned var=row line 13
// CHECK-NEXT:   aliases:
// CHECK-NEXT:   drop after %{{.*}} line 16
// CHECK-NEXT: object %{{.*}} in main: owned var=name line 18
// CHECK-NEXT:   aliases: %{{.*}}
// CHECK-NEXT:   drop after %{{.*}} line 20
