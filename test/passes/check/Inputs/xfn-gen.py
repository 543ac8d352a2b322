#!/usr/bin/env python3
"""Writes a C program of N helper families (make_i returns a fresh object
owning a name, drop_i releases it, use_i reads it) and N callers that use
two of them each. Planted: every caller with i % 10 == 0 releases its
second object only when k != 0 (one leak each), every caller with
i % 25 == 0 releases its first object twice, through two helpers (one
double free each). Everything else is released exactly once, through a
helper chosen by a branch. usage: xfn-gen.py N > prog.c
"""
import sys

n = int(sys.argv[1])
out = ["#include <stdlib.h>", "struct obj { char *name; int v; };"]
for i in range(n):
    out.append(f"struct obj *make_{i}(int v); void drop_{i}(struct obj *o);"
               f" int use_{i}(struct obj *o);")
for i in range(n):
    j, k7 = (i + 1) % n, (i * 7) % n
    second = f"if (k) drop_{j}(b);" if i % 10 == 0 else f"drop_{j}(b);"
    again = f"drop_{i}(a);" if i % 25 == 0 else ""
    out.append(f"""struct obj *make_{i}(int v) {{
  struct obj *o = malloc(sizeof *o);
  if (o) {{ o->name = malloc(8); o->v = v; }}
  return o;
}}
void drop_{i}(struct obj *o) {{ if (!o) return; free(o->name); free(o); }}
int use_{i}(struct obj *o) {{ return o->v + {i}; }}
int caller_{i}(int k) {{
  struct obj *a = make_{i}(k);
  struct obj *b = make_{j}(k);
  if (!a || !b) {{ drop_{i}(a); drop_{j}(b); return -1; }}
  int r = use_{i}(a) + use_{j}(b);
  if (k > {i}) drop_{i}(a); else drop_{k7}(a);
  {second}
  {again}
  return r;
}}""")
out.append("int main(void) {\n  int s = 0;")
out += [f"  s += caller_{i}({i});" for i in range(n)]
out.append("  return s == 0;\n}")
print("\n".join(out))
