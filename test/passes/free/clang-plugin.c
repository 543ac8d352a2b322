// The plugin inside clang's own pipeline: -fpass-plugin runs asap-free at
// the end of the optimizer when -mllvm -asap-mode=free is given (clang parses
// -mllvm before loading pass plugins, hence -Xclang -load as well). Without
// -asap-mode the plugin changes nothing.
// RUN: %clang -O1 -S -emit-llvm -fpass-plugin=%plugin -Xclang -load -Xclang %plugin -mllvm -asap-mode=free %s -o - | FileCheck %s
// RUN: %clang -O1 -S -emit-llvm -fpass-plugin=%plugin %s -o - | FileCheck %s --check-prefix=OFF
// RUN: %clang -O1 -S -emit-llvm -fpass-plugin=%plugin -Xclang -load -Xclang %plugin -mllvm -asap-mode=free -mllvm -asap-runtime %s -o - | FileCheck %s --check-prefix=RT
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  char *buf = malloc(64);
  snprintf(buf, 64, "%d arguments", argc);
  puts(buf);
  return 0;
}

// CHECK: call {{.*}}@puts(ptr {{.*}}%[[BUF:[a-z0-9]+]])
// CHECK-NEXT: call void @free(ptr {{.*}}%[[BUF]])
// OFF-NOT: @free
// RT: call void @__asap_release(
