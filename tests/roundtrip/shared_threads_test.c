/*
 * Shared objects across threads (run under ThreadSanitizer by hack/test.sh,
 * label `tsan`): every round the main thread clones a random AscendJob, hands
 * one reference to each worker and drops its own while the workers read, so
 * the last reference is dropped, and the block released, by whichever worker
 * finishes last.  Workers also take and drop extra references while they
 * read.  Each worker checks its encoding against the main thread's and that
 * a mutable deepcopy equals the shared object.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fill.h"
#include "kc/shared.h"
#include "kc/alloc.h"
#include "mindxdl/v1/types.h"

#define THREADS 6
#define ROUNDS 150

static const kc_type_t *const type = &mindxdl_v1_ascend_job_desc;
static pthread_barrier_t start, done;
static const void *handed[THREADS]; /* one reference per worker, per round */
static char *expected;              /* the round's encoding */
static atomic_int failures;

static void *worker(void *arg)
{
    size_t me = (size_t)(uintptr_t)arg;
    for (int r = 0; r < ROUNDS; r++) {
        pthread_barrier_wait(&start);
        const void *obj = handed[me];
        for (int k = 0; k < 4; k++) {
            const void *extra = kc_shared_ref(obj);
            char *text = NULL;
            if (kc_json_encode(type, extra, &text, NULL, NULL) != 0 || strcmp(text, expected) != 0)
                atomic_fetch_add(&failures, 1);
            kc_free(text);
            kc_shared_unref(extra);
        }
        void *copy = calloc(1, type->size);
        if (kc_object_deepcopy(type, copy, obj) != 0 || !kc_object_equal(type, copy, obj) ||
            kc_shared_bytes(obj) < type->size)
            atomic_fetch_add(&failures, 1);
        kc_object_free(type, copy);
        free(copy);
        kc_shared_unref(obj);
        pthread_barrier_wait(&done);
    }
    return NULL;
}

int main(void)
{
    pthread_t th[THREADS];
    pthread_barrier_init(&start, NULL, THREADS + 1);
    pthread_barrier_init(&done, NULL, THREADS + 1);
    for (size_t i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *)(uintptr_t)i);
    for (int r = 0; r < ROUNDS; r++) {
        fill_rng_t rng = {(uint64_t)r * 2654435761u + 1};
        void *orig = calloc(1, type->size);
        const void *obj = NULL;
        if (fill_random(&rng, type, orig, 0) != 0 || kc_shared_clone(type, orig, &obj) != 0 ||
            kc_json_encode(type, orig, &expected, NULL, NULL) != 0) {
            fprintf(stderr, "FAIL round %d: setup\n", r);
            abort();
        }
        kc_object_free(type, orig);
        free(orig);
        for (size_t i = 0; i < THREADS; i++)
            handed[i] = kc_shared_ref(obj);
        pthread_barrier_wait(&start);
        kc_shared_unref(obj); /* while the workers read: one of them frees it */
        pthread_barrier_wait(&done);
        kc_free(expected);
        expected = NULL;
    }
    for (size_t i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&start);
    pthread_barrier_destroy(&done);
    int f = atomic_load(&failures);
    printf("%d threads x %d rounds: %d passed, %d failed\n", THREADS, ROUNDS,
           f ? 0 : THREADS * ROUNDS, f);
    return f ? 1 : 0;
}
