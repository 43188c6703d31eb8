/*
 * kc/error.h - how libkc reports failure.
 *
 * Every fallible function returns int: 0 on success or a negative KC_E* code,
 * and fills an optional kc_error_t *err (NULL is allowed everywhere) with the
 * details: for API errors the HTTP status and the server's metav1.Status
 * reason and message, for decode errors the JSON path that failed.
 * kc_error_t owns no heap memory except `details` (see kc_error_clear).
 */
#ifndef KC_ERROR_H
#define KC_ERROR_H

#include <stdbool.h>
#include <stddef.h>

enum {
    KC_OK = 0,
    KC_ENOMEM = -1,    /* allocation failed */
    KC_EINVAL = -2,    /* bad argument */
    KC_EPARSE = -3,    /* malformed input text (JSON, YAML, watch stream) */
    KC_ETYPE = -4,     /* well-formed input of the wrong type */
    KC_ERANGE = -5,    /* number out of range for its C type */
    KC_EAPI = -6,      /* the API server answered with an error Status */
    KC_EIO = -7,       /* transport failure (connect, TLS, cut stream) */
    KC_ETIMEOUT = -8,  /* a deadline passed */
    KC_ECONFIG = -9,   /* unusable configuration (kubeconfig, options) */
    KC_ECLOSED = -10,  /* the object was shut down */
    KC_EDEPTH = -11    /* input nested deeper than KC_MAX_DEPTH */
};

#define KC_ERROR_MESSAGE_MAX 512
#define KC_ERROR_REASON_MAX 64

typedef struct kc_error {
    int code;                           /* KC_E*; 0 when no error */
    int http_status;                    /* 0 when not from an HTTP answer */
    char reason[KC_ERROR_REASON_MAX];   /* metav1.Status reason: "NotFound", "Conflict", ... */
    char message[KC_ERROR_MESSAGE_MAX]; /* human-readable, never ends with a newline */
    int retry_after_seconds;            /* from Retry-After / details.retryAfterSeconds */
    char *details;                      /* metav1.Status details as JSON text, owned; may be NULL */
} kc_error_t;

#define KC_ERROR_INIT {0, 0, {0}, {0}, 0, 0}

/* Releases `details` and resets *err to KC_ERROR_INIT.  NULL is a no-op. */
void kc_error_clear(kc_error_t *err);

/* Fills err (if non-NULL) with code and a printf-style message; returns code,
 * so callers can write `return kc_error_set(err, KC_EINVAL, "...")`.  Resets
 * the other fields and releases `details`, so err must hold KC_ERROR_INIT or
 * an earlier error; the arguments may point into err->message. */
int kc_error_set(kc_error_t *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Name of a KC_E* code: "KC_ENOMEM". */
const char *kc_strerror(int code);

/* Fills err from a metav1.Status JSON body (an API error answer, or the
 * object of a watch ERROR event): code KC_EAPI, http_status = the Status's
 * `code` (or `http_status` when it has none), reason, message, details (as
 * JSON text) and details.retryAfterSeconds.  A body that is not a Status
 * still gives KC_EAPI, with the HTTP status and the start of the body as the
 * message.  Returns KC_EAPI, or KC_ENOMEM. */
int kc_error_from_status(kc_error_t *err, int http_status, const char *json, size_t len);

/* client-go's apierrors predicates, from reason (or HTTP status when the
 * server sent no Status). */
bool kc_error_is_not_found(const kc_error_t *err);
bool kc_error_is_already_exists(const kc_error_t *err);
bool kc_error_is_conflict(const kc_error_t *err);
bool kc_error_is_gone(const kc_error_t *err);           /* 410 Expired/Gone */
bool kc_error_is_invalid(const kc_error_t *err);        /* 422 */
bool kc_error_is_bad_request(const kc_error_t *err);
bool kc_error_is_unauthorized(const kc_error_t *err);
bool kc_error_is_forbidden(const kc_error_t *err);
bool kc_error_is_too_many_requests(const kc_error_t *err);
bool kc_error_is_unsupported_media_type(const kc_error_t *err);

#endif /* KC_ERROR_H */
