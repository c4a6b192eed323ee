// The same CPU-bound work in C: one thread, then two threads at once.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "../c_metric.h"

// Seven alternations, the best of each kept: a run whose two threads were held up by the
// host (the speed-up wandered from 1.3x to 1.9x between runs with three) still has a
// clean pair among seven.
enum { WORK = 20000000, ROUNDS = 7 };

static void *crunch(void *result) {
    volatile uint64_t total = 0;          // volatile: keep the loop honest
    for (uint64_t i = 0; i < WORK / 2; ++i)
        total += i * i % 7;
    *(uint64_t *)result = total;
    return NULL;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double min(double a, double b) { return a < b ? a : b; }

int main(void) {
    double best_one = 1e9, best_two = 1e9;
    for (int round = 0; round < ROUNDS; ++round) {  // alternate; keep the best of each
        // region main
        uint64_t a, b;
        double start = now();
        crunch(&a);
        crunch(&b);                           // two halves, one after the other
        double one_thread = now() - start;

        pthread_t t1, t2;
        start = now();
        pthread_create(&t1, NULL, crunch, &a);
        pthread_create(&t2, NULL, crunch, &b);  // two halves at the same time
        pthread_join(t1, NULL);
        pthread_join(t2, NULL);
        double two_threads = now() - start;
        // endregion
        best_one = min(best_one, one_thread);
        best_two = min(best_two, two_threads);
    }
    printf("1 thread: %.0f ms, 2 threads: %.0f ms (%.2fx, best of %d)\n",
           best_one * 1e3, best_two * 1e3, best_one / best_two, ROUNDS);
    struct c_metric speedup = {"speedup", best_one / best_two, "x"};
    c_metrics_write(&speedup, 1);
    return 0;
}
