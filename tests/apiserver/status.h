/* status.h — the error value every object-semantics function of the test API server fills,
 * and its metav1.Status wire form.
 *
 * Convention for all ksrv_ functions: return 0 on success, -1 on failure with *st filled
 * (http_status != 0). A ksrv_status_t starts zeroed (KSRV_STATUS_INIT or ksrv_status_init())
 * and must be released with ksrv_status_reset() (frees `causes`); reset on a zeroed value is a
 * no-op. Not thread-shared: one per request. */
#ifndef KSRV_STATUS_H
#define KSRV_STATUS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#define KSRV_STATUS_MESSAGE_MAX 4096

typedef struct ksrv_status {
    int http_status;                       /* HTTP code == Status.code; 0: no error */
    char reason[64];                       /* Status.reason ("Invalid", "Conflict"...); "" omits */
    char message[KSRV_STATUS_MESSAGE_MAX]; /* Status.message */
    cJSON *causes;                         /* owned: array of {reason,message,field} or NULL */
    /* Status.details. Written when has_details is set or any member below is non-empty or
     * causes is non-NULL; empty strings are omitted like Go's omitempty, so has_details with
     * nothing else gives the recorded `"details": {}`. */
    int has_details;
    char details_name[256];
    char details_group[256];
    char details_kind[256];
    char details_uid[64];
    int retry_after_seconds; /* details.retryAfterSeconds when > 0 */
} ksrv_status_t;

#define KSRV_STATUS_INIT {0}

void ksrv_status_init(ksrv_status_t *st);
/* Frees causes and zeroes *st. NULL-safe. */
void ksrv_status_reset(ksrv_status_t *st);

/* Sets code, reason and a printf-formatted message (truncated to fit). Keeps causes and
 * details. Always returns -1 so callers can `return ksrv_status_set(...)`. */
int ksrv_status_set(ksrv_status_t *st, int code, const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* snprintf that may cut its output on purpose (messages, names bounded by the
 * API's own limits); returns true when it did.  A function rather than
 * snprintf so the compiler's truncation warnings stay meaningful elsewhere. */
bool ksrv_fmt(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Sets details name/group/kind (NULL = leave empty) and has_details. */
void ksrv_status_set_details(ksrv_status_t *st, const char *name, const char *group,
                             const char *kind);

/* Appends a StatusCause {reason, message, field}; NULL/"" members are omitted. */
void ksrv_status_add_cause(ksrv_status_t *st, const char *reason, const char *message,
                           const char *field);

/* ---- field errors (k8s.io/apimachinery/pkg/util/validation/field), aggregated like
 * errors.NewInvalid ---- */
typedef enum ksrv_field_error_type {
    KSRV_FE_REQUIRED,      /* FieldValueRequired     "Required value" */
    KSRV_FE_INVALID,       /* FieldValueInvalid      "Invalid value: <v>" */
    KSRV_FE_NOT_SUPPORTED, /* FieldValueNotSupported "Unsupported value: <v>" */
    KSRV_FE_TYPE_INVALID,  /* FieldValueTypeInvalid  "Invalid value: <v>" */
    KSRV_FE_DUPLICATE,     /* FieldValueDuplicate    "Duplicate value: <v>" */
    KSRV_FE_FORBIDDEN,     /* FieldValueForbidden    "Forbidden" */
    KSRV_FE_TOO_LONG,      /* FieldValueTooLong      "Too long" */
    KSRV_FE_TOO_MANY,      /* FieldValueTooMany      "Too many" */
    KSRV_FE_NOT_FOUND,     /* FieldValueNotFound     "Not found: <v>" */
    KSRV_FE_INTERNAL       /* InternalError          "Internal error" */
} ksrv_field_error_type_t;

/* Adds one field error as a cause. `bad_value` is printed the way field.Error.ErrorBody does
 * (strings quoted with Go %q, numbers and bools %v, null "null"); NULL omits the value
 * ("Invalid value" alone). `detail` (may be NULL) is appended after ": ". */
void ksrv_status_add_field_error(ksrv_status_t *st, ksrv_field_error_type_t type,
                                 const char *field, const cJSON *bad_value, const char *detail);
/* Same with the value already printed (e.g. "0x0" for Go's %#v of a uint64). */
void ksrv_status_add_field_error_raw(ksrv_status_t *st, ksrv_field_error_type_t type,
                                     const char *field, const char *value_repr,
                                     const char *detail);

/* Turns the accumulated field-error causes into errors.NewInvalid: 422, reason Invalid,
 * details {name, group, kind, causes}, message
 *   `<Kind>.<group> "<name>" is invalid: <field>: <body>`           (one cause)
 *   `<Kind>.<group> "<name>" is invalid: [<f1>: <b1>, <f2>: <b2>]`  (several; duplicates
 *                                                                    dropped like Go)
 * The qualified kind is "Kind" alone when group is "" (core). Returns -1. */
int ksrv_status_invalid(ksrv_status_t *st, const char *group, const char *kind,
                        const char *name);

/* The metav1.Status body, members in the recorded order: kind, apiVersion, metadata, status
 * ("Failure" when http_status >= 400 else "Success"), message, reason, details, code.
 * Caller owns the result. */
cJSON *ksrv_status_to_json(const ksrv_status_t *st);

/* Go's strconv.Quote of a UTF-8 string into buf (always NUL-terminated). Shared helper. */
void ksrv_go_quote(const char *s, char *buf, size_t n);

#endif
