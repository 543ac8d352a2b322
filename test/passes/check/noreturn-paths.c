// A path that ends the process (exit(), abort(), a failed assert(), a call
// to the program's own exiting wrapper) loses nothing: no leak is reported
// there. The same object returned early without a release stays a leak,
// and a double free before exit() is still reported.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <assert.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int exit_path(int argc) {
  char *buf = malloc(64);
  if (!buf)
    exit(2);
  if (argc > 3) {
    fprintf(stderr, "too many arguments\n");
    exit(1);
  }
  buf[0] = (char)argc;
  int r = buf[0];
  free(buf);
  return r;
}

int assert_path(int argc) {
  int *v = malloc(sizeof(int) * 4);
  if (!v)
    return 1;
  assert(argc < 100);
  v[0] = argc;
  int r = v[0];
  free(v);
  return r;
}

int abort_path(int argc) {
  int *v = malloc(sizeof(int) * 4);
  if (!v)
    return 1;
  if (argc > 7)
    abort();
  v[0] = argc;
  int r = v[0];
  free(v);
  return r;
}

static __attribute__((noreturn)) void die(const char *msg) {
  fprintf(stderr, "%s\n", msg);
  exit(1);
}

int wrapper_path(int argc) {
  char *buf = malloc(64);
  if (!buf)
    return 2;
  if (argc > 3)
    die("too many arguments");
  buf[0] = (char)argc;
  int r = buf[0];
  free(buf);
  return r;
}

jmp_buf env;
int longjmp_path(int argc) {
  char *buf = malloc(64);
  if (!buf)
    return 2;
  if (argc > 3)
    longjmp(env, 1);
  buf[0] = (char)argc;
  int r = buf[0];
  free(buf);
  return r;
}

// The true positive next to an exit(): the early return leaks.
int early_return(int argc, char **argv) {
  char **cmds = malloc(sizeof(char *));
  if (!cmds)
    exit(1);
  cmds[0] = argv[0];
  if (argc > 1 && strcmp(argv[1], "-version") == 0)
    return 0;
  int r = argc;
  free(cmds);
  return r;
}
// CHECK: noreturn-paths.c:[[@LINE-5]]:{{[0-9]+}}: warning: memory allocated for 'cmds' is never released on the path through line [[@LINE-6]]

// Double free on a path that then exits: still reported.
void double_free_then_exit(int argc) {
  char *p = malloc(8);
  free(p);
  if (argc > 2) {
    free(p);
    exit(1);
  }
}
// CHECK: noreturn-paths.c:[[@LINE-4]]:{{[0-9]+}}: warning: memory allocated for 'p' is freed twice
