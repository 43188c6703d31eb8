/*
 * bench_items.h - the benchmarks' input: realistic AscendJobs (~4.5 KB with
 * managedFields, ownerReferences, two pod templates) and batch/v1 Jobs, as
 * JSON text appended to a growable buffer.  Shared by bench_types and
 * bench_apiserver so both measure the same objects.
 */
#ifndef KC_BENCH_ITEMS_H
#define KC_BENCH_ITEMS_H

#include <stddef.h>

typedef struct text {
    char *p;
    size_t len, cap;
} text_t;

/* Append bytes / printf-formatted text (aborts on out of memory: benchmarks only). */
void tput(text_t *t, const void *s, size_t n);
void put(text_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Item i as the server returns it (uid, resourceVersion, managedFields, status). */
void put_ascend_job(text_t *t, int i);
void put_job(text_t *t, int i);
/* Item i as a client creates it (no server-set metadata). */
void put_ascend_job_as_created(text_t *t, int i);

#endif
