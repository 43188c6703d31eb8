/* schema.h — structural OpenAPI v3 schemas of CRDs (spec.versions[].schema.openAPIV3Schema):
 * pruning, defaulting and validation as apiextensions-apiserver does them, plus the
 * ObjectMeta name checks every create runs.
 *
 * Order on a write of a custom resource (what ksrv_schema_admit() does):
 *   1. prune unknown fields (x-kubernetes-preserve-unknown-fields keeps them; metadata is
 *      pruned to ObjectMeta fields; x-kubernetes-embedded-resource keeps apiVersion, kind,
 *      metadata) and collect their paths ("spec.unknownField", "spec.list[0].x");
 *   2. fieldValidation: Strict + pruned -> 400 BadRequest
 *        `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error:
 *         unknown field "spec.a", unknown field "spec.b"`;
 *      Warn -> one warning text per field: `unknown field "spec.a"` (the core sends each as
 *      `Warning: 299 - "<text>"`); Ignore -> nothing;
 *   3. apply `default`s (only where the parent object exists);
 *   4. validate -> 422 Invalid (errors.NewInvalid shape, see status.h) with causes sorted by
 *      field like the recordings:
 *        Required value                                    FieldValueRequired
 *        Unsupported value: "blue": supported values: "red", "green"   FieldValueNotSupported
 *        Invalid value: 0: spec.size in body should be greater than or equal to 1
 *        Invalid value: "string": spec.tags in body must be of type array: "string"
 *                                                           FieldValueTypeInvalid
 *      (minimum/maximum incl. exclusive, minLength/maxLength, minItems/maxItems, pattern,
 *       enum, type incl. integer/number, nullable, x-kubernetes-int-or-string). */
#ifndef KSRV_SCHEMA_H
#define KSRV_SCHEMA_H

#include "status.h"

#include <cjson/cJSON.h>
#include <stdbool.h>

typedef enum ksrv_field_validation {
    KSRV_FV_DEFAULT = 0, /* parameter absent: Warn on 1.27+ servers; the recorded server
                            pruned silently, so the default behaves like Ignore */
    KSRV_FV_IGNORE,
    KSRV_FV_WARN,
    KSRV_FV_STRICT
} ksrv_field_validation_t;

/* "Ignore" | "Warn" | "Strict" | NULL/"" -> value. Anything else: -1 with the server's 422
 * `<options_kind>.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "x":
 * supported values: "", "Ignore", "Strict", "Warn"` (options_kind "CreateOptions",
 * "UpdateOptions" or "PatchOptions"). */
int ksrv_field_validation_parse(const char *s, const char *options_kind,
                                ksrv_field_validation_t *out, ksrv_status_t *st);

/* Removes fields `schema` does not declare; appends each removed path (string) to `pruned`
 * when not NULL. Returns the number removed. */
int ksrv_schema_prune(const cJSON *schema, cJSON *obj, cJSON *pruned);

/* Applies `default` values of `schema` to obj (deep copies). */
void ksrv_schema_default(const cJSON *schema, cJSON *obj);

/* Validates obj, adding field errors to st (no message/code set: call ksrv_status_invalid()
 * afterwards when it returns > 0). Returns the number of errors. metadata is not validated
 * here (see ksrv_validate_object_meta). */
int ksrv_schema_validate(const cJSON *schema, const cJSON *obj, ksrv_status_t *st);

/* metadata checks of a create: name or generateName required ("metadata.name: Required value:
 * name or generateName is required"), name a DNS-1123 subdomain (message as recorded),
 * generateName prefix likewise. Adds field errors; returns their count. */
int ksrv_validate_object_meta(const cJSON *obj, bool is_create, ksrv_status_t *st);

/* Steps 1-4 above for a custom resource. `kind`/`group`/`version` name it for messages;
 * `warnings` (may be NULL) receives warning strings. Returns 0 or -1 with *st filled
 * (400 Strict, 422 Invalid). Does not run ksrv_validate_object_meta. */
int ksrv_schema_admit(const cJSON *schema, cJSON *obj, const char *group, const char *version,
                      const char *kind, ksrv_field_validation_t fv, cJSON *warnings,
                      ksrv_status_t *st);

#endif
