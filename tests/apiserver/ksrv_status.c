/* ksrv_status.c — ksrv_status_t (status.h): field errors and metav1.Status bodies. */
#define _POSIX_C_SOURCE 200809L
#include "status.h"

#include <math.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ksrv_status_init(ksrv_status_t *st) { memset(st, 0, sizeof *st); }

void ksrv_status_reset(ksrv_status_t *st) {
    if (!st) return;
    cJSON_Delete(st->causes);
    memset(st, 0, sizeof *st);
}

int ksrv_status_set(ksrv_status_t *st, int code, const char *reason, const char *fmt, ...) {
    if (!st) return -1;
    st->http_status = code;
    snprintf(st->reason, sizeof st->reason, "%s", reason ? reason : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->message, sizeof st->message, fmt, ap);
    va_end(ap);
    return -1;
}

void ksrv_status_set_details(ksrv_status_t *st, const char *name, const char *group,
                             const char *kind) {
    st->has_details = 1;
    if (name) snprintf(st->details_name, sizeof st->details_name, "%s", name);
    if (group) snprintf(st->details_group, sizeof st->details_group, "%s", group);
    if (kind) snprintf(st->details_kind, sizeof st->details_kind, "%s", kind);
}

void ksrv_status_add_cause(ksrv_status_t *st, const char *reason, const char *message,
                           const char *field) {
    if (!st->causes) st->causes = cJSON_CreateArray();
    cJSON *c = cJSON_CreateObject();
    if (reason && *reason) cJSON_AddStringToObject(c, "reason", reason);
    if (message && *message) cJSON_AddStringToObject(c, "message", message);
    if (field && *field) cJSON_AddStringToObject(c, "field", field);
    cJSON_AddItemToArray(st->causes, c);
}

void ksrv_go_quote(const char *s, char *buf, size_t n) {
    size_t o = 0;
    if (n == 0) return;
#define PUT(ch) do { if (o + 1 < n) buf[o++] = (char)(ch); } while (0)
    PUT('"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        unsigned c = *p;
        const char *esc = NULL;
        char hex[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case '\a': esc = "\\a"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\v': esc = "\\v"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                snprintf(hex, sizeof hex, "\\x%02x", c);
                esc = hex;
            }
        }
        if (esc)
            for (; *esc; esc++) PUT(*esc);
        else
            PUT(c);
    }
    PUT('"');
    buf[o] = '\0';
#undef PUT
}

static const char *fe_type_text(ksrv_field_error_type_t t) {
    switch (t) {
    case KSRV_FE_REQUIRED: return "Required value";
    case KSRV_FE_INVALID: return "Invalid value";
    case KSRV_FE_NOT_SUPPORTED: return "Unsupported value";
    case KSRV_FE_TYPE_INVALID: return "Invalid value";
    case KSRV_FE_DUPLICATE: return "Duplicate value";
    case KSRV_FE_FORBIDDEN: return "Forbidden";
    case KSRV_FE_TOO_LONG: return "Too long";
    case KSRV_FE_TOO_MANY: return "Too many";
    case KSRV_FE_NOT_FOUND: return "Not found";
    case KSRV_FE_INTERNAL: return "Internal error";
    }
    return "Invalid value";
}

static const char *fe_reason(ksrv_field_error_type_t t) {
    switch (t) {
    case KSRV_FE_REQUIRED: return "FieldValueRequired";
    case KSRV_FE_INVALID: return "FieldValueInvalid";
    case KSRV_FE_NOT_SUPPORTED: return "FieldValueNotSupported";
    case KSRV_FE_TYPE_INVALID: return "FieldValueTypeInvalid";
    case KSRV_FE_DUPLICATE: return "FieldValueDuplicate";
    case KSRV_FE_FORBIDDEN: return "FieldValueForbidden";
    case KSRV_FE_TOO_LONG: return "FieldValueTooLong";
    case KSRV_FE_TOO_MANY: return "FieldValueTooMany";
    case KSRV_FE_NOT_FOUND: return "FieldValueNotFound";
    case KSRV_FE_INTERNAL: return "InternalError";
    }
    return "FieldValueInvalid";
}

/* Go's %v of a float64 (strconv 'g' with shortest representation, exponent >= 21). */
static void go_float(double d, char *buf, size_t n) {
    if (isnan(d)) { snprintf(buf, n, "NaN"); return; }
    if (isinf(d)) { snprintf(buf, n, d > 0 ? "+Inf" : "-Inf"); return; }
    if (d == floor(d) && fabs(d) < 1e21) { snprintf(buf, n, "%.0f", d); return; }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    /* Go writes e+21 / e-07 as e+21 / e-07 too: %g's form matches. */
}

static void value_repr(const cJSON *v, char *buf, size_t n) {
    if (!v || cJSON_IsNull(v)) {
        snprintf(buf, n, "\"null\"");
    } else if (cJSON_IsString(v)) {
        ksrv_go_quote(v->valuestring, buf, n);
    } else if (cJSON_IsBool(v)) {
        snprintf(buf, n, "%s", cJSON_IsTrue(v) ? "true" : "false");
    } else if (cJSON_IsNumber(v)) {
        go_float(v->valuedouble, buf, n);
    } else if (cJSON_IsRaw(v)) {
        snprintf(buf, n, "%s", v->valuestring);
    } else {
        char *p = cJSON_PrintUnformatted(v);
        snprintf(buf, n, "%s", p ? p : "");
        free(p);
    }
}

static void add_fe(ksrv_status_t *st, ksrv_field_error_type_t type, const char *field,
                   const char *repr, const char *detail) {
    char body[KSRV_STATUS_MESSAGE_MAX];
    const char *tt = fe_type_text(type);
    bool with_value = repr && type != KSRV_FE_REQUIRED && type != KSRV_FE_FORBIDDEN &&
                      type != KSRV_FE_TOO_LONG && type != KSRV_FE_INTERNAL;
    if (with_value)
        snprintf(body, sizeof body, "%s: %s%s%s", tt, repr, detail && *detail ? ": " : "",
                 detail && *detail ? detail : "");
    else
        snprintf(body, sizeof body, "%s%s%s", tt, detail && *detail ? ": " : "",
                 detail && *detail ? detail : "");
    ksrv_status_add_cause(st, fe_reason(type), body, field);
}

void ksrv_status_add_field_error(ksrv_status_t *st, ksrv_field_error_type_t type,
                                 const char *field, const cJSON *bad_value, const char *detail) {
    char repr[1024];
    if (bad_value) value_repr(bad_value, repr, sizeof repr);
    add_fe(st, type, field, bad_value ? repr : NULL, detail);
}

void ksrv_status_add_field_error_raw(ksrv_status_t *st, ksrv_field_error_type_t type,
                                     const char *field, const char *value_repr,
                                     const char *detail) {
    add_fe(st, type, field, value_repr, detail);
}

/* Appends s to buf at *o, truncating. */
static void cat(char *buf, size_t n, size_t *o, const char *s) {
    size_t l = strlen(s);
    if (*o + 1 >= n) return;
    if (l > n - 1 - *o) l = n - 1 - *o;
    memcpy(buf + *o, s, l);
    *o += l;
    buf[*o] = '\0';
}

int ksrv_status_invalid(ksrv_status_t *st, const char *group, const char *kind,
                        const char *name) {
    char agg[KSRV_STATUS_MESSAGE_MAX];
    size_t o = 0;
    agg[0] = '\0';
    /* errors.ToAggregate dedups identical messages, keeping the first. */
    int n = cJSON_GetArraySize(st->causes), kept = 0;
    char **seen = calloc((size_t)n + 1, sizeof *seen);
    for (int i = 0; i < n; i++) {
        const cJSON *c = cJSON_GetArrayItem(st->causes, i);
        const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "field"));
        const char *m = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "message"));
        char one[KSRV_STATUS_MESSAGE_MAX];
        snprintf(one, sizeof one, "%s: %s", f ? f : "", m ? m : "");
        bool dup = false;
        for (int k = 0; k < kept; k++)
            if (!strcmp(seen[k], one)) dup = true;
        if (dup || !seen) continue;
        seen[kept] = strdup(one);
        if (kept++) cat(agg, sizeof agg, &o, ", ");
        cat(agg, sizeof agg, &o, one);
    }
    for (int k = 0; k < kept; k++) free(seen[k]);
    free(seen);
    char qk[512];
    snprintf(qk, sizeof qk, "%s%s%s", kind ? kind : "", group && *group ? "." : "",
             group && *group ? group : "");
    char qn[600];
    ksrv_go_quote(name ? name : "", qn, sizeof qn);
    if (kept == 0)
        ksrv_status_set(st, 422, "Invalid", "%s %s is invalid", qk, qn);
    else if (kept == 1)
        ksrv_status_set(st, 422, "Invalid", "%s %s is invalid: %s", qk, qn, agg);
    else
        ksrv_status_set(st, 422, "Invalid", "%s %s is invalid: [%s]", qk, qn, agg);
    ksrv_status_set_details(st, name ? name : "", group ? group : "", kind ? kind : "");
    return -1;
}

cJSON *ksrv_status_to_json(const ksrv_status_t *st) {
    cJSON *j = cJSON_CreateObject();
    int code = st->http_status ? st->http_status : 200;
    cJSON_AddStringToObject(j, "kind", "Status");
    cJSON_AddStringToObject(j, "apiVersion", "v1");
    cJSON_AddObjectToObject(j, "metadata");
    cJSON_AddStringToObject(j, "status", code >= 200 && code < 300 ? "Success" : "Failure");
    if (st->message[0]) cJSON_AddStringToObject(j, "message", st->message);
    if (st->reason[0]) cJSON_AddStringToObject(j, "reason", st->reason);
    if (st->has_details || st->causes || st->details_name[0] || st->details_group[0] ||
        st->details_kind[0] || st->details_uid[0] || st->retry_after_seconds > 0) {
        cJSON *d = cJSON_AddObjectToObject(j, "details");
        if (st->details_name[0]) cJSON_AddStringToObject(d, "name", st->details_name);
        if (st->details_group[0]) cJSON_AddStringToObject(d, "group", st->details_group);
        if (st->details_kind[0]) cJSON_AddStringToObject(d, "kind", st->details_kind);
        if (st->details_uid[0]) cJSON_AddStringToObject(d, "uid", st->details_uid);
        if (st->causes) cJSON_AddItemToObject(d, "causes", cJSON_Duplicate(st->causes, 1));
        if (st->retry_after_seconds > 0)
            cJSON_AddNumberToObject(d, "retryAfterSeconds", st->retry_after_seconds);
    }
    cJSON_AddNumberToObject(j, "code", code);
    return j;
}

bool ksrv_fmt(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return w < 0 || (size_t)w >= n;
}
