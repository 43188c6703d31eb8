/* test_status.c — ksrv_status_t and its metav1.Status form against recorded bodies. */
#include "status.h"
#include "unit.h"

#include <stdlib.h>

static void invalid_name(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    cJSON *v = cJSON_CreateString("Bad_Name");
    ksrv_status_add_field_error(&st, KSRV_FE_INVALID, "metadata.name", v,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        "'-' or '.', and must start and end with an alphanumeric character (e.g. "
        "'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    cJSON_Delete(v);
    CHECK_INT(ksrv_status_invalid(&st, "mindxdl.gitee.com", "AscendJob", "Bad_Name"), -1);
    cJSON *j = ksrv_status_to_json(&st);
    CHECK_JSON(j, unit_resp_json(unit_step("ascendjob-crud.json", "create with bad name")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);
}

static void required_name(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    ksrv_status_add_field_error(&st, KSRV_FE_REQUIRED, "metadata.name", NULL,
                                "name or generateName is required");
    ksrv_status_invalid(&st, "mindxdl.gitee.com", "AscendJob", "");
    cJSON *j = ksrv_status_to_json(&st);
    CHECK_JSON(j, unit_resp_json(unit_step("ascendjob-crud.json", "create without name")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);
}

static void raw_value_and_several(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    ksrv_status_add_field_error_raw(&st, KSRV_FE_INVALID, "metadata.resourceVersion", "0x0",
                                    "must be specified for an update");
    ksrv_status_invalid(&st, "mindxdl.gitee.com", "ascendjobs", "job-a");
    cJSON *j = ksrv_status_to_json(&st);
    /* recorded message uses the qualified resource; the helper takes kind text as given */
    CHECK_JSON(j, unit_resp_json(unit_step("ascendjob-crud.json", "update without resourceVersion")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);

    cJSON *blue = cJSON_CreateString("blue"), *zero = cJSON_CreateNumber(0), *str = cJSON_CreateString("string");
    ksrv_status_add_field_error(&st, KSRV_FE_NOT_SUPPORTED, "spec.color", blue,
                                "supported values: \"red\", \"green\"");
    ksrv_status_add_field_error(&st, KSRV_FE_INVALID, "spec.size", zero,
                                "spec.size in body should be greater than or equal to 1");
    ksrv_status_add_field_error(&st, KSRV_FE_TYPE_INVALID, "spec.tags", str,
                                "spec.tags in body must be of type array: \"string\"");
    cJSON_Delete(blue); cJSON_Delete(zero); cJSON_Delete(str);
    ksrv_status_invalid(&st, "example.com", "Widget", "w3");
    j = ksrv_status_to_json(&st);
    CHECK_JSON(j, unit_resp_json(unit_step("validation-subresources-scope.json", "create widget breaking")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);
}

static void plain_and_empty_details(void) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    ksrv_status_set(&st, 422, "Invalid", "the server rejected our request due to an error in our request");
    st.has_details = 1;
    cJSON *j = ksrv_status_to_json(&st);
    CHECK_JSON(j, unit_resp_json(unit_step("controllers.json", "json patch with failing test op")));
    cJSON_Delete(j);
    ksrv_status_reset(&st);
    ksrv_status_reset(&st); /* twice is fine */
    ksrv_status_reset(NULL);
    char q[64];
    ksrv_go_quote("a\"b\\c\n\x01", q, sizeof q);
    CHECK_STR(q, "\"a\\\"b\\\\c\\n\\x01\"");
}

int main(void) {
    invalid_name();
    required_name();
    raw_value_and_several();
    plain_and_empty_details();
    return unit_done("apiserver_unit_status");
}
