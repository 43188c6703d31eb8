/* test_table.c — Table answers against the recorded ones. */
#include "table.h"
#include "unit.h"

#include <string.h>

/* Recorded Age cells are "0s": evaluate with now = the objects' creation time. */
#define T_CONTROLLERS 1795480140 /* 2026-11-24T00:29:00Z */
#define T_WIDGETS 1795359061     /* 2026-11-22T14:51:01Z */

static void deployments(void) {
    const cJSON *want = unit_resp_json(unit_step("controllers.json", "Table output for a built-in list"));
    /* items: the stored objects as of the recording (web after scale, api after force apply) */
    cJSON *web = cJSON_Duplicate(unit_resp_json(unit_step("controllers.json", "update scale subresource")), 1);
    (void)web;
    cJSON_Delete(web);
    cJSON *api = cJSON_Duplicate(unit_resp_json(unit_step("controllers.json", "server-side apply with force")), 1);
    cJSON *webobj = cJSON_Duplicate(unit_resp_json(unit_step("controllers.json", "merge patch replaces")), 1);
    /* after the scale update: replicas 3, the Table's metadata shows rv 259 / generation 5 */
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(webobj, "spec"), "replicas", cJSON_CreateNumber(3));
    cJSON *row_md = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(want, "rows"), 1), "object"), "metadata");
    cJSON_ReplaceItemInObject(webobj, "metadata", cJSON_Duplicate(row_md, 1));
    cJSON *items = cJSON_CreateArray();
    cJSON_AddItemToArray(items, api);
    cJSON_AddItemToArray(items, webobj);
    cJSON *lm = unit_parse("{\"resourceVersion\":\"261\"}");
    ksrv_table_opts_t o = {.kind = "Deployment", .now = T_CONTROLLERS};
    cJSON *t = ksrv_table_from_list(items, lm, &o);
    CHECK_JSON(t, want);
    /* member order of the column definitions and metadata as kube writes them */
    char *got = cJSON_PrintUnformatted(cJSON_GetObjectItem(t, "columnDefinitions"));
    char *exp = cJSON_PrintUnformatted(cJSON_GetObjectItem(want, "columnDefinitions"));
    CHECK_STR(got, exp);
    cJSON_free(got);
    cJSON_free(exp);
    cJSON_Delete(t);
    cJSON_Delete(items);
    cJSON_Delete(lm);
}

static void crds(void) {
    /* AscendJob: no additionalPrinterColumns -> Name, Age(date) */
    const cJSON *want = unit_resp_json(unit_step("controllers.json", "Table output for AscendJobs"));
    cJSON *items = cJSON_CreateArray();
    cJSON_AddItemToArray(items, cJSON_Duplicate(unit_resp_json(unit_step("controllers.json", "set AscendJob status")), 1));
    cJSON *lm = unit_parse("{\"resourceVersion\":\"263\"}");
    ksrv_table_opts_t o = {.kind = "AscendJob", .is_crd = true, .now = T_CONTROLLERS};
    cJSON *t = ksrv_table_from_list(items, lm, &o);
    CHECK_JSON(t, want);
    cJSON_Delete(t);
    cJSON_Delete(items);
    cJSON_Delete(lm);

    /* Widget: additionalPrinterColumns Size */
    want = unit_resp_json(unit_step("validation-subresources-scope.json", "table output"));
    const cJSON *crd = unit_req_body(unit_step("crd-registration.json", "create CRD widgets.example.com"));
    const cJSON *pc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(crd, "spec"), "versions"), 0),
                                          "additionalPrinterColumns");
    cJSON *w = cJSON_Duplicate(unit_resp_json(unit_step("validation-subresources-scope.json", "get widget after scale")), 1);
    items = cJSON_CreateArray();
    cJSON_AddItemToArray(items, w);
    lm = unit_parse("{\"resourceVersion\":\"209\"}");
    ksrv_table_opts_t o2 = {.kind = "Widget", .printer_columns = pc, .is_crd = true, .now = T_WIDGETS};
    t = ksrv_table_from_list(items, lm, &o2);
    CHECK_JSON(t, want);
    cJSON_Delete(t);
    o2.include = KSRV_INCLUDE_NONE;
    t = ksrv_table_from_object(w, &o2);
    CHECK_JSON_TEXT(cJSON_GetObjectItem(t, "rows"), "[{\"cells\":[\"w1\",3]}]");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(t, "metadata"), "resourceVersion")), "209");
    cJSON_Delete(t);
    cJSON_Delete(items);
    cJSON_Delete(lm);
}

static void jsonpath_and_columns(void) {
    cJSON *o = unit_parse("{\"metadata\":{\"name\":\"j\",\"creationTimestamp\":\"2026-11-24T00:00:00Z\"},"
        "\"status\":{\"conditions\":[{\"type\":\"Created\",\"status\":\"True\"},{\"type\":\"Running\",\"status\":\"True\"}],"
        "\"n\":2.7,\"when\":\"2026-11-23T23:00:00Z\"},\"spec\":{\"a.b\":{\"c\":[\"x\",\"y\"]}}}");
    cJSON *pc = unit_parse("[{\"name\":\"State\",\"type\":\"string\",\"jsonPath\":\".status.conditions[-1:].type\"},"
        "{\"name\":\"Ready\",\"type\":\"string\",\"jsonPath\":\".status.conditions[?(@.type==\\\"Created\\\")].status\"},"
        "{\"name\":\"N\",\"type\":\"integer\",\"jsonPath\":\".status.n\"},"
        "{\"name\":\"F\",\"type\":\"number\",\"jsonPath\":\".status.n\"},"
        "{\"name\":\"When\",\"type\":\"date\",\"jsonPath\":\".status.when\",\"priority\":1,\"description\":\"d\"},"
        "{\"name\":\"Missing\",\"type\":\"string\",\"jsonPath\":\".status.nope\"},"
        "{\"name\":\"Key\",\"type\":\"string\",\"jsonPath\":\".spec['a.b'].c[1]\"},"
        "{\"name\":\"All\",\"type\":\"string\",\"jsonPath\":\".spec.a\\\\.b.c\"}]");
    ksrv_table_opts_t opt = {.kind = "AscendJob", .printer_columns = pc, .include = KSRV_INCLUDE_NONE,
                             .now = 1795478400 + 3 * 3600 + 65};
    cJSON *t = ksrv_table_from_object(o, &opt);
    CHECK_JSON_TEXT(cJSON_GetObjectItem(t, "rows"),
        "[{\"cells\":[\"j\",\"Running\",\"True\",2,2.7,\"4h1m\",null,\"y\",\"[\\\"x\\\",\\\"y\\\"]\"]}]");
    const cJSON *c4 = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "columnDefinitions"), 5);
    CHECK_JSON_TEXT(c4, "{\"name\":\"When\",\"type\":\"date\",\"format\":\"\",\"description\":\"d\",\"priority\":1}");
    cJSON_Delete(t);
    cJSON_Delete(pc);
    cJSON *v = ksrv_jsonpath_eval(o, "{.status.conditions[*].type}");
    CHECK_STR(cJSON_GetStringValue(v), "Created");
    cJSON_Delete(v);
    CHECK(ksrv_jsonpath_eval(o, "status") == NULL);
    cJSON_Delete(o);
    ksrv_include_object_t io;
    CHECK_INT(ksrv_include_object_parse("Object", &io), 0);
    CHECK_INT(io, KSRV_INCLUDE_OBJECT);
    CHECK_INT(ksrv_include_object_parse("bogus", &io), -1);
}

static void durations(void) {
    static const struct { long long s; const char *want; } k[] = {
        {-5, "<invalid>"}, {-1, "0s"}, {0, "0s"}, {119, "119s"}, {120, "2m"}, {130, "2m10s"},
        {600, "10m"}, {3 * 3600 - 1, "179m"}, {3 * 3600, "3h"}, {3 * 3600 + 60, "3h1m"},
        {8 * 3600, "8h"}, {47 * 3600, "47h"}, {48 * 3600, "2d"}, {50 * 3600, "2d2h"},
        {8 * 86400, "8d"}, {730 * 86400, "2y"}, {731 * 86400, "2y1d"}, {9 * 365 * 86400LL, "9y"}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        char b[32];
        ksrv_human_duration(k[i].s, b, sizeof b);
        CHECK_STR(b, k[i].want);
    }
}

static void builtins(void) {
    const cJSON *pod = unit_resp_json(unit_step("builtin-resources.json", "create Pod"));
    ksrv_table_opts_t o = {.kind = "Pod", .include = KSRV_INCLUDE_NONE, .now = 0};
    cJSON *t = ksrv_table_from_object(pod, &o);
    const cJSON *cells = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0), "cells");
    CHECK_INT(cJSON_GetArraySize(cells), 9);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 1)), "0/1");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 2)), "Pending");
    cJSON_Delete(t);
    const cJSON *cj = unit_resp_json(unit_step("builtin-resources.json", "strategic merge patch on a built-in"));
    o.kind = "CronJob";
    t = ksrv_table_from_object(cj, &o);
    cells = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0), "cells");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 1)), "*/1 * * * *");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 2)), "True");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 4)), "<none>");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 6)), "hello");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 8)), "<none>");
    cJSON_Delete(t);
    const cJSON *svc = unit_resp_json(unit_step("builtin-resources.json", "create Service"));
    o.kind = "Service";
    t = ksrv_table_from_object(svc, &o);
    cells = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "rows"), 0), "cells");
    CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 1)), "ClusterIP");
    CHECK(strstr(cJSON_GetStringValue(cJSON_GetArrayItem(cells, 4)), "/TCP") != NULL);
    cJSON_Delete(t);
}

int main(void) {
    deployments();
    crds();
    jsonpath_and_columns();
    durations();
    builtins();
    return unit_done("apiserver_unit_table");
}
