/* yaml.h — YAML to cJSON the way sigs.k8s.io/yaml (go-yaml v2 + JSON conversion) reads it.
 *
 * Scalar typing (plain, i.e. unquoted, scalars only; quoted and block scalars stay strings):
 *   null: ~, null, Null, NULL, empty          bool: true/false/yes/no/on/off (YAML 1.1, any
 *   int: decimal, 0x hex, 0o/leading-0 octal,  case form go-yaml accepts: true True TRUE...)
 *        0b binary, with '_' separators         float: 1.5, 1e3, .inf, -.Inf, .nan
 * Explicit tags !!str, !!int, !!float, !!bool, !!null are honoured.
 * Anchors (&a), aliases (*a) and merge keys (<<: *a) are expanded (copies).
 * Map keys that are not strings are converted to their text like sigs.k8s.io/yaml does.
 *
 * Big integers: cJSON keeps numbers as doubles (exact to 2^53) and prints them with %1.15g
 * (exact below 10^15). An integer with more than 15 digits is therefore returned as a
 * cJSON_Raw node holding its decimal digits, so cJSON_Print writes it back exactly (int64 and
 * uint64 alike); ksrv_json_int64() and ksrv_json_is_number() accept both forms. */
#ifndef KSRV_YAML_H
#define KSRV_YAML_H

#include "status.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where parsing failed (1-based); zero when unknown. */
typedef struct ksrv_yaml_error {
    int line, column;
    char problem[256];
} ksrv_yaml_error_t;

/* Parses the first document of `text` (len bytes). An empty document gives cJSON null.
 * On error returns -1, fills *where (may be NULL) and *st with 400 BadRequest whose message is
 * "error converting YAML to JSON: yaml: line L: <problem>" (the sigs.k8s.io/yaml text the
 * server wraps; callers prepend their own context such as "error decoding YAML: "). */
int ksrv_yaml_parse(const char *text, size_t len, cJSON **out, ksrv_yaml_error_t *where,
                    ksrv_status_t *st);

/* All documents ("---" separated) as a cJSON array; empty documents are skipped. */
int ksrv_yaml_parse_all(const char *text, size_t len, cJSON **out_array,
                        ksrv_yaml_error_t *where, ksrv_status_t *st);

/* True when j is an integral number (cJSON number with an integral value, or a Raw big
 * integer from this parser); stores it in *out (saturating for Raw beyond int64). */
bool ksrv_json_int64(const cJSON *j, int64_t *out);

/* True for cJSON numbers and Raw big integers. */
bool ksrv_json_is_number(const cJSON *j);

#endif
