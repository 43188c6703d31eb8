/*
 * edit_ascendjob: read an AscendJob (JSON) from a file or stdin, raise the
 * backoff limit of its run policy, print the result.  Members the C type does
 * not declare, explicit false/0/"" and exact quantities come out unchanged.
 *
 *   edit_ascendjob [FILE]
 *
 * Built only on generated/ and libkc, as a user's program would be.
 */
#include <stdio.h>
#include <stdlib.h>

#include "kc/alloc.h"
#include "mindxdl/v1/types.h"

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    size_t len;
    char *json = read_all(in, &len);
    if (in != stdin)
        fclose(in);
    if (!json)
        return 1;

    mindxdl_v1_ascend_job_t job;
    kc_error_t err = KC_ERROR_INIT;
    int rc = mindxdl_v1_ascend_job_from_json(&job, json, len, &err);
    free(json);
    if (rc != 0) {
        fprintf(stderr, "edit_ascendjob: %s\n", err.message);
        return 1;
    }

    int32_t *limit = job.spec.run_policy.backoff_limit;
    if (!limit && !(limit = job.spec.run_policy.backoff_limit = kc_calloc(1, sizeof *limit))) {
        mindxdl_v1_ascend_job_free(&job);
        return 1;
    }
    (*limit)++;
    fprintf(stderr, "%s/%s: backoffLimit now %d, %zu replica specs\n",
            job.metadata.namespace ? job.metadata.namespace : "", job.metadata.name ? job.metadata.name : "",
            (int)*limit, job.spec.n_replica_specs);

    char *out = NULL;
    rc = mindxdl_v1_ascend_job_to_json(&job, &out, NULL, &err);
    mindxdl_v1_ascend_job_free(&job);
    if (rc != 0) {
        fprintf(stderr, "edit_ascendjob: %s\n", err.message);
        return 1;
    }
    puts(out);
    kc_free(out);
    return 0;
}
