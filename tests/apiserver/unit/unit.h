/* unit.h — tiny assertion helpers and recorded-scenario access for the apiserver unit tests. */
#ifndef KSRV_UNIT_H
#define KSRV_UNIT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

extern int unit_failures, unit_checks;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        unit_checks++;                                                                \
        if (!(cond)) {                                                                \
            unit_failures++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                             \
    } while (0)

#define CHECK_STR(a, b) unit_check_str(__FILE__, __LINE__, (a), (b))
#define CHECK_INT(a, b) unit_check_int(__FILE__, __LINE__, (long long)(a), (long long)(b))
/* Compares JSON values structurally (object member order ignored). */
#define CHECK_JSON(got, want) unit_check_json(__FILE__, __LINE__, (got), (want))
#define CHECK_JSON_TEXT(got, text) unit_check_json_text(__FILE__, __LINE__, (got), (text))

void unit_check_str(const char *file, int line, const char *got, const char *want);
void unit_check_int(const char *file, int line, long long got, long long want);
bool unit_check_json(const char *file, int line, const cJSON *got, const cJSON *want);
bool unit_check_json_text(const char *file, int line, const cJSON *got, const char *want);
/* Structural equality, object member order ignored. */
bool unit_json_equal(const cJSON *a, const cJSON *b);

/* Loads KSRV_TESTDATA/<file> (cached; never freed before exit). */
const cJSON *unit_scenario(const char *file);
/* The step of a scenario whose label starts with `label_prefix` (NULL if none). */
const cJSON *unit_step(const char *file, const char *label_prefix);
/* step.request.body / step.response.json */
const cJSON *unit_req_body(const cJSON *step);
const cJSON *unit_resp_json(const cJSON *step);
/* Deletes members that change per run (uid, resourceVersion, timestamps, generation). */
void unit_strip_volatile(cJSON *obj);
cJSON *unit_parse(const char *text);

int unit_done(const char *name);

#endif
