/*
 * status.c - metav1.Status bodies turned into kc_error_t, decoded by the
 * engine itself through two runtime-private descriptors.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "kc/alloc.h"
#include "kc/object.h"

typedef struct status_details {
    int32_t retry_after_seconds;
    kc_unknown_t unknown;
} status_details_t;

typedef struct status {
    char *status;
    char *message;
    char *reason;
    kc_json_t details;
    int32_t code;
    kc_unknown_t unknown;
} status_t;

static const kc_field_t details_fields[] = {
    {"retryAfterSeconds", 17, KC_KIND_INT32, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY,
     offsetof(status_details_t, retry_after_seconds), 0, NULL, "retry_after_seconds"},
};
static const uint16_t details_by_name[] = {0};
static const kc_type_t details_desc = {
    "kc_status_details", sizeof(status_details_t), 1, details_fields, 1, details_by_name,
    (int32_t)offsetof(status_details_t, unknown), NULL,
};

static const kc_field_t status_fields[] = {
    {"status", 6, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY, offsetof(status_t, status), 0,
     NULL, "status"},
    {"message", 7, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY, offsetof(status_t, message),
     0, NULL, "message"},
    {"reason", 6, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY, offsetof(status_t, reason), 0,
     NULL, "reason"},
    {"details", 7, KC_KIND_JSON, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY, offsetof(status_t, details), 0,
     NULL, "details"},
    {"code", 4, KC_KIND_INT32, KC_SHAPE_VALUE, KC_FIELD_OMITEMPTY, offsetof(status_t, code), 0,
     NULL, "code"},
};
/* code, details, message, reason, status */
static const uint16_t status_by_name[] = {4, 3, 1, 2, 0};
static const kc_type_t status_desc = {
    "kc_status", sizeof(status_t), 5, status_fields, 5, status_by_name,
    (int32_t)offsetof(status_t, unknown), NULL,
};

/* A body that is no Status: keep the HTTP status and a printable prefix. */
static int not_a_status(kc_error_t *err, int http_status, const char *json, size_t len)
{
    char snippet[201];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof(snippet) - 1; i++) {
        unsigned char c = (unsigned char)json[i];
        snippet[n++] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
    }
    snippet[n] = '\0';
    kc_error_set(err, KC_EAPI, "HTTP %d: %s", http_status, n ? snippet : "(empty body)");
    if (err)
        err->http_status = http_status;
    return KC_EAPI;
}

int kc_error_from_status(kc_error_t *err, int http_status, const char *json, size_t len)
{
    status_t st;
    kc_error_t derr = KC_ERROR_INIT;
    /* scattered (no block): details.text moves to err below */
    int rc = kc__json_decode_scattered(&status_desc, &st, json, len, "", &derr);
    if (rc == KC_ENOMEM)
        return kc_error_set(err, KC_ENOMEM, "out of memory");
    if (rc)
        return not_a_status(err, http_status, json, len);
    int code = st.code ? st.code : http_status;
    int retry = 0;
    if (st.details.text) {
        status_details_t det;
        rc = kc_json_decode(&details_desc, &det, st.details.text, strlen(st.details.text), NULL);
        if (rc == KC_ENOMEM) {
            kc_object_free(&status_desc, &st);
            return kc_error_set(err, KC_ENOMEM, "out of memory");
        }
        if (rc == 0)
            retry = det.retry_after_seconds;
        kc_object_free(&details_desc, &det);
    }
    if (st.message && st.message[0])
        kc_error_set(err, KC_EAPI, "%s", st.message);
    else if (st.reason && st.reason[0])
        kc_error_set(err, KC_EAPI, "%s (HTTP %d)", st.reason, code);
    else
        kc_error_set(err, KC_EAPI, "the server responded with status %d", code);
    if (err) {
        err->http_status = code;
        if (st.reason)
            snprintf(err->reason, sizeof(err->reason), "%s", st.reason);
        err->retry_after_seconds = retry;
        err->details = st.details.text; /* ownership moves to err */
        st.details.text = NULL;
    }
    kc_object_free(&status_desc, &st);
    return KC_EAPI;
}
