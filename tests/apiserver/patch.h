/* patch.h — the three PATCH bodies kube-apiserver accepts besides apply:
 *   application/json-patch+json           RFC 6902            ksrv_json_patch()
 *   application/merge-patch+json          RFC 7386            ksrv_merge_patch()
 *   application/strategic-merge-patch+json  built-ins only     ksrv_strategic_merge_patch()
 * Pure functions: inputs are not modified; *out is a new tree the caller owns (NULL on error).
 * Error answers are the server's (apiserver/pkg/endpoints/handlers/patch.go):
 *   - a patch document that does not decode (not an array, unknown op, missing path/value,
 *     bad pointer syntax): 400 BadRequest, message = the decoder's text;
 *   - a patch that does not apply (failing `test`, missing path for remove/replace/move/copy,
 *     index out of range): 422 Invalid, message "the server rejected our request due to an
 *     error in our request", details {} (exactly as recorded in ascendjob-crud.json and
 *     controllers.json; like the server, the underlying reason is not sent).
 * The core answers 415 for strategic merge on custom resources (ksrv_patch_type() helps). */
#ifndef KSRV_PATCH_H
#define KSRV_PATCH_H

#include "status.h"

#include <cjson/cJSON.h>
#include <stdbool.h>

typedef enum ksrv_patch_type {
    KSRV_PATCH_UNKNOWN = 0,
    KSRV_PATCH_JSON,      /* application/json-patch+json */
    KSRV_PATCH_MERGE,     /* application/merge-patch+json */
    KSRV_PATCH_STRATEGIC, /* application/strategic-merge-patch+json */
    KSRV_PATCH_APPLY      /* application/apply-patch+yaml (see apply.h) */
} ksrv_patch_type_t;

/* Content-Type (parameters such as "; charset=utf-8" ignored) -> patch type. */
ksrv_patch_type_t ksrv_patch_type(const char *content_type);

/* The 415 the server sends for an unsupported patch content type. `custom_resource` selects
 * the list of accepted types (CRs: no strategic merge). Returns -1. */
int ksrv_patch_unsupported(ksrv_status_t *st, bool custom_resource);

/* RFC 6902: add, remove, replace, move, copy, test; "~0"/"~1" escapes; "-" appends. */
int ksrv_json_patch(const cJSON *doc, const cJSON *patch, cJSON **out, ksrv_status_t *st);

/* RFC 7386: objects merge recursively, null deletes, anything else replaces. A non-object
 * patch replaces the whole document. */
int ksrv_merge_patch(const cJSON *doc, const cJSON *patch, cJSON **out, ksrv_status_t *st);

/* Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for a built-in `kind`
 * ("Deployment", "Pod", ...). Lists whose field has a merge strategy (table below) merge by
 * their key and keep the server's order rules (patch items first, then server-only items,
 * unless order is given by $setElementOrder); other lists are replaced. Directives:
 * "$patch": "replace" | "delete" | "merge" (maps and list items), "$retainKeys",
 * "$deleteFromPrimitiveList/<f>", "$setElementOrder/<f>". Nulls delete; nulls inside new
 * values are dropped (IgnoreUnmatchedNulls). Directives never reach *out. */
int ksrv_strategic_merge_patch(const cJSON *doc, const cJSON *patch, const char *kind,
                               cJSON **out, ksrv_status_t *st);

/* ---- the built-in field table (shared with apply.c) ----
 * `path` is the dotted chain of field names from the object root with list items skipped,
 * e.g. "spec.template.spec.containers.env" for a Deployment. */
typedef enum ksrv_list_kind {
    KSRV_LIST_ATOMIC = 0, /* replaced as a whole (SMP default; SSA leaf) */
    KSRV_LIST_MAP,        /* merged by merge_key (SMP) / associative by keys (SSA) */
    KSRV_LIST_SET         /* primitives merged as a set (finalizers) */
} ksrv_list_kind_t;

typedef struct ksrv_field_info {
    ksrv_list_kind_t list;
    const char *merge_key;    /* SMP patchMergeKey (KSRV_LIST_MAP) */
    const char *ssa_keys[3];  /* SSA x-kubernetes-list-map-keys (NULL-terminated) */
    bool retain_keys;         /* patchStrategy includes retainKeys */
    bool atomic;              /* SSA: a map/struct owned as one leaf (e.g. LabelSelector) */
} ksrv_field_info_t;

/* Looks `path` of `kind` up in the built-in table; false (and *out zeroed: atomic list, not
 * an atomic map) when the field has no entry. */
bool ksrv_field_info(const char *kind, const char *path, ksrv_field_info_t *out);

#endif
