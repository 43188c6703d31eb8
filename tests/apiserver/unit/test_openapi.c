/* test_openapi.c — served documents, index/hash handling, CRD synthesis vs the recorded
 * mindxdl.gitee.com and example.com documents. */
#include "openapi.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static cJSON *recorded_doc(const char *name) {
    char path[1024];
    snprintf(path, sizeof path, "%s/openapi/%s", KSRV_TESTDATA, name);
    gzFile f = gzopen(path, "rb");
    if (!f) abort();
    size_t cap = 1 << 22, n = 0;
    char *buf = malloc(cap);
    int r;
    while ((r = gzread(f, buf + n, (unsigned)(cap - n - 1))) > 0) n += (size_t)r;
    gzclose(f);
    buf[n] = '\0';
    cJSON *j = cJSON_Parse(buf);
    free(buf);
    return j;
}

static const cJSON *crd(const char *label) {
    return unit_req_body(unit_step("crd-registration.json", label));
}

/* Same paths, verbs, operationIds and parameter names (plus fieldValidation on writes). */
static void compare_paths(const cJSON *got, const cJSON *want) {
    const cJSON *gp = cJSON_GetObjectItem(got, "paths"), *wp = cJSON_GetObjectItem(want, "paths"), *p;
    CHECK_INT(cJSON_GetArraySize(gp), cJSON_GetArraySize(wp));
    cJSON_ArrayForEach(p, wp) {
        const cJSON *g = cJSON_GetObjectItem(gp, p->string), *op;
        if (!g) { fprintf(stderr, "missing path %s\n", p->string); CHECK(g != NULL); continue; }
        cJSON_ArrayForEach(op, p) {
            const cJSON *gop = cJSON_GetObjectItem(g, op->string);
            CHECK(gop != NULL);
            if (!gop || !strcmp(op->string, "parameters")) continue;
            CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(gop, "operationId")),
                      cJSON_GetStringValue(cJSON_GetObjectItem(op, "operationId")));
            CHECK_JSON(cJSON_GetObjectItem(gop, "x-kubernetes-group-version-kind"),
                       cJSON_GetObjectItem(op, "x-kubernetes-group-version-kind"));
        }
    }
}

int main(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    ksrv_openapi_t *oa = ksrv_openapi_new(KSRV_TESTDATA "/openapi", &st);
    CHECK(oa != NULL);
    if (!oa) return unit_done("apiserver_unit_openapi");
    CHECK_INT(ksrv_openapi_add_crd(oa, crd("create CRD ascendjobs.mindxdl.gitee.com"), &st), 0);
    CHECK_INT(ksrv_openapi_add_crd(oa, crd("create CRD widgets.example.com"), &st), 0);
    CHECK_INT(ksrv_openapi_add_crd(oa, crd("create CRD clusterwidgets.example.com"), &st), 0);

    cJSON *got = ksrv_openapi_v3_document(oa, "apis/mindxdl.gitee.com/v1");
    cJSON *want = recorded_doc("v3-apis-mindxdl.gitee.com-v1.json.gz");
    compare_paths(got, want);
    const cJSON *gs = cJSON_GetObjectItem(cJSON_GetObjectItem(got, "components"), "schemas");
    const cJSON *ws = cJSON_GetObjectItem(cJSON_GetObjectItem(want, "components"), "schemas"), *s;
    cJSON_ArrayForEach(s, ws) CHECK(cJSON_GetObjectItem(gs, s->string) != NULL);
    CHECK_JSON(cJSON_GetObjectItem(gs, "com.gitee.mindxdl.v1.AscendJob"), cJSON_GetObjectItem(ws, "com.gitee.mindxdl.v1.AscendJob"));
    CHECK_JSON(cJSON_GetObjectItem(gs, "com.gitee.mindxdl.v1.AscendJobList"), cJSON_GetObjectItem(ws, "com.gitee.mindxdl.v1.AscendJobList"));
    /* kubectl's QueryParamVerifierV3 looks for fieldValidation on the PATCH operation */
    const cJSON *patch = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(got, "paths"),
        "/apis/mindxdl.gitee.com/v1/namespaces/{namespace}/ascendjobs/{name}"), "patch");
    char *txt = cJSON_PrintUnformatted(cJSON_GetObjectItem(patch, "parameters"));
    CHECK(strstr(txt, "\"fieldValidation\"") != NULL);
    free(txt);
    cJSON_Delete(got);
    cJSON_Delete(want);

    got = ksrv_openapi_v3_document(oa, "apis/example.com/v1");
    want = recorded_doc("v3-apis-example.com-v1.json.gz");
    compare_paths(got, want);
    gs = cJSON_GetObjectItem(cJSON_GetObjectItem(got, "components"), "schemas");
    ws = cJSON_GetObjectItem(cJSON_GetObjectItem(want, "components"), "schemas");
    CHECK_INT(cJSON_GetArraySize(gs), cJSON_GetArraySize(ws));
    CHECK_JSON(cJSON_GetObjectItem(gs, "com.example.v1.Widget"), cJSON_GetObjectItem(ws, "com.example.v1.Widget"));
    CHECK_JSON(cJSON_GetObjectItem(gs, "com.example.v1.ClusterWidgetList"), cJSON_GetObjectItem(ws, "com.example.v1.ClusterWidgetList"));
    cJSON_Delete(got);
    cJSON_Delete(want);

    /* index, hash, redirects, caching headers */
    ksrv_openapi_response_t r;
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v3", NULL, "application/json", NULL, &r, &st), 0);
    cJSON *idx = cJSON_Parse(r.body);
    free(r.body);
    const cJSON *e = cJSON_GetObjectItem(cJSON_GetObjectItem(idx, "paths"), "apis/mindxdl.gitee.com/v1");
    CHECK(e != NULL);
    CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(idx, "paths"), "api/v1") != NULL);
    CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(idx, "paths"), "apis/apps/v1") != NULL);
    const char *url = cJSON_GetStringValue(cJSON_GetObjectItem(e, "serverRelativeURL"));
    const char *q = strchr(url, '?') + 1;
    CHECK_INT(strlen(q), 5 + 128);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v3/apis/mindxdl.gitee.com/v1", q, NULL, NULL, &r, &st), 0);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.cache_control, "public, immutable");
    CHECK_STR(r.content_type, "application/json");
    char etag[140];
    snprintf(etag, sizeof etag, "%s", r.etag);
    free(r.body);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v3/apis/mindxdl.gitee.com/v1", "hash=ABC&timeout=32s", NULL, NULL, &r, &st), 0);
    CHECK_INT(r.status, 301);
    CHECK(strstr(r.location, "/openapi/v3/apis/mindxdl.gitee.com/v1?hash=") == r.location);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v3/apis/mindxdl.gitee.com/v1", NULL, NULL, etag, &r, &st), 0);
    CHECK_INT(r.status, 304);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v3/apis/nope/v1", NULL, NULL, NULL, &r, &st), 0);
    CHECK_INT(r.status, 404);
    free(r.body);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v2", NULL, "application/com.github.proto-openapi.spec.v2@v1.0+protobuf", NULL, &r, &st), 0);
    CHECK_INT(r.status, 406);
    free(r.body);
    CHECK_INT(ksrv_openapi_get(oa, "/openapi/v2", NULL, "application/json", NULL, &r, &st), 0);
    CHECK_INT(r.status, 200);
    CHECK(r.len > 1000000);
    free(r.body);
    cJSON_Delete(idx);

    /* built-in docs gained fieldValidation; removal of a CRD drops its group version */
    got = ksrv_openapi_v3_document(oa, "apis/apps/v1");
    txt = cJSON_PrintUnformatted(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(got, "paths"),
        "/apis/apps/v1/namespaces/{namespace}/deployments/{name}"), "patch"));
    CHECK(txt && strstr(txt, "fieldValidation") != NULL);
    free(txt);
    cJSON_Delete(got);
    ksrv_openapi_remove_crd(oa, "ascendjobs.mindxdl.gitee.com");
    got = ksrv_openapi_v3_document(oa, "apis/mindxdl.gitee.com/v1");
    CHECK(got == NULL);
    got = ksrv_openapi_v3_document(oa, "apis/example.com/v1");
    CHECK(got != NULL);
    cJSON_Delete(got);
    ksrv_openapi_free(oa);
    ksrv_status_reset(&st);
    return unit_done("apiserver_unit_openapi");
}
