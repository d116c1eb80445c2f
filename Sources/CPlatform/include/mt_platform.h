#ifndef MT_PLATFORM_H
#define MT_PLATFORM_H

/// Starts a detached thread running `body(context)` on a core other than the caller's, when the
/// process may use another one: the thread is created allowed only on the other cores, and its
/// first act is to allow again every core the process may use. Returns 0 on success; nonzero
/// when there is no other core or a call failed (then no thread was started and `body` is not
/// called). Linux only; elsewhere it always returns nonzero.
int mt_start_thread_on_spare_core(void (*body)(void *context), void *context);

/// How many cores the calling thread may run on, or -1 if that cannot be read (Linux only).
int mt_allowed_core_count(void);

/// How many cores the process can use: the cores the calling thread may run on, capped by the
/// CPU quota of its control group (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us` over
/// `cpu.cfs_period_us`, rounded up); -1 if the allowed cores cannot be read (Linux only).
int mt_usable_core_count(void);

#endif
