#include <stdio.h>

int main(void) {
  // volatile, so that the compiler does the loop instead of the arithmetic.
  volatile long long total = 0;
  for (long long i = 0; i < 1000000; ++i) total += i;
  printf("sum = %lld\n", total);
  return 0;
}
