/* error.c - kc_error_t: setting, clearing, naming, and client-go's predicates. */
#include "kc/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kc/alloc.h"

void kc_error_clear(kc_error_t *err)
{
    if (!err)
        return;
    kc_free(err->details);
    memset(err, 0, sizeof(*err));
}

int kc_error_set(kc_error_t *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    /* Format first: the arguments may point into err->message itself. */
    char msg[KC_ERROR_MESSAGE_MAX] = "";
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
    }
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
        msg[--n] = '\0';
    kc_error_clear(err);
    err->code = code;
    memcpy(err->message, msg, n + 1);
    return code;
}

const char *kc_strerror(int code)
{
    switch (code) {
    case KC_OK: return "KC_OK";
    case KC_ENOMEM: return "KC_ENOMEM";
    case KC_EINVAL: return "KC_EINVAL";
    case KC_EPARSE: return "KC_EPARSE";
    case KC_ETYPE: return "KC_ETYPE";
    case KC_ERANGE: return "KC_ERANGE";
    case KC_EAPI: return "KC_EAPI";
    case KC_EIO: return "KC_EIO";
    case KC_ETIMEOUT: return "KC_ETIMEOUT";
    case KC_ECONFIG: return "KC_ECONFIG";
    case KC_ECLOSED: return "KC_ECLOSED";
    case KC_EDEPTH: return "KC_EDEPTH";
    default: return "KC_EUNKNOWN";
    }
}

/* metav1.StatusReason values; the HTTP status stands in only for a reason
 * outside this list (client-go's knownReasons rule). */
static const char *const known_reasons[] = {
    "Unauthorized", "Forbidden", "NotFound", "AlreadyExists", "Conflict", "Gone",
    "Invalid", "ServerTimeout", "StoreReadError", "Timeout", "TooManyRequests",
    "BadRequest", "MethodNotAllowed", "NotAcceptable", "RequestEntityTooLarge",
    "UnsupportedMediaType", "InternalError", "Expired", "ServiceUnavailable",
};

static bool reason_known(const char *reason)
{
    for (size_t i = 0; i < sizeof(known_reasons) / sizeof(known_reasons[0]); i++)
        if (strcmp(reason, known_reasons[i]) == 0)
            return true;
    return false;
}

static bool is_reason(const kc_error_t *err, const char *reason, int status)
{
    if (!err)
        return false;
    if (strcmp(err->reason, reason) == 0)
        return true;
    return status != 0 && err->http_status == status && !reason_known(err->reason);
}

bool kc_error_is_not_found(const kc_error_t *err) { return is_reason(err, "NotFound", 404); }
bool kc_error_is_already_exists(const kc_error_t *err) { return is_reason(err, "AlreadyExists", 409); }
bool kc_error_is_conflict(const kc_error_t *err) { return is_reason(err, "Conflict", 409); }
bool kc_error_is_invalid(const kc_error_t *err) { return is_reason(err, "Invalid", 422); }
bool kc_error_is_bad_request(const kc_error_t *err) { return is_reason(err, "BadRequest", 400); }
bool kc_error_is_unauthorized(const kc_error_t *err) { return is_reason(err, "Unauthorized", 401); }
bool kc_error_is_forbidden(const kc_error_t *err) { return is_reason(err, "Forbidden", 403); }
bool kc_error_is_too_many_requests(const kc_error_t *err) { return is_reason(err, "TooManyRequests", 429); }
bool kc_error_is_unsupported_media_type(const kc_error_t *err)
{
    return is_reason(err, "UnsupportedMediaType", 415);
}

bool kc_error_is_gone(const kc_error_t *err)
{
    return is_reason(err, "Expired", 0) || is_reason(err, "Gone", 410);
}
