// Threads: allowed while no collector-owned object exists (the heap then
// takes a lock), refused with one clear line once one does.
// RUN: %clang -O1 -I%srcroot/runtime/include %s %rtlib/libasaprt.a -o %t
// RUN: %t | FileCheck --check-prefix=OK %s
// RUN: %t fork | FileCheck --check-prefix=FORK %s
// RUN: not --crash %t gc 2>&1 | FileCheck --check-prefix=REFUSED %s
// RUN: not --crash %t gc-after 2>&1 | FileCheck --check-prefix=AFTER %s
// OK: threads done 4000000
// FORK: child allocated while threads churned: ok
// FORK: threads done 4000000
// AFTER: threads done 4000000
// AFTER-NEXT: asap: GC_malloc: the program started a second thread; libasaprt's collector is single-threaded (see docs/runtime.md, Threads)
// REFUSED: asap: pthread_create: the program starts a second thread while collector-owned (GC_malloc) objects exist; libasaprt's collector is single-threaded (see docs/runtime.md, Threads)
#include <gc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *churn(void *arg) {
  long total = 0;
  for (int i = 0; i < 1000000; i++) {
    char *p = malloc(16 + i % 200);
    p[0] = 1;
    total += p[0];
    free(p);
  }
  return (void *)total;
}

static void *volatile keep;

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "gc"))
    keep = GC_MALLOC(32);
  pthread_t threads[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&threads[i], NULL, churn, NULL);
  if (argc > 1 && !strcmp(argv[1], "fork")) {
    // Fork while the other threads hammer the heap: the child must find
    // the heap lock free.
    for (int i = 0; i < 20; i++) {
      pid_t pid = fork();
      if (pid == 0) {
        char *p = malloc(100);
        free(p);
        _exit(0);
      }
      int status;
      waitpid(pid, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 1;
    }
    printf("child allocated while threads churned: ok\n");
    fflush(stdout);
  }
  long total = 0;
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(threads[i], &r);
    total += (long)r;
  }
  printf("threads done %ld\n", total);
  fflush(stdout);
  if (argc > 1 && !strcmp(argv[1], "gc-after"))
    keep = GC_MALLOC(32);
  return 0;
}
