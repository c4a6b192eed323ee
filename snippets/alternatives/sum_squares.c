/* Two tiny functions for Python to call through ctypes. */
#include <stdint.h>

int64_t sum_squares(int64_t n) {
    int64_t total = 0;
    for (int64_t i = 0; i < n; ++i)
        total += i * i % 7;
    return total;
}

int64_t add(int64_t a, int64_t b) { return a + b; }
