// -asap-sarif=FILE (opt without a driver) writes the findings as a SARIF
// 2.1.0 log next to the text on stderr: valid JSON, one result per finding
// with its rule id, location and the leak's fix.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm -w %s -o %t.ll
// RUN: rm -f %t.sarif
// RUN: %opt -passes='asap-prepare,asap-check' -asap-sarif=%t.sarif -disable-output %t.ll 2> %t.diag
// RUN: FileCheck %s --check-prefix=TEXT < %t.diag
// RUN: python3 -c "import json,sys; log=json.load(open(sys.argv[1])); print(log['version'], *sorted(r['ruleId'] for r in log['runs'][0]['results']))" %t.sarif \
// RUN:   | FileCheck %s --check-prefix=RULES
// RUN: FileCheck %s --check-prefix=SARIF < %t.sarif
// An unwritable SARIF path is one clear error line and exit status 2.
// RUN: %opt -passes='asap-prepare,asap-check' -asap-sarif=%t.missing/dir/out.sarif -disable-output %t.ll 2> %t.err || echo "exit=$?" >> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
#include <stdio.h>
#include <stdlib.h>

void leak(int n) {
  char *buf = malloc(n + 1);
  snprintf(buf, n + 1, "%d", n);
  puts(buf);
}

void stack_free(void) {
  char local[8] = "abc";
  puts(local);
  free(local);
}

// TEXT: sarif.c:20:3: warning: memory allocated for 'buf' is never released on the path through line 20 [asap-leak]
// TEXT: sarif.c:26:3: warning: 'free' called on stack memory 'local'; only heap memory can be released [asap-non-heap-free]
// RULES: 2.1.0 asap-leak asap-non-heap-free
// Keys are written in sorted order: the fix, then the location, then the rule.
// SARIF: "insertedContent"
// SARIF-NEXT: "text": "free(buf);\n"
// SARIF: "startLine": 20
// SARIF: "ruleId": "asap-leak"
// ERR: asap-check: error: cannot write SARIF file '{{.*}}out.sarif': {{.+}}
// ERR-NEXT: exit=2
