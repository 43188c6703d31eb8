/* openapi.h — /openapi/v2, /openapi/v3 and /openapi/v3/<group-version> documents.
 *
 * Built-in group versions are the recorded documents (tests/testdata/kube-apiserver/openapi/
 * *.json.gz, read with zlib); CRD group versions are synthesized from the registered CRDs the
 * way kube-apiserver builds them (paths with every verb, components.schemas with the CRD's
 * schema plus metadata/apiVersion/kind and x-kubernetes-group-version-kind, Scale and the
 * meta types). The recorded CRD documents (mindxdl.gitee.com, example.com) are not served as
 * such: they are what ksrv_openapi_add_crd() reproduces.
 *
 * Every PATCH/POST/PUT operation carries the `fieldValidation` query parameter (as 1.27+
 * servers publish it): kubectl 1.32 then validates server-side (fieldValidation=Strict) and
 * never needs the protobuf /openapi/v2 the recorded server offered. /openapi/v2 is served as
 * JSON only (with CRD definitions added); a request accepting only protobuf gets 406.
 *
 * /openapi/v3 is the index {"paths": {"apis/apps/v1": {"serverRelativeURL":
 * "/openapi/v3/apis/apps/v1?hash=<SHA-512 of the document, upper-case hex>"}}}. A document
 * requested with the current hash is answered with Cache-Control "public, immutable"; with a
 * stale hash, 301 to the current URL; without hash, "no-cache, private". ETag is the quoted
 * hash. Thread-safe: one internal mutex; serialized documents are cached until a CRD changes. */
#ifndef KSRV_OPENAPI_H
#define KSRV_OPENAPI_H

#include "status.h"

#include <cjson/cJSON.h>
#include <stddef.h>

typedef struct ksrv_openapi ksrv_openapi_t;

/* Loads the built-in documents from `dir` (the openapi/ directory with *.json.gz). NULL dir
 * uses the compiled-in default KSRV_OPENAPI_DIR. Returns NULL with *st set on failure. */
ksrv_openapi_t *ksrv_openapi_new(const char *dir, ksrv_status_t *st);
void ksrv_openapi_free(ksrv_openapi_t *oa);

/* Registers (or replaces, by metadata.name) a CRD: its served versions appear in the index,
 * in /openapi/v3/apis/<group>/<version> and in /openapi/v2. */
int ksrv_openapi_add_crd(ksrv_openapi_t *oa, const cJSON *crd, ksrv_status_t *st);
/* Removes the CRD named `crd_name` ("widgets.example.com"); unknown names are ignored. */
void ksrv_openapi_remove_crd(ksrv_openapi_t *oa, const char *crd_name);

typedef struct ksrv_openapi_response {
    int status;              /* 200, 301, 304, 404, 406 */
    char *body;              /* malloc'd, caller frees (NULL for 301/304) */
    size_t len;
    const char *content_type;/* static string */
    char etag[136];          /* "\"<hash>\"" or "" */
    const char *cache_control; /* static string or NULL */
    char location[512];      /* 301 target or "" */
} ksrv_openapi_response_t;

/* Answers GET `path` ("/openapi/v2", "/openapi/v3", "/openapi/v3/apis/apps/v1") with the
 * raw query string `query` (may be NULL; `hash` is read from it), the request's Accept and
 * If-None-Match headers (may be NULL). Returns 0 (*resp filled, including 404 answers whose
 * body is the server's plain "404 page not found\n") or -1 with *st on internal error. */
int ksrv_openapi_get(ksrv_openapi_t *oa, const char *path, const char *query,
                     const char *accept, const char *if_none_match,
                     ksrv_openapi_response_t *resp, ksrv_status_t *st);

/* The document of one group version as a new tree (NULL when unknown). For tests. */
cJSON *ksrv_openapi_v3_document(ksrv_openapi_t *oa, const char *gv_path /* "apis/apps/v1" */);

#endif
