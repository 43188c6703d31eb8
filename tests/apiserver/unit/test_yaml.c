/* test_yaml.c — YAML typing like sigs.k8s.io/yaml, anchors, documents, errors. */
#include "yaml.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static void one(const char *yaml, const char *want_json) {
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    int rc = ksrv_yaml_parse(yaml, strlen(yaml), &out, NULL, &st);
    CHECK_INT(rc, 0);
    if (rc) fprintf(stderr, "  %s\n", st.message);
    if (!CHECK_JSON_TEXT(out, want_json)) fprintf(stderr, "  yaml: %s\n", yaml);
    cJSON_Delete(out);
    ksrv_status_reset(&st);
}

static void typing(void) {
    one("a: 1\nb: -2\nc: 1.5\nd: 1e3\ne: 0x1F\nf: 0o17\ng: 017\nh: 1_000\n",
        "{\"a\":1,\"b\":-2,\"c\":1.5,\"d\":1000,\"e\":31,\"f\":15,\"g\":15,\"h\":1000}");
    one("a: true\nb: False\nc: yes\nd: off\ne: ~\nf: null\ng:\nh: y\n",
        "{\"a\":true,\"b\":false,\"c\":true,\"d\":false,\"e\":null,\"f\":null,\"g\":null,\"h\":true}");
    one("a: \"1\"\nb: 'true'\nc: !!str 5\nd: |\n  x\n  y\ne: 1.2.3\nf: .5\ng: -.inf\n",
        "{\"a\":\"1\",\"b\":\"true\",\"c\":\"5\",\"d\":\"x\\ny\\n\",\"e\":\"1.2.3\",\"f\":0.5,\"g\":\"-.inf\"}");
    one("1: a\ntrue: b\n", "{\"1\":\"a\",\"true\":\"b\"}");
    one("list:\n- a\n- {b: 1, c: [1, 2]}\n", "{\"list\":[\"a\",{\"b\":1,\"c\":[1,2]}]}");
    one("", "null");
    one("x: 1\nx: 2\n", "{\"x\":2}");
}

static void anchors(void) {
    one("base: &b {image: nginx, pull: Always}\nc1: *b\nc2:\n  <<: *b\n  image: busybox\n",
        "{\"base\":{\"image\":\"nginx\",\"pull\":\"Always\"},\"c1\":{\"image\":\"nginx\",\"pull\":\"Always\"},"
        "\"c2\":{\"image\":\"busybox\",\"pull\":\"Always\"}}");
    one("a: &x 5\nb: [*x, *x]\n", "{\"a\":5,\"b\":[5,5]}");
}

static void big_ints(void) {
    const char *y = "a: 9007199254740993\nb: -9223372036854775808\nc: 18446744073709551615\nd: 9007199254740992\n";
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, NULL, &st), 0);
    char *txt = cJSON_PrintUnformatted(out);
    CHECK_STR(txt, "{\"a\":9007199254740993,\"b\":-9223372036854775808,\"c\":18446744073709551615,\"d\":9007199254740992}");
    int64_t v = 0;
    CHECK(ksrv_json_int64(cJSON_GetObjectItem(out, "a"), &v) && v == 9007199254740993LL);
    CHECK(ksrv_json_int64(cJSON_GetObjectItem(out, "b"), &v) && v == INT64_MIN);
    CHECK(ksrv_json_is_number(cJSON_GetObjectItem(out, "c")));
    CHECK(ksrv_json_int64(cJSON_GetObjectItem(out, "d"), &v) && v == 9007199254740992LL);
    free(txt);
    cJSON_Delete(out);
}

static void documents(void) {
    const char *y = "---\na: 1\n---\n---\nb: 2\n...\n";
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_yaml_parse_all(y, strlen(y), &out, NULL, &st), 0);
    CHECK_JSON_TEXT(out, "[{\"a\":1},{\"b\":2}]");
    cJSON_Delete(out);
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, NULL, &st), 0);
    CHECK_JSON_TEXT(out, "{\"a\":1}");
    cJSON_Delete(out);
}

static void errors(void) {
    const char *y = "a: 1\nb: [1, 2\nc: 3\n";
    cJSON *out = NULL;
    ksrv_yaml_error_t where;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, &where, &st), -1);
    CHECK_INT(st.http_status, 400);
    CHECK_STR(st.reason, "BadRequest");
    CHECK(where.line > 0 && where.column > 0);
    CHECK(strstr(st.message, "error converting YAML to JSON: yaml: line ") == st.message);
    ksrv_status_reset(&st);
    y = "a: b: c\n";
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, &where, &st), -1);
    /* go-yaml prints the 0-based line of this scanner problem and omits "line 0" */
    CHECK_STR(st.message, "error converting YAML to JSON: yaml: mapping values are not allowed in this context");
    CHECK_INT(where.line, 1);
    CHECK_INT(where.column, 5);
    ksrv_status_reset(&st);
    y = "a: *nope\n";
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, &where, &st), -1);
    CHECK(strstr(st.message, "unknown anchor 'nope' referenced") != NULL);
    ksrv_status_reset(&st);
    y = "a: !!int x\n";
    CHECK_INT(ksrv_yaml_parse(y, strlen(y), &out, &where, &st), -1);
    ksrv_status_reset(&st);
}

static void recorded_apply_bodies(void) {
    const cJSON *step = unit_step("controllers.json", "server-side apply creates");
    const char *body = cJSON_GetStringValue(unit_req_body(step));
    cJSON *out = NULL;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_yaml_parse(body, strlen(body), &out, NULL, &st), 0);
    CHECK_JSON_TEXT(out, "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"api\","
        "\"namespace\":\"controllers\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"api\"}},"
        "\"template\":{\"metadata\":{\"labels\":{\"app\":\"api\"}},\"spec\":{\"containers\":[{\"name\":\"api\","
        "\"image\":\"nginx:1.25\"}]}}}}");
    cJSON_Delete(out);
}

int main(void) {
    typing();
    anchors();
    big_ints();
    documents();
    errors();
    recorded_apply_bodies();
    return unit_done("apiserver_unit_yaml");
}
