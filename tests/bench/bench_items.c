/* bench_items.c - realistic Kubernetes objects as JSON text for the benchmarks. */
#include "bench_items.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tput(text_t *t, const void *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        if (!t->p)
            abort();
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = 0;
}

void put(text_t *t, const char *fmt, ...)
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

/* spec and status of an AscendJob (both shapes share them), closing the object */
static void put_ascend_job_spec_status(text_t *t, int i)
{
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

void put_ascend_job(text_t *t, int i)
{
    put(t, "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"kind\":\"AscendJob\",");
    put_metadata(t, "mindxdl.gitee.com/v1", i);
    put_ascend_job_spec_status(t, i);
}

/* An AscendJob as a client creates it; the server adds uid, timestamps, managedFields. */
void put_ascend_job_as_created(text_t *t, int i)
{
    put(t, "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"kind\":\"AscendJob\",\"metadata\":{"
           "\"name\":\"train-%06d\",\"labels\":{\"app\":\"ascend\",\"team\":\"team-%d\","
           "\"job-name\":\"train-%06d\",\"tier\":\"gold\"},\"annotations\":{"
           "\"scheduling.k8s.io/group-name\":\"pg-%06d\",\"kc.example/owner\":\"alice\","
           "\"huawei.com/schedule_policy\":\"chip8-node8\"},\"finalizers\":[\"kc.example/cleanup\"]},",
        i, i % 7, i, i);
    put_ascend_job_spec_status(t, i);
}

void put_job(text_t *t, int i)
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

/* Where each item lies in the list text (for per-item JSON bytes). */
