// Operating-system calls Swift's Glibc module does not expose (GNU extensions): the only C
// outside the ICU bridge. See SpareCoreThread.swift for why a thread is placed by hand.
#define _GNU_SOURCE
#include "mt_platform.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct mt_start {
    void (*body)(void *);
    void *context;
    cpu_set_t allowed;
};

static void *mt_thread_main(void *raw) {
    struct mt_start start = *(struct mt_start *)raw;
    free(raw);
    // Placed; from now on the scheduler may move the thread anywhere the process may run.
    sched_setaffinity(0, sizeof(cpu_set_t), &start.allowed);
    start.body(start.context);
    return NULL;
}

int mt_start_thread_on_spare_core(void (*body)(void *context), void *context) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    int current = sched_getcpu();
    if (current < 0 || current >= CPU_SETSIZE) return -1;
    cpu_set_t others = allowed;
    CPU_CLR(current, &others);
    if (CPU_COUNT(&others) == 0) return -1;
    struct mt_start *start = malloc(sizeof *start);
    if (start == NULL) return -1;
    start->body = body;
    start->context = context;
    start->allowed = allowed;
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) { free(start); return -1; }
    pthread_t thread;
    int failed = pthread_attr_setaffinity_np(&attributes, sizeof others, &others)
        || pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED)
        || pthread_create(&thread, &attributes, mt_thread_main, start);
    pthread_attr_destroy(&attributes);
    if (failed) { free(start); return -1; }
    return 0;
}

int mt_allowed_core_count(void) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    return CPU_COUNT(&allowed);
}
#else
int mt_allowed_core_count(void) { return -1; }

int mt_start_thread_on_spare_core(void (*body)(void *context), void *context) {
    (void)body; (void)context;
    return -1;
}
#endif
