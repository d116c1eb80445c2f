// Operating-system calls Swift's Glibc module does not expose (GNU extensions): the only C
// outside the ICU bridge. See SpareCoreThread.swift for why a thread is placed by hand.
#define _GNU_SOURCE
#include "mt_platform.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <unistd.h>

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

/// Reads up to two integers from the start of the file at `path` (the second only when
/// `second` is not NULL); `max` in place of the first reads as -1. Returns how many were read.
static int mt_read_numbers(const char *path, long long *first, long long *second) {
    FILE *file = fopen(path, "re");
    if (file == NULL) return 0;
    char text[64] = {0};
    size_t length = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[length] = 0;
    if (text[0] == 'm' && text[1] == 'a' && text[2] == 'x') {
        *first = -1;
        return second != NULL && sscanf(text + 3, "%lld", second) == 1 ? 2 : 1;
    }
    return second != NULL ? sscanf(text, "%lld %lld", first, second) : sscanf(text, "%lld", first);
}

/// The cores the control group's CPU quota gives (rounded up), or 0 when there is no quota.
static int mt_quota_cores(void) {
    long long quota = -1, period = 0;
    if (mt_read_numbers("/sys/fs/cgroup/cpu.max", &quota, &period) != 2) {
        quota = -1; period = 0;
        if (mt_read_numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", &quota, NULL) != 1
            || mt_read_numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us", &period, NULL) != 1) return 0;
    }
    if (quota <= 0 || period <= 0) return 0;
    return (int)((quota + period - 1) / period);
}

int mt_usable_core_count(void) {
    int allowed = mt_allowed_core_count();
    if (allowed < 1) return allowed;
    int quota = mt_quota_cores();
    return quota > 0 && quota < allowed ? quota : allowed;
}
#else
int mt_allowed_core_count(void) { return -1; }

int mt_usable_core_count(void) { return -1; }

int mt_start_thread_on_spare_core(void (*body)(void *context), void *context) {
    (void)body; (void)context;
    return -1;
}

#endif
