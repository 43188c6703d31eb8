/* table.h — `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` answers (meta.k8s.io/v1
 * Table), what `kubectl get` asks for.
 *
 * Columns: built-ins use kube's printers (k8s.io/kubernetes/pkg/printers/internalversion):
 * Deployment, Pod, Job, CronJob, Namespace, Service, ConfigMap, Secret, ServiceAccount,
 * Event, Lease, CustomResourceDefinition; unknown kinds get Name + Age. CRDs use the
 * version's additionalPrinterColumns (Name first, then the columns; no Age unless listed) or
 * Name + Age when there are none. Cells are computed by the server: Age is
 * duration.HumanDuration(now - creationTimestamp) ("0s", "5m10s", "3d"...), JSONPath columns
 * are evaluated against the object (`.status.conditions[-1:].type`, `.spec.x[0]`,
 * `.metadata.labels.app`...; a missing value is null), integer/number/boolean columns keep
 * JSON types, string columns are printed.
 * Rows carry `object` per includeObject: Metadata (default) -> PartialObjectMetadata
 * {kind, apiVersion "meta.k8s.io/v1", metadata}, Object -> the object, None -> no object. */
#ifndef KSRV_TABLE_H
#define KSRV_TABLE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef enum ksrv_include_object {
    KSRV_INCLUDE_METADATA = 0, /* default */
    KSRV_INCLUDE_NONE,
    KSRV_INCLUDE_OBJECT
} ksrv_include_object_t;

typedef struct ksrv_table_opts {
    const char *kind;                 /* built-in kind ("Deployment") or the CR kind */
    const cJSON *printer_columns;     /* CRD version's additionalPrinterColumns or NULL */
    bool is_crd;                      /* use CRD rules even when printer_columns is NULL */
    ksrv_include_object_t include;    /* ?includeObject= */
    time_t now;                       /* 0 = time(NULL) */
} ksrv_table_opts_t;

/* "Metadata" | "None" | "Object" (NULL/"" = Metadata); -1 for anything else. */
int ksrv_include_object_parse(const char *s, ksrv_include_object_t *out);

/* Table of a list: `items` is a JSON array of objects; `list_metadata` the ListMeta to copy
 * (resourceVersion, continue, remainingItemCount; may be NULL). Caller owns the result. */
cJSON *ksrv_table_from_list(const cJSON *items, const cJSON *list_metadata,
                            const ksrv_table_opts_t *o);

/* Table of a single object (GET of one name): one row, metadata {resourceVersion} copied from
 * the object. */
cJSON *ksrv_table_from_object(const cJSON *obj, const ksrv_table_opts_t *o);

/* duration.HumanDuration of `seconds`. */
void ksrv_human_duration(int64_t seconds, char *buf, size_t n);

/* Evaluates a kubectl JSONPath ("{.a.b}" or ".a.b") against obj. Returns a new node (first
 * result; arrays for ranges), or NULL when there is no result or the path is invalid. */
cJSON *ksrv_jsonpath_eval(const cJSON *obj, const char *path);

/* Evaluates `path` and points *first at the first result (borrowed from obj). Returns the
 * number of results, 0 when none, -1 on a syntax error. (table_jsonpath.c) */
int ksrv_jsonpath_first(const cJSON *obj, const char *path, const cJSON **first);

#endif
