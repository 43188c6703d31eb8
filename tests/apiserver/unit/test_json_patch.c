/* test_json_patch.c — RFC 6902 Appendix A examples and the recorded failures. */
#include "patch.h"
#include "unit.h"

#include <stdlib.h>

/* doc, patch, expected result (NULL: the patch must fail with 422). */
static const char *const k_cases[][3] = {
    /* A.1 */ {"{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]",
               "{\"baz\":\"qux\",\"foo\":\"bar\"}"},
    /* A.2 */ {"{\"foo\":[\"bar\",\"baz\"]}", "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]",
               "{\"foo\":[\"bar\",\"qux\",\"baz\"]}"},
    /* A.3 */ {"{\"baz\":\"qux\",\"foo\":\"bar\"}", "[{\"op\":\"remove\",\"path\":\"/baz\"}]",
               "{\"foo\":\"bar\"}"},
    /* A.4 */ {"{\"foo\":[\"bar\",\"qux\",\"baz\"]}", "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]",
               "{\"foo\":[\"bar\",\"baz\"]}"},
    /* A.5 */ {"{\"baz\":\"qux\",\"foo\":\"bar\"}", "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]",
               "{\"baz\":\"boo\",\"foo\":\"bar\"}"},
    /* A.6 */ {"{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}",
               "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]",
               "{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}"},
    /* A.7 */ {"{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}",
               "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]",
               "{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}"},
    /* A.8 */ {"{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
               "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]",
               "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}"},
    /* A.9 */ {"{\"baz\":\"qux\"}", "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]", NULL},
    /* A.10 */ {"{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]",
                "{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}"},
    /* A.11 */ {"{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]",
                "{\"foo\":\"bar\",\"baz\":\"qux\"}"},
    /* A.12 */ {"{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]", NULL},
    /* A.14 */ {"{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]",
                "{\"/\":9,\"~1\":10}"},
    /* A.15 */ {"{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]", NULL},
    /* A.16 */ {"{\"foo\":[\"bar\"]}", "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]",
                "{\"foo\":[\"bar\",[\"abc\",\"def\"]]}"},
    /* extra */ {"{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"/b\"}]", NULL},
    {"{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"/b\",\"value\":2}]", NULL},
    {"{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/5\",\"value\":2}]", NULL},
    {"{\"a\":[1]}", "[{\"op\":\"add\",\"path\":\"/a/01\",\"value\":2}]", NULL},
    {"{\"a\":{\"b\":1}}", "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/c\"}]",
     "{\"a\":{\"b\":1},\"c\":{\"b\":1}}"},
    {"{\"a\":1}", "[{\"op\":\"frob\",\"path\":\"/a\"}]", NULL},
    {"{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]", "[1]"},
    {"{\"a\":null}", "[{\"op\":\"test\",\"path\":\"/a\",\"value\":null}]", "{\"a\":null}"},
};

static void rfc_cases(void) {
    for (size_t i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
        cJSON *doc = unit_parse(k_cases[i][0]), *p = unit_parse(k_cases[i][1]), *out = NULL;
        ksrv_status_t st = KSRV_STATUS_INIT;
        int rc = ksrv_json_patch(doc, p, &out, &st);
        if (k_cases[i][2]) {
            CHECK_INT(rc, 0);
            if (!CHECK_JSON_TEXT(out, k_cases[i][2])) fprintf(stderr, "  case %zu\n", i);
        } else {
            CHECK_INT(rc, -1);
            CHECK_INT(st.http_status, 422);
            CHECK(out == NULL);
        }
        cJSON_Delete(doc); cJSON_Delete(p); cJSON_Delete(out);
        ksrv_status_reset(&st);
    }
}

static void recorded_failures(void) {
    const char *steps[][2] = {{"ascendjob-crud.json", "json patch failing test op"},
                              {"controllers.json", "json patch with failing test op"}};
    for (int i = 0; i < 2; i++) {
        const cJSON *step = unit_step(steps[i][0], steps[i][1]);
        cJSON *doc = unit_parse("{\"spec\":{\"schedulerName\":\"volcano\",\"replicas\":1}}"), *out = NULL;
        ksrv_status_t st = KSRV_STATUS_INIT;
        CHECK_INT(ksrv_json_patch(doc, unit_req_body(step), &out, &st), -1);
        cJSON *j = ksrv_status_to_json(&st);
        CHECK_JSON(j, unit_resp_json(step));
        cJSON_Delete(j); cJSON_Delete(doc);
        ksrv_status_reset(&st);
    }
    /* the recorded successful json patch */
    const cJSON *step = unit_step("ascendjob-crud.json", "json patch");
    cJSON *doc = unit_parse("{\"metadata\":{\"name\":\"job-a\",\"labels\":{\"app\":\"ascend\"}},\"spec\":{\"schedulerName\":\"x\"}}");
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_json_patch(doc, unit_req_body(step), &out, &st), 0);
    const cJSON *want = unit_resp_json(step);
    const cJSON *ws = cJSON_GetObjectItemCaseSensitive(want, "spec");
    CHECK_JSON(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(out, "spec"), "schedulerName"),
               cJSON_GetObjectItemCaseSensitive(ws, "schedulerName"));
    cJSON_Delete(doc); cJSON_Delete(out);
    /* not an array: 400 */
    cJSON *bad = unit_parse("{\"op\":\"add\"}");
    doc = unit_parse("{}");
    CHECK_INT(ksrv_json_patch(doc, bad, &out, &st), -1);
    CHECK_INT(st.http_status, 400);
    CHECK_STR(st.message, "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    cJSON_Delete(bad); cJSON_Delete(doc);
    ksrv_status_reset(&st);
}

static void content_types(void) {
    CHECK_INT(ksrv_patch_type("application/json-patch+json"), KSRV_PATCH_JSON);
    CHECK_INT(ksrv_patch_type("application/merge-patch+json; charset=utf-8"), KSRV_PATCH_MERGE);
    CHECK_INT(ksrv_patch_type("application/strategic-merge-patch+json"), KSRV_PATCH_STRATEGIC);
    CHECK_INT(ksrv_patch_type("application/apply-patch+yaml"), KSRV_PATCH_APPLY);
    CHECK_INT(ksrv_patch_type("application/json"), KSRV_PATCH_UNKNOWN);
    ksrv_status_t st = KSRV_STATUS_INIT;
    ksrv_patch_unsupported(&st, true);
    cJSON *j = ksrv_status_to_json(&st);
    CHECK_JSON(j, unit_resp_json(unit_step("ascendjob-crud.json", "strategic merge patch on a custom")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);
}

int main(void) {
    rfc_cases();
    recorded_failures();
    content_types();
    return unit_done("apiserver_unit_json_patch");
}
