/*
 * Benchmarks of the type engine (DESIGN.md §8).  Not a test: it prints times
 * and ratios against baselines measured in the same run (cJSON on the same
 * bytes), because these machines are too noisy for timed pass/fail tests.
 *
 *   typed decode  / cJSON_Parse              target <= 1.5
 *   typed encode  / cJSON_PrintUnformatted   target <= 1.5, and linear in size
 *   (encode+decode) / deepcopy               target >= 10
 *   decoded bytes / JSON bytes               target <= 1.5
 *
 * Usage: bench_types [ITEMS...]   (default 1000 10000)
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "batch/v1/types.h"
#include "kc/alloc.h"
#include "mindxdl/v1/types.h"

/* ---- a growable text buffer for building the input lists ---- */
typedef struct text {
    char *p;
    size_t len, cap;
} text_t;

static void put(text_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text_t *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n) * 2;
        t->p = realloc(t->p, t->cap);
        if (!t->p)
            abort();
    }
}

/* The part every realistic item carries: ObjectMeta with labels, annotations,
 * ownerReferences and managedFields of two managers. */
static void put_metadata(text_t *t, const char *api_version, int i)
{
    put(t,
        "\"metadata\":{\"name\":\"train-%06d\",\"namespace\":\"team-%d\","
        "\"uid\":\"b7c2a878-443e-4d6c-a52c-%012d\",\"resourceVersion\":\"%d\",\"generation\":3,"
        "\"creationTimestamp\":\"2026-11-22T14:51:00Z\","
        "\"labels\":{\"app\":\"ascend\",\"team\":\"team-%d\",\"job-name\":\"train-%06d\",\"tier\":\"gold\"},"
        "\"annotations\":{\"scheduling.k8s.io/group-name\":\"pg-%06d\",\"kc.example/owner\":\"alice\","
        "\"huawei.com/schedule_policy\":\"chip8-node8\"},"
        "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"name\":\"team-%d\","
        "\"uid\":\"0c7a5b1e-1111-4d6c-a52c-debfc6f13225\",\"controller\":false,\"blockOwnerDeletion\":true}],"
        "\"finalizers\":[\"kc.example/cleanup\"],",
        i, i % 7, i, 1000 + i, i % 7, i, i, i % 7);
    put(t,
        "\"managedFields\":[{\"manager\":\"kubectl-client-side-apply\",\"operation\":\"Update\","
        "\"apiVersion\":\"%s\",\"time\":\"2026-11-22T14:51:00Z\",\"fieldsType\":\"FieldsV1\","
        "\"fieldsV1\":{\"f:metadata\":{\"f:annotations\":{\".\":{},\"f:kc.example/owner\":{}},"
        "\"f:labels\":{\".\":{},\"f:app\":{},\"f:team\":{},\"f:tier\":{}}},"
        "\"f:spec\":{\".\":{},\"f:replicaSpecs\":{\".\":{},\"f:Master\":{\".\":{},\"f:replicas\":{},"
        "\"f:restartPolicy\":{},\"f:template\":{\".\":{},\"f:spec\":{\".\":{},\"f:containers\":{}}}},"
        "\"f:Worker\":{\".\":{},\"f:replicas\":{},\"f:restartPolicy\":{},\"f:template\":{\".\":{},"
        "\"f:spec\":{\".\":{},\"f:containers\":{}}}}},\"f:runPolicy\":{\".\":{},\"f:backoffLimit\":{},"
        "\"f:cleanPodPolicy\":{}},\"f:schedulerName\":{}}}},"
        "{\"manager\":\"ascend-operator\",\"operation\":\"Update\",\"apiVersion\":\"%s\","
        "\"time\":\"2026-11-22T14:52:07Z\",\"fieldsType\":\"FieldsV1\",\"subresource\":\"status\","
        "\"fieldsV1\":{\"f:status\":{\".\":{},\"f:conditions\":{},\"f:replicaStatuses\":{\".\":{},"
        "\"f:Master\":{\".\":{},\"f:active\":{}},\"f:Worker\":{\".\":{},\"f:active\":{}}},"
        "\"f:startTime\":{}}}}]},",
        api_version, api_version);
}

static void put_pod_template(text_t *t, int i, int rank)
{
    put(t,
        "\"template\":{\"metadata\":{\"labels\":{\"app\":\"ascend\",\"rank\":\"%d\"}},\"spec\":{"
        "\"schedulerName\":\"volcano\",\"nodeSelector\":{\"host-arch\":\"huawei-arm\",\"accelerator-type\":\"module\"},"
        "\"containers\":[{\"name\":\"ascend\",\"image\":\"swr.example/mindspore:2.0.%d\","
        "\"imagePullPolicy\":\"IfNotPresent\",\"command\":[\"/bin/bash\",\"-c\",\"python train.py --epochs 90\"],"
        "\"env\":[{\"name\":\"RANK\",\"value\":\"%d\"},{\"name\":\"XDL_IP\",\"valueFrom\":{\"fieldRef\":"
        "{\"fieldPath\":\"status.hostIP\"}}},{\"name\":\"FRAMEWORK\",\"value\":\"MindSpore\"},"
        "{\"name\":\"ASCEND_VISIBLE_DEVICES\",\"value\":\"0,1,2,3,4,5,6,7\"}],"
        "\"ports\":[{\"name\":\"ascendjob-port\",\"containerPort\":2222,\"protocol\":\"TCP\"}],"
        "\"resources\":{\"limits\":{\"huawei.com/Ascend910\":\"8\",\"memory\":\"512Gi\",\"cpu\":\"180\"},"
        "\"requests\":{\"huawei.com/Ascend910\":\"8\",\"memory\":\"256Gi\",\"cpu\":\"90\"}},"
        "\"volumeMounts\":[{\"name\":\"ascend-driver\",\"mountPath\":\"/usr/local/Ascend/driver\"},"
        "{\"name\":\"data\",\"mountPath\":\"/job/data\",\"readOnly\":true}]}],"
        "\"volumes\":[{\"name\":\"ascend-driver\",\"hostPath\":{\"path\":\"/usr/local/Ascend/driver\"}},"
        "{\"name\":\"data\",\"persistentVolumeClaim\":{\"claimName\":\"dataset-%d\"}}]}}",
        rank, i % 10, rank, i % 13);
}

static void put_ascend_job(text_t *t, int i)
{
    put(t, "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"kind\":\"AscendJob\",");
    put_metadata(t, "mindxdl.gitee.com/v1", i);
    put(t, "\"spec\":{\"schedulerName\":\"volcano\",\"runPolicy\":{\"backoffLimit\":3,\"cleanPodPolicy\":\"None\","
           "\"schedulingPolicy\":{\"minAvailable\":2,\"queue\":\"default\"}},\"successPolicy\":\"AllWorkers\","
           "\"replicaSpecs\":{\"Master\":{\"replicas\":1,\"restartPolicy\":\"Never\",");
    put_pod_template(t, i, 0);
    put(t, "},\"Worker\":{\"replicas\":%d,\"restartPolicy\":\"OnFailure\",", 1 + i % 8);
    put_pod_template(t, i, 1);
    put(t, "}}},\"status\":{\"conditions\":[{\"type\":\"Created\",\"status\":\"True\",\"reason\":\"AscendJobCreated\","
           "\"message\":\"AscendJob train-%06d is created.\",\"lastUpdateTime\":\"2026-11-22T14:51:00Z\","
           "\"lastTransitionTime\":\"2026-11-22T14:51:00Z\"},{\"type\":\"Running\",\"status\":\"True\","
           "\"reason\":\"AscendJobRunning\",\"message\":\"AscendJob train-%06d is running.\","
           "\"lastUpdateTime\":\"2026-11-22T14:52:07Z\",\"lastTransitionTime\":\"2026-11-22T14:52:07Z\"}],"
           "\"replicaStatuses\":{\"Master\":{\"active\":1},\"Worker\":{\"active\":%d}},"
           "\"startTime\":\"2026-11-22T14:51:00Z\"}}",
        i, i, 1 + i % 8);
}

static void put_job(text_t *t, int i)
{
    put(t, "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",");
    put_metadata(t, "batch/v1", i);
    put(t, "\"spec\":{\"parallelism\":4,\"completions\":8,\"backoffLimit\":6,\"completionMode\":\"Indexed\","
           "\"suspend\":false,\"manualSelector\":false,\"podReplacementPolicy\":\"TerminatingOrFailed\","
           "\"selector\":{\"matchLabels\":{\"batch.kubernetes.io/controller-uid\":\"985b47cf-%012d\"}},", i);
    put_pod_template(t, i, 2);
    put(t, "},\"status\":{\"startTime\":\"2026-11-22T14:51:15Z\",\"active\":4,\"succeeded\":%d,\"failed\":0,"
           "\"ready\":4,\"terminating\":0,\"completedIndexes\":\"0-%d\",\"uncountedTerminatedPods\":{},"
           "\"conditions\":[{\"type\":\"SuccessCriteriaMet\",\"status\":\"False\",\"lastProbeTime\":"
           "\"2026-11-22T14:51:15Z\",\"lastTransitionTime\":\"2026-11-22T14:51:15Z\"}]}}",
        i % 4, i % 4);
}

static char *make_list(const char *api_version, const char *kind, void (*item)(text_t *, int), int n,
                       size_t *len)
{
    text_t t = {malloc(1 << 20), 0, 1 << 20};
    put(&t, "{\"apiVersion\":\"%s\",\"kind\":\"%sList\",\"metadata\":{\"resourceVersion\":\"123456\"},\"items\":[",
        api_version, kind);
    for (int i = 0; i < n; i++) {
        if (i)
            put(&t, ",");
        item(&t, i);
    }
    put(&t, "]}");
    *len = t.len;
    return t.p;
}

/* ---- measuring ---- */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Bytes the engine holds, as the C library counts them (usable size). */
static size_t live_bytes;
static void *count_malloc(size_t n, void *ctx)
{
    (void)ctx;
    void *p = malloc(n);
    if (p)
        live_bytes += malloc_usable_size(p);
    return p;
}
static void *count_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = realloc(p, n);
    if (q)
        live_bytes += malloc_usable_size(q) - old;
    return q;
}
static void count_free(void *p, void *ctx)
{
    (void)ctx;
    if (p)
        live_bytes -= malloc_usable_size(p);
    free(p);
}

#define REPEAT 5
#define BEST(var, body)                                                                            \
    do {                                                                                           \
        var = 1e30;                                                                                \
        for (int r_ = 0; r_ < REPEAT; r_++) {                                                      \
            double t0_ = now();                                                                    \
            body;                                                                                  \
            double dt_ = now() - t0_;                                                              \
            if (dt_ < var)                                                                         \
                var = dt_;                                                                         \
        }                                                                                          \
    } while (0)

typedef struct result {
    double decode, parse, encode, print, copy, memory;
} result_t;

static void fail(const char *what, kc_error_t *err)
{
    fprintf(stderr, "bench_types: %s failed: %s\n", what, err ? err->message : "");
    exit(1);
}

static result_t run(const char *name, const kc_type_t *type, const char *json, size_t len)
{
    result_t r;
    kc_error_t err = KC_ERROR_INIT;
    void *obj = calloc(1, type->size), *copy = calloc(1, type->size);
    char *out = NULL;
    size_t out_len = 0;

    BEST(r.parse, { cJSON_Delete(cJSON_ParseWithLength(json, len)); });
    BEST(r.decode, {
        if (kc_json_decode(type, obj, json, len, &err) != 0)
            fail("decode", &err);
        if (r_ < REPEAT - 1)
            kc_object_free(type, obj);
    });
    cJSON *tree = cJSON_ParseWithLength(json, len);
    BEST(r.print, { free(cJSON_PrintUnformatted(tree)); });
    cJSON_Delete(tree);
    BEST(r.encode, {
        if (kc_json_encode(type, obj, &out, &out_len, &err) != 0)
            fail("encode", &err);
        kc_free(out);
    });
    BEST(r.copy, {
        if (kc_object_deepcopy(type, copy, obj) != 0)
            fail("deepcopy", NULL);
        kc_object_free(type, copy);
    });
    kc_object_free(type, obj);

    kc_allocator_t counting = {count_malloc, count_realloc, count_free, NULL};
    kc_set_allocator(&counting);
    live_bytes = 0;
    if (kc_json_decode(type, obj, json, len, &err) != 0)
        fail("decode", &err);
    r.memory = (double)(live_bytes + type->size);
    kc_object_free(type, obj);
    kc_set_allocator(NULL);

    printf("%-28s %8.1f MB  parse %7.1f ms  decode %7.1f ms (%.2fx)  print %7.1f ms  encode %7.1f ms "
           "(%.2fx)  deepcopy %6.1f ms ((enc+dec)/copy %.1fx)  memory %.2fx JSON\n",
           name, (double)len / 1e6, r.parse * 1e3, r.decode * 1e3, r.decode / r.parse, r.print * 1e3,
           r.encode * 1e3, r.encode / r.print, r.copy * 1e3, (r.encode + r.decode) / r.copy,
           r.memory / (double)len);
    free(obj);
    free(copy);
    return r;
}

int main(int argc, char **argv)
{
    int sizes[8] = {1000, 10000}, n_sizes = 2;
    if (argc > 1) {
        n_sizes = 0;
        for (int i = 1; i < argc && n_sizes < 8; i++)
            sizes[n_sizes++] = atoi(argv[i]);
    }
    struct {
        const char *name, *api_version, *kind;
        void (*item)(text_t *, int);
        const kc_type_t *type;
    } sets[] = {
        {"AscendJobList", "mindxdl.gitee.com/v1", "AscendJob", put_ascend_job, &mindxdl_v1_ascend_job_list_desc},
        {"JobList", "batch/v1", "Job", put_job, &batch_v1_job_list_desc},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        result_t first = {0};
        for (int k = 0; k < n_sizes; k++) {
            size_t len;
            char *json = make_list(sets[s].api_version, sets[s].kind, sets[s].item, sizes[k], &len);
            char name[64];
            snprintf(name, sizeof name, "%s x%d (%.1f KB/item)", sets[s].name, sizes[k],
                     (double)len / sizes[k] / 1024);
            result_t r = run(name, sets[s].type, json, len);
            if (k == 0)
                first = r;
            else
                printf("%-28s scaling x%.0f items: decode %.1fx  encode %.1fx  deepcopy %.1fx\n", "",
                       (double)sizes[k] / sizes[0], r.decode / first.decode, r.encode / first.encode,
                       r.copy / first.copy);
            free(json);
        }
    }
    return 0;
}
