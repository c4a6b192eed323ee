// Two OS threads passing a ball: the switch cost without any interpreter.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include "../c_metric.h"

enum { ROUNDS = 5000 };
static sem_t ping, pong;

static void *player(void *unused) {
    (void)unused;
    for (int i = 0; i < ROUNDS; ++i) {
        sem_wait(&ping);
        sem_post(&pong);
    }
    return NULL;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
    // region main
    sem_init(&ping, 0, 0);
    sem_init(&pong, 0, 0);
    pthread_t other;
    pthread_create(&other, NULL, player, NULL);
    double start = now();
    for (int i = 0; i < ROUNDS; ++i) {
        sem_post(&ping);
        sem_wait(&pong);
    }
    double elapsed = now() - start;
    pthread_join(other, NULL);
    printf("%.1f µs per switch between C threads\n", elapsed / (2 * ROUNDS) * 1e6);
    // endregion
    struct c_metric per_switch = {"ns_per_switch", elapsed / (2 * ROUNDS) * 1e9, "ns"};
    c_metrics_write(&per_switch, 1);
    return 0;
}
