/* test_apply.c — managedFields of recorded writes and server-side apply (incl. conflicts). */
#include "apply.h"
#include "yaml.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static const cJSON *crd_schema(const char *crd_label) {
    const cJSON *crd = unit_req_body(unit_step("crd-registration.json", crd_label));
    const cJSON *v0 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(crd, "spec"), "versions"), 0);
    return cJSON_GetObjectItem(cJSON_GetObjectItem(v0, "schema"), "openAPIV3Schema");
}

static cJSON *mf_without_time(const cJSON *obj) {
    cJSON *mf = cJSON_Duplicate(cJSON_GetObjectItem(cJSON_GetObjectItem(obj, "metadata"), "managedFields"), 1);
    cJSON *e;
    cJSON_ArrayForEach(e, mf) cJSON_DeleteItemFromObject(e, "time");
    return mf ? mf : cJSON_CreateArray();
}

/* old = response of prev_label (NULL: create), new = response of label with the old
 * managedFields; the recomputed managedFields must equal the recorded ones. */
static void update_case(const char *file, const char *prev_label, const char *label, const char *kind,
                        const char *av, const char *sub, const cJSON *schema, cJSON *override_old) {
    const cJSON *old = override_old ? override_old : prev_label ? unit_resp_json(unit_step(file, prev_label)) : NULL;
    const cJSON *want = unit_resp_json(unit_step(file, label));
    cJSON *nw = cJSON_Duplicate(want, 1);
    cJSON *md = cJSON_GetObjectItem(nw, "metadata");
    cJSON_DeleteItemFromObject(md, "managedFields");
    const cJSON *omf = old ? cJSON_GetObjectItem(cJSON_GetObjectItem(old, "metadata"), "managedFields") : NULL;
    if (omf) cJSON_AddItemToObject(md, "managedFields", cJSON_Duplicate(omf, 1));
    ksrv_manage_opts_t o = {.manager = "unknown", .api_version = av, .kind = kind, .subresource = sub,
                            .schema = schema, .time = "2026-11-24T00:29:00Z"};
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_managed_fields_update(old, nw, &o, &st), 0);
    cJSON *g = mf_without_time(nw), *w = mf_without_time(want);
    if (!CHECK_JSON(g, w)) fprintf(stderr, "  step: %s\n", label);
    /* fieldsV1 member order as the server writes it */
    char *gs = cJSON_PrintUnformatted(g), *ws = cJSON_PrintUnformatted(w);
    if (unit_json_equal(g, w)) CHECK_STR(gs, ws);
    free(gs); free(ws);
    cJSON_Delete(g); cJSON_Delete(w); cJSON_Delete(nw);
}

static void updates(void) {
    const cJSON *aj = crd_schema("create CRD ascendjobs.mindxdl.gitee.com");
    update_case("ascendjob-crud.json", NULL, "create job-a", "AscendJob", "mindxdl.gitee.com/v1", NULL, aj, NULL);
    update_case("controllers.json", NULL, "create AscendJob for the table", "AscendJob", "mindxdl.gitee.com/v1", NULL, aj, NULL);
    update_case("controllers.json", "create AscendJob for the table", "set AscendJob status", "AscendJob",
                "mindxdl.gitee.com/v1", "status", aj, NULL);
    update_case("validation-subresources-scope.json", NULL, "create widget (unknown", "Widget", "example.com/v1", NULL,
                crd_schema("create CRD widgets.example.com"), NULL);
    update_case("controllers.json", NULL, "create Deployment owned by a Foo", "Deployment", "apps/v1", NULL, NULL, NULL);
    update_case("controllers.json", "create Deployment owned by a Foo", "strategic merge patch: containers merged",
                "Deployment", "apps/v1", NULL, NULL, NULL);
    update_case("controllers.json", "strategic merge patch: containers merged", "strategic merge patch: $patch delete",
                "Deployment", "apps/v1", NULL, NULL, NULL);
    update_case("controllers.json", "strategic merge patch: $patch delete", "merge patch replaces the whole",
                "Deployment", "apps/v1", NULL, NULL, NULL);
    update_case("controllers.json", NULL, "record core/v1 Event", "Event", "v1", NULL, NULL, NULL);
    update_case("controllers.json", "record core/v1 Event", "aggregate Event", "Event", "v1", NULL, NULL, NULL);
    update_case("builtin-resources.json", NULL, "create batch/v1 CronJob", "CronJob", "batch/v1", NULL, NULL, NULL);
    /* Service: clusterIP(s) and IP families are allocated after managedFields are computed */
    cJSON *svc = cJSON_Duplicate(unit_resp_json(unit_step("builtin-resources.json", "create Service")), 1);
    cJSON *spec = cJSON_GetObjectItem(svc, "spec");
    const char *alloc[] = {"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"};
    for (int i = 0; i < 4; i++) cJSON_DeleteItemFromObject(spec, alloc[i]);
    cJSON *nsvc = cJSON_Duplicate(svc, 1);
    cJSON_DeleteItemFromObject(cJSON_GetObjectItem(nsvc, "metadata"), "managedFields");
    ksrv_manage_opts_t so = {.manager = "unknown", .api_version = "v1", .kind = "Service", .time = "2026-11-22T14:51:15Z"};
    ksrv_status_t sst = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_managed_fields_update(NULL, nsvc, &so, &sst), 0);
    CHECK_JSON(cJSON_GetObjectItem(cJSON_GetObjectItem(nsvc, "metadata"), "managedFields"),
               cJSON_GetObjectItem(cJSON_GetObjectItem(svc, "metadata"), "managedFields"));
    cJSON_Delete(svc);
    cJSON_Delete(nsvc);

    /* scale subresource: replicas move to a separate entry without time (as recorded) */
    cJSON *old = cJSON_Duplicate(unit_resp_json(unit_step("controllers.json", "merge patch replaces the whole")), 1);
    cJSON *nw = cJSON_Duplicate(old, 1);
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(nw, "spec"), "replicas", cJSON_CreateNumber(3));
    ksrv_manage_opts_t o = {.manager = "unknown", .api_version = "apps/v1", .kind = "Deployment",
                            .subresource = "scale", .no_time = true};
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_managed_fields_update(old, nw, &o, &st), 0);
    const cJSON *tbl = unit_resp_json(unit_step("controllers.json", "Table output for a built-in list"));
    const cJSON *want = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(
        cJSON_GetArrayItem(cJSON_GetObjectItem(tbl, "rows"), 1), "object"), "metadata"), "managedFields");
    CHECK_JSON(cJSON_GetObjectItem(cJSON_GetObjectItem(nw, "metadata"), "managedFields"), want);
    cJSON_Delete(old); cJSON_Delete(nw);

    /* no change: no entry, no time bump */
    old = unit_parse("{\"metadata\":{\"name\":\"a\"},\"spec\":{\"x\":1}}");
    nw = cJSON_Duplicate(old, 1);
    o = (ksrv_manage_opts_t){.manager = "m", .api_version = "v1", .kind = "ConfigMap"};
    CHECK_INT(ksrv_managed_fields_update(old, nw, &o, &st), 0);
    CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(nw, "metadata"), "managedFields") == NULL);
    cJSON_Delete(old); cJSON_Delete(nw);
    char b[64];
    ksrv_default_manager("kubectl/v1.32.0 (linux/amd64) kubernetes/abc", b, sizeof b);
    CHECK_STR(b, "kubectl");
    ksrv_default_manager("", b, sizeof b);
    CHECK_STR(b, "unknown");
}

static cJSON *yaml_body(const cJSON *step) {
    const char *t = cJSON_GetStringValue(unit_req_body(step));
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (ksrv_yaml_parse(t, strlen(t), &out, NULL, &st)) abort();
    return out;
}

/* Apply of `label` on the live object `live`; checks status code and, on success, spec and
 * managedFields (times ignored) against the recorded answer; on failure the Status body. */
static cJSON *apply_case(const char *file, const char *label, const cJSON *live, const char *kind, const char *av,
                         const char *manager, bool force, const cJSON *schema, const cJSON *server_spec) {
    const cJSON *step = unit_step(file, label);
    cJSON *body = yaml_body(step), *out = NULL;
    ksrv_manage_opts_t o = {.manager = manager, .api_version = av, .kind = kind, .force = force,
                            .schema = schema, .time = "2026-11-24T00:29:00Z"};
    ksrv_status_t st = KSRV_STATUS_INIT;
    int rc = ksrv_apply(live, body, &o, &out, &st);
    const cJSON *want = unit_resp_json(step);
    if (cJSON_GetObjectItem(want, "kind") && !strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(want, "kind")), "Status")) {
        CHECK_INT(rc, -1);
        cJSON *j = ksrv_status_to_json(&st);
        if (!CHECK_JSON(j, want)) fprintf(stderr, "  step: %s\n", label);
        cJSON_Delete(j);
    } else {
        CHECK_INT(rc, 0);
        if (rc) fprintf(stderr, "  %s: %s\n", label, st.message);
        cJSON *g = mf_without_time(out), *w = mf_without_time(want);
        if (!CHECK_JSON(g, w)) fprintf(stderr, "  step: %s\n", label);
        cJSON_Delete(g); cJSON_Delete(w);
        if (!server_spec) CHECK_JSON(cJSON_GetObjectItem(out, "spec"), cJSON_GetObjectItem(want, "spec"));
    }
    ksrv_status_reset(&st);
    cJSON_Delete(body);
    return out;
}

static void applies(void) {
    /* Deployment: ci creates, hpa conflicts on replicas, hpa forces */
    const char *f = "controllers.json";
    cJSON *created = apply_case(f, "server-side apply creates", NULL, "Deployment", "apps/v1", "ci", false, NULL, (cJSON *)1);
    cJSON_Delete(created);
    /* the stored object after defaulting is the recorded answer */
    const cJSON *live = unit_resp_json(unit_step(f, "server-side apply creates"));
    apply_case(f, "server-side apply by another manager", live, "Deployment", "apps/v1", "hpa", false, NULL, NULL);
    cJSON *forced = apply_case(f, "server-side apply with force=true", live, "Deployment", "apps/v1", "hpa", true, NULL, NULL);
    cJSON_Delete(forced);

    /* AscendJob: kc-test creates, other conflicts, other forces */
    const cJSON *aj = crd_schema("create CRD ascendjobs.mindxdl.gitee.com");
    f = "ascendjob-crud.json";
    cJSON *c1 = apply_case(f, "server-side apply create", NULL, "AscendJob", "mindxdl.gitee.com/v1", "kc-test", false, aj, NULL);
    apply_case(f, "server-side apply without fieldManager", c1, "AscendJob", "mindxdl.gitee.com/v1", NULL, false, aj, NULL);
    apply_case(f, "server-side apply conflict from another manager", c1, "AscendJob", "mindxdl.gitee.com/v1", "other", false, aj, NULL);
    cJSON *c2 = apply_case(f, "server-side apply with force", c1, "AscendJob", "mindxdl.gitee.com/v1", "other", true, aj, NULL);
    cJSON_Delete(c1);
    cJSON_Delete(c2);
}

static void pruning_and_sets(void) {
    ksrv_manage_opts_t o = {.manager = "a", .api_version = "v1", .kind = "ConfigMap", .time = "2026-01-01T00:00:00Z"};
    ksrv_status_t st = KSRV_STATUS_INIT;
    cJSON *cfg1 = unit_parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"finalizers\":[\"x\"]},\"data\":{\"k1\":\"1\",\"k2\":\"2\"}}");
    cJSON *out1 = NULL, *out2 = NULL, *out3 = NULL;
    CHECK_INT(ksrv_apply(NULL, cfg1, &o, &out1, &st), 0);
    CHECK_JSON_TEXT(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(out1, "metadata"), "managedFields"), 0), "fieldsV1"),
                    "{\"f:data\":{\"f:k1\":{},\"f:k2\":{}},\"f:metadata\":{\"f:finalizers\":{\"v:\\\"x\\\"\":{}}}}");
    /* manager b co-owns k2 (same value) */
    cJSON *cfgb = unit_parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"k2\":\"2\"}}");
    o.manager = "b";
    CHECK_INT(ksrv_apply(out1, cfgb, &o, &out2, &st), 0);
    /* a stops applying k1 and k2: k1 goes (sole owner), k2 stays (b owns it) */
    cJSON *cfg2 = unit_parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{}}");
    o.manager = "a";
    CHECK_INT(ksrv_apply(out2, cfg2, &o, &out3, &st), 0);
    CHECK_JSON_TEXT(cJSON_GetObjectItem(out3, "data"), "{\"k2\":\"2\"}");
    CHECK_JSON_TEXT(cJSON_GetObjectItem(cJSON_GetObjectItem(out3, "metadata"), "finalizers"), "[]");
    /* an Update manager owns k2 after a PUT; applying a new k2 value conflicts */
    cJSON *upd = cJSON_Duplicate(out3, 1);
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(upd, "data"), "k2", cJSON_CreateString("3"));
    ksrv_manage_opts_t ou = {.manager = "kubectl-edit", .api_version = "v1", .kind = "ConfigMap", .time = "2026-01-01T00:00:00Z"};
    CHECK_INT(ksrv_managed_fields_update(out3, upd, &ou, &st), 0);
    cJSON *cfg3 = unit_parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"k2\":\"4\",\"k3\":\"x\"}}");
    cJSON *out4 = NULL;
    o.manager = "b";
    CHECK_INT(ksrv_apply(upd, cfg3, &o, &out4, &st), -1);
    CHECK_INT(st.http_status, 409);
    CHECK_STR(st.message, "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.k2");
    ksrv_status_reset(&st);
    cJSON_Delete(cfg1); cJSON_Delete(cfgb); cJSON_Delete(cfg2); cJSON_Delete(cfg3); cJSON_Delete(upd);
    cJSON_Delete(out1); cJSON_Delete(out2); cJSON_Delete(out3);
}

int main(void) {
    updates();
    applies();
    pruning_and_sets();
    return unit_done("apiserver_unit_apply");
}
