/* test_strategic.c — strategic merge patch: recorded steps (previous answer + patch ->
 * next answer, volatile metadata ignored) and the directive cases of strategicpatch. */
#include "patch.h"
#include "unit.h"

#include <stdlib.h>

static void recorded(const char *file, const char *prev_label, const char *label, const char *kind) {
    const cJSON *prev = unit_resp_json(unit_step(file, prev_label));
    const cJSON *step = unit_step(file, label);
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_strategic_merge_patch(prev, unit_req_body(step), kind, &out, &st), 0);
    cJSON *want = cJSON_Duplicate(unit_resp_json(step), 1);
    unit_strip_volatile(out);
    unit_strip_volatile(want);
    if (!CHECK_JSON(out, want)) fprintf(stderr, "  step: %s\n", label);
    /* list order matters for strategic merge: compare printed containers/env too */
    cJSON_Delete(out); cJSON_Delete(want);
    ksrv_status_reset(&st);
}

/* kind, original, patch, expected */
static const char *const k_cases[][4] = {
    /* finalizers merge as a set; new ones first (no $setElementOrder) */
    {"Pod", "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}", "{\"metadata\":{\"finalizers\":[\"c\",\"a\"]}}",
     "{\"metadata\":{\"finalizers\":[\"c\",\"a\",\"b\"]}}"},
    {"Pod", "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}",
     "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}", "{\"metadata\":{\"finalizers\":[\"b\"]}}"},
    {"Pod", "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}",
     "{\"metadata\":{\"$setElementOrder/finalizers\":[\"b\",\"a\",\"c\"],\"finalizers\":[\"c\"]}}",
     "{\"metadata\":{\"finalizers\":[\"b\",\"a\",\"c\"]}}"},
    /* $setElementOrder on a keyed list */
    {"Pod", "{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"1\"},{\"name\":\"b\",\"image\":\"2\"}]}}",
     "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"},{\"name\":\"a\"},{\"name\":\"c\"}],"
     "\"containers\":[{\"name\":\"c\",\"image\":\"3\"},{\"name\":\"a\",\"image\":\"9\"}]}}",
     "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"2\"},{\"name\":\"a\",\"image\":\"9\"},{\"name\":\"c\",\"image\":\"3\"}]}}"},
    /* $patch: replace on a list */
    {"Pod", "{\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}",
     "{\"spec\":{\"containers\":[{\"name\":\"x\",\"$patch\":\"replace\"},{\"$patch\":\"replace\"},{\"name\":\"z\"}]}}",
     "{\"spec\":{\"containers\":[{\"name\":\"z\"}]}}"},
    /* $patch: replace / delete on a map */
    {"Pod", "{\"spec\":{\"nodeSelector\":{\"a\":\"1\",\"b\":\"2\"}}}",
     "{\"spec\":{\"nodeSelector\":{\"c\":\"3\",\"$patch\":\"replace\"}}}", "{\"spec\":{\"nodeSelector\":{\"c\":\"3\"}}}"},
    {"Pod", "{\"spec\":{\"nodeSelector\":{\"a\":\"1\"}}}",
     "{\"spec\":{\"nodeSelector\":{\"$patch\":\"delete\"}}}", "{\"spec\":{\"nodeSelector\":{}}}"},
    /* $retainKeys (Deployment strategy) */
    {"Deployment", "{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":1}}}}",
     "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}",
     "{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}"},
    /* lists without a strategy are replaced; tolerations are atomic */
    {"Pod", "{\"spec\":{\"tolerations\":[{\"key\":\"a\"}],\"containers\":[{\"name\":\"c\",\"args\":[\"1\",\"2\"]}]}}",
     "{\"spec\":{\"tolerations\":[{\"key\":\"b\"}],\"containers\":[{\"name\":\"c\",\"args\":[\"3\"]}]}}",
     "{\"spec\":{\"tolerations\":[{\"key\":\"b\"}],\"containers\":[{\"name\":\"c\",\"args\":[\"3\"]}]}}"},
    /* ports by containerPort, volumeMounts by mountPath, volumes by name, service ports by port */
    {"Pod", "{\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}],\"containers\":[{\"name\":\"c\","
            "\"ports\":[{\"containerPort\":80,\"name\":\"http\"}],\"volumeMounts\":[{\"mountPath\":\"/a\",\"name\":\"v\"}]}]}}",
     "{\"spec\":{\"volumes\":[{\"name\":\"w\",\"configMap\":{\"name\":\"cm\"}}],\"containers\":[{\"name\":\"c\","
     "\"ports\":[{\"containerPort\":80,\"name\":\"web\"}],\"volumeMounts\":[{\"mountPath\":\"/b\",\"name\":\"w\"}]}]}}",
     "{\"spec\":{\"volumes\":[{\"name\":\"w\",\"configMap\":{\"name\":\"cm\"}},{\"name\":\"v\",\"emptyDir\":{}}],"
     "\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":80,\"name\":\"web\"}],"
     "\"volumeMounts\":[{\"mountPath\":\"/b\",\"name\":\"w\"},{\"mountPath\":\"/a\",\"name\":\"v\"}]}]}}"},
    {"Service", "{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"a\"},{\"port\":81,\"name\":\"b\"}],\"selector\":{\"x\":\"1\"}}}",
     "{\"spec\":{\"ports\":[{\"port\":81,\"name\":\"c\"}],\"selector\":{\"y\":\"2\"}}}",
     "{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"a\"},{\"port\":81,\"name\":\"c\"}],\"selector\":{\"x\":\"1\",\"y\":\"2\"}}}"},
    /* ownerReferences by uid, conditions by type, nulls delete and vanish from new values */
    {"Deployment", "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"a\"}]},\"status\":{\"conditions\":[{\"type\":\"A\",\"status\":\"True\"}]}}",
     "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"b\"}],\"labels\":{\"x\":null,\"y\":\"1\"}},"
     "\"status\":{\"conditions\":[{\"type\":\"A\",\"status\":\"False\"}]}}",
     "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"b\"}],\"labels\":{\"y\":\"1\"}},"
     "\"status\":{\"conditions\":[{\"type\":\"A\",\"status\":\"False\"}]}}"},
    {"Pod", "{\"a\":{\"b\":1}}", "{\"a\":null,\"c\":{\"d\":null,\"e\":2}}", "{\"c\":{\"e\":2}}"},
};

static void cases(void) {
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
        cJSON *doc = unit_parse(k_cases[i][1]), *p = unit_parse(k_cases[i][2]), *out = NULL;
        ksrv_status_t st = KSRV_STATUS_INIT;
        int rc = ksrv_strategic_merge_patch(doc, p, k_cases[i][0], &out, &st);
        CHECK_INT(rc, 0);
        /* order-sensitive: compare printed text after a canonical parse */
        cJSON *want = unit_parse(k_cases[i][3]);
        if (!CHECK_JSON(out, want)) fprintf(stderr, "  case %zu\n", i);
        cJSON_Delete(doc); cJSON_Delete(p); cJSON_Delete(out); cJSON_Delete(want);
        ksrv_status_reset(&st);
    }
    /* errors */
    cJSON *doc = unit_parse("{\"spec\":{\"containers\":[{\"name\":\"a\"}]}}"), *out = NULL;
    cJSON *p = unit_parse("{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}");
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_strategic_merge_patch(doc, p, "Pod", &out, &st), -1);
    CHECK_INT(st.http_status, 500);
    ksrv_status_reset(&st);
    cJSON_Delete(p);
    p = unit_parse("[1]");
    CHECK_INT(ksrv_strategic_merge_patch(doc, p, "Pod", &out, &st), -1);
    CHECK_INT(st.http_status, 400);
    cJSON_Delete(p); cJSON_Delete(doc);
    ksrv_status_reset(&st);
}

static void field_table(void) {
    ksrv_field_info_t fi;
    CHECK(ksrv_field_info("Deployment", "spec.template.spec.containers", &fi) && fi.list == KSRV_LIST_MAP);
    CHECK_STR(fi.merge_key, "name");
    CHECK(ksrv_field_info("CronJob", "spec.jobTemplate.spec.template.spec.containers.env", &fi));
    CHECK_STR(fi.merge_key, "name");
    CHECK(ksrv_field_info("Pod", "spec.containers.ports", &fi));
    CHECK_STR(fi.merge_key, "containerPort");
    CHECK_STR(fi.ssa_keys[1], "protocol");
    CHECK(ksrv_field_info("Service", "spec.ports", &fi));
    CHECK_STR(fi.merge_key, "port");
    CHECK(!ksrv_field_info("Pod", "spec.ports", &fi));
    CHECK(ksrv_field_info("Deployment", "spec.selector", &fi) && fi.atomic);
    CHECK(ksrv_field_info("Service", "spec.selector", &fi) && fi.atomic);
    CHECK(ksrv_field_info("Job", "metadata.finalizers", &fi) && fi.list == KSRV_LIST_SET);
    CHECK(!ksrv_field_info("Pod", "spec.tolerations", &fi) && fi.list == KSRV_LIST_ATOMIC);
}

int main(void) {
    recorded("controllers.json", "create Deployment owned by a Foo", "strategic merge patch: containers merged", "Deployment");
    recorded("controllers.json", "strategic merge patch: containers merged", "strategic merge patch: $patch delete", "Deployment");
    recorded("controllers.json", "record core/v1 Event", "aggregate Event", "Event");
    recorded("builtin-resources.json", "create batch/v1 CronJob", "strategic merge patch on a built-in", "CronJob");
    cases();
    field_table();
    return unit_done("apiserver_unit_strategic");
}
