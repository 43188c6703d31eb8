/* test_merge_patch.c — RFC 7386 Appendix A and the recorded merge patches. */
#include "patch.h"
#include "unit.h"

static const char *const k_cases[][3] = {
    {"{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
    {"{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"},
    {"{\"a\":\"b\"}", "{\"a\":null}", "{}"},
    {"{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"},
    {"{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
    {"{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"},
    {"{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"},
    {"{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"},
    {"[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"},
    {"{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"},
    {"{\"a\":\"foo\"}", "null", "null"},
    {"{\"a\":\"foo\"}", "\"bar\"", "\"bar\""},
    {"{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"},
    {"[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"},
    {"{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"},
};

int main(void) {
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
        cJSON *doc = unit_parse(k_cases[i][0]), *p = unit_parse(k_cases[i][1]), *out = NULL;
        ksrv_status_t st = KSRV_STATUS_INIT;
        CHECK_INT(ksrv_merge_patch(doc, p, &out, &st), 0);
        if (!CHECK_JSON_TEXT(out, k_cases[i][2])) fprintf(stderr, "  case %zu\n", i);
        cJSON_Delete(doc); cJSON_Delete(p); cJSON_Delete(out);
    }
    /* recorded: merge patch replaces the whole containers list of a Deployment */
    const cJSON *before = unit_resp_json(unit_step("controllers.json", "strategic merge patch: $patch delete"));
    const cJSON *step = unit_step("controllers.json", "merge patch replaces the whole containers");
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_merge_patch(before, unit_req_body(step), &out, &st), 0);
    /* the server then defaults the new container; compare the fields the patch set */
    cJSON *c0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(out, "spec"), "template"), "spec"), "containers"), 0);
    CHECK_JSON_TEXT(c0, "{\"name\":\"only\",\"image\":\"nginx:1.27\"}");
    cJSON_Delete(out);
    /* recorded: merge patch removing a key with null */
    step = unit_step("ascendjob-crud.json", "merge patch removing a key with null");
    const cJSON *prev = unit_resp_json(unit_step("ascendjob-crud.json", "merge patch"));
    CHECK_INT(ksrv_merge_patch(prev, unit_req_body(step), &out, &st), 0);
    cJSON *want = cJSON_Duplicate(unit_resp_json(step), 1);
    unit_strip_volatile(out);
    unit_strip_volatile(want);
    CHECK_JSON(out, want);
    cJSON_Delete(out); cJSON_Delete(want);
    return unit_done("apiserver_unit_merge_patch");
}
