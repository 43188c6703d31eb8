/* test_schema.c — pruning, defaulting and validation against the recorded Widget CRD. */
#include "schema.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static const cJSON *widget_schema(void) {
    const cJSON *crd = unit_req_body(unit_step("crd-registration.json", "create CRD widgets.example.com"));
    const cJSON *v0 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(crd, "spec"), "versions"), 0);
    return cJSON_GetObjectItem(cJSON_GetObjectItem(v0, "schema"), "openAPIV3Schema");
}

static int admit_step(const char *label, ksrv_field_validation_t fv, cJSON **obj_out, ksrv_status_t *st,
                      cJSON *warnings) {
    cJSON *obj = cJSON_Duplicate(unit_req_body(unit_step("validation-subresources-scope.json", label)), 1);
    int rc = ksrv_schema_admit(widget_schema(), obj, "example.com", "v1", "Widget", fv, warnings, st);
    *obj_out = obj;
    return rc;
}

static void recorded(void) {
    cJSON *obj;
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(admit_step("create widget (unknown field is pruned)", KSRV_FV_DEFAULT, &obj, &st, NULL), 0);
    const cJSON *want = unit_resp_json(unit_step("validation-subresources-scope.json", "create widget (unknown"));
    CHECK_JSON(cJSON_GetObjectItem(obj, "spec"), cJSON_GetObjectItem(want, "spec"));
    cJSON_Delete(obj);

    const char *bad[] = {"create widget missing required field", "create widget breaking minimum"};
    for (int i = 0; i < 2; i++) {
        CHECK_INT(admit_step(bad[i], KSRV_FV_STRICT, &obj, &st, NULL), -1);
        cJSON *j = ksrv_status_to_json(&st);
        CHECK_JSON(j, unit_resp_json(unit_step("validation-subresources-scope.json", bad[i])));
        cJSON_Delete(j);
        cJSON_Delete(obj);
        ksrv_status_reset(&st);
    }
}

static void field_validation(void) {
    cJSON *obj, *warnings = cJSON_CreateArray();
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(admit_step("create widget (unknown field is pruned)", KSRV_FV_STRICT, &obj, &st, NULL), -1);
    CHECK_INT(st.http_status, 400);
    CHECK_STR(st.reason, "BadRequest");
    CHECK_STR(st.message, "Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: "
                          "unknown field \"spec.unknownField\"");
    cJSON_Delete(obj);
    ksrv_status_reset(&st);
    CHECK_INT(admit_step("create widget (unknown field is pruned)", KSRV_FV_WARN, &obj, &st, warnings), 0);
    CHECK_JSON_TEXT(warnings, "[\"unknown field \\\"spec.unknownField\\\"\"]");
    cJSON_Delete(obj);
    cJSON_Delete(warnings);
    ksrv_field_validation_t fv;
    CHECK_INT(ksrv_field_validation_parse("Warn", "CreateOptions", &fv, &st), 0);
    CHECK_INT(fv, KSRV_FV_WARN);
    CHECK_INT(ksrv_field_validation_parse("Bogus", "PatchOptions", &fv, &st), -1);
    CHECK_STR(st.message, "PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: "
                          "\"Bogus\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    ksrv_status_reset(&st);
}

static void keywords(void) {
    cJSON *s = unit_parse(
        "{\"type\":\"object\",\"properties\":{"
        "\"metadata\":{\"type\":\"object\"},"
        "\"spec\":{\"type\":\"object\",\"properties\":{"
        "  \"name\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":5,\"pattern\":\"^[a-z]+\\\\d?$\"},"
        "  \"n\":{\"type\":\"integer\",\"minimum\":0,\"exclusiveMinimum\":true,\"maximum\":3,\"exclusiveMaximum\":true},"
        "  \"f\":{\"type\":\"number\"},"
        "  \"list\":{\"type\":\"array\",\"minItems\":1,\"maxItems\":2,\"items\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"default\":\"x\"}}}},"
        "  \"ios\":{\"x-kubernetes-int-or-string\":true},"
        "  \"opt\":{\"type\":\"string\",\"nullable\":true},"
        "  \"free\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true},"
        "  \"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}},"
        "  \"emb\":{\"type\":\"object\",\"x-kubernetes-embedded-resource\":true,\"properties\":{\"spec\":{\"type\":\"object\"}}},"
        "  \"d\":{\"type\":\"string\",\"default\":\"dflt\"}"
        "}}}}");
    cJSON *obj = unit_parse(
        "{\"apiVersion\":\"x/v1\",\"kind\":\"K\",\"metadata\":{\"name\":\"a\",\"bogus\":1},"
        "\"spec\":{\"name\":\"ab\",\"n\":3,\"f\":1,\"list\":[{\"b\":1}],\"ios\":\"25%\",\"opt\":null,"
        "\"free\":{\"any\":{\"thing\":1}},\"m\":{\"k\":\"v\"},"
        "\"emb\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"zz\":1},\"spec\":{},\"junk\":1}}}");
    cJSON *pruned = cJSON_CreateArray();
    CHECK_INT(ksrv_schema_prune(s, obj, pruned), 4);
    CHECK_JSON_TEXT(pruned, "[\"metadata.bogus\",\"spec.list[0].b\",\"spec.emb.metadata.zz\",\"spec.emb.junk\"]");
    ksrv_schema_default(s, obj);
    CHECK_JSON_TEXT(cJSON_GetObjectItem(obj, "spec"),
        "{\"name\":\"ab\",\"n\":3,\"f\":1,\"list\":[{\"a\":\"x\"}],\"ios\":\"25%\",\"opt\":null,"
        "\"free\":{\"any\":{\"thing\":1}},\"m\":{\"k\":\"v\"},"
        "\"emb\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{}},\"d\":\"dflt\"}");
    ksrv_status_t st = KSRV_STATUS_INIT;
    CHECK_INT(ksrv_schema_validate(s, obj, &st), 3);
    ksrv_status_invalid(&st, "x", "K", "a");
    CHECK_STR(st.message, "K.x \"a\" is invalid: [spec.m[k]: Invalid value: \"string\": spec.m[k] in body must be of type integer: \"string\", "
                          "spec.n: Invalid value: 3: spec.n in body should be less than 3, "
                          "spec.name: Invalid value: \"ab\": spec.name in body should be at least 3 chars long]");
    ksrv_status_reset(&st);
    cJSON_Delete(obj);
    obj = unit_parse("{\"spec\":{\"name\":\"AB1\",\"n\":0,\"f\":\"x\",\"list\":[],\"ios\":true,\"opt\":1}}");
    CHECK_INT(ksrv_schema_validate(s, obj, &st), 6);
    char *txt = cJSON_PrintUnformatted(st.causes);
    CHECK(strstr(txt, "spec.name in body should match '^[a-z]+\\\\d?$'") != NULL);
    CHECK(strstr(txt, "spec.n in body should be greater than 0") != NULL);
    CHECK(strstr(txt, "spec.list in body should have at least 1 items") != NULL);
    CHECK(strstr(txt, "spec.f in body must be of type number: \\\"string\\\"") != NULL);
    CHECK(strstr(txt, "spec.opt in body must be of type string: \\\"integer\\\"") != NULL);
    free(txt);
    ksrv_status_reset(&st);
    cJSON_Delete(obj);
    obj = unit_parse("{\"spec\":{\"name\":\"abcdef\"}}");
    CHECK_INT(ksrv_schema_validate(s, obj, &st), 1);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(st.causes, 0), "message")),
              "Invalid value: \"abcdef\": spec.name in body should be at most 5 chars long");
    ksrv_status_reset(&st);
    cJSON_Delete(obj);
    cJSON_Delete(pruned);
    cJSON_Delete(s);
}

static void object_meta(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    const char *steps[] = {"create without name", "create with bad name"};
    for (int i = 0; i < 2; i++) {
        const cJSON *step = unit_step("ascendjob-crud.json", steps[i]);
        const cJSON *body = unit_req_body(step);
        CHECK_INT(ksrv_validate_object_meta(body, true, &st), 1);
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(body, "metadata"), "name"));
        ksrv_status_invalid(&st, "mindxdl.gitee.com", "AscendJob", name ? name : "");
        cJSON *j = ksrv_status_to_json(&st);
        CHECK_JSON(j, unit_resp_json(step));
        cJSON_Delete(j);
        ksrv_status_reset(&st);
    }
    cJSON *o = unit_parse("{\"metadata\":{\"generateName\":\"job-\"}}");
    CHECK_INT(ksrv_validate_object_meta(o, true, &st), 0);
    cJSON_Delete(o);
    o = unit_parse("{\"metadata\":{\"generateName\":\"Job-\"}}");
    CHECK_INT(ksrv_validate_object_meta(o, true, &st), 1);
    cJSON_Delete(o);
    ksrv_status_reset(&st);
}

int main(void) {
    recorded();
    field_validation();
    keywords();
    object_meta();
    return unit_done("apiserver_unit_schema");
}
