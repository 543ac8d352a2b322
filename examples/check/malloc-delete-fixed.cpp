// Fixed twin of malloc-delete-bug.cpp: malloc() is paired with free().
#include <cstdio>
#include <cstdlib>

static long checksum(int N) {
  int *values = static_cast<int *>(std::malloc(sizeof(int) * N));
  if (!values)
    return -1;
  for (int i = 0; i < N; ++i)
    values[i] = i * 31 % 17;
  long sum = 0;
  for (int i = 0; i < N; ++i)
    sum += values[i];
  std::free(values);
  return sum;
}

int main() {
  std::printf("%ld\n", checksum(50));
  return 0;
}
