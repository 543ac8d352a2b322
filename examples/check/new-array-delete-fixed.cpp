// Fixed twin of new-array-delete-bug.cpp: `new[]` is paired with `delete[]`.
#include <cstdio>

static double average(int N) {
  double *samples = new double[N];
  for (int i = 0; i < N; ++i)
    samples[i] = (i % 7) * 0.5;
  double sum = 0;
  for (int i = 0; i < N; ++i)
    sum += samples[i];
  delete[] samples;
  return N ? sum / N : 0;
}

int main() {
  std::printf("%.3f\n", average(40));
  return 0;
}
