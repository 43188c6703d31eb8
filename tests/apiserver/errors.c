/* status.c — metav1.Status error bodies, worded as kube-apiserver words them. */
#define _GNU_SOURCE
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cJSON *status_new(int code, const char *reason, const char *msg, cJSON *details) {
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "kind", "Status");
    cJSON_AddStringToObject(j, "apiVersion", "v1");
    cJSON_AddObjectToObject(j, "metadata");
    cJSON_AddStringToObject(j, "status", code >= 200 && code < 300 ? "Success" : "Failure");
    if (msg) cJSON_AddStringToObject(j, "message", msg);
    if (reason && *reason) cJSON_AddStringToObject(j, "reason", reason);
    if (details) cJSON_AddItemToObject(j, "details", details);
    if (code < 200 || code >= 300) cJSON_AddNumberToObject(j, "code", code);
    return j;
}

char *qualified_resource(const resource_t *res) {
    char *s = NULL;
    if (res->group[0]) {
        if (asprintf(&s, "%s.%s", res->plural, res->group) < 0) abort();
    } else {
        s = strdup(res->plural);
    }
    return s;
}

char *qualified_kind(const resource_t *res, const char *kind) {
    char *s = NULL;
    if (res->group[0]) {
        if (asprintf(&s, "%s.%s", kind, res->group) < 0) abort();
    } else {
        s = strdup(kind);
    }
    return s;
}

cJSON *details_new(const char *name, const char *group, const char *kind) {
    cJSON *d = cJSON_CreateObject();
    if (name && *name) cJSON_AddStringToObject(d, "name", name);
    if (group && *group) cJSON_AddStringToObject(d, "group", group);
    if (kind && *kind) cJSON_AddStringToObject(d, "kind", kind);
    return d;
}

int err_not_found(req_t *r, const resource_t *res, const char *name) {
    char *q = qualified_resource(res), *msg = NULL;
    if (asprintf(&msg, "%s \"%s\" not found", q, name) < 0) abort();
    int rc = send_status(r, 404, "NotFound", msg, details_new(name, res->group, res->plural));
    free(q);
    free(msg);
    return rc;
}

int err_ns_not_found(req_t *r, const char *ns) {
    char *msg = NULL;
    if (asprintf(&msg, "namespaces \"%s\" not found", ns) < 0) abort();
    int rc = send_status(r, 404, "NotFound", msg, details_new(ns, "", "namespaces"));
    free(msg);
    return rc;
}

int err_already_exists(req_t *r, const resource_t *res, const char *name) {
    char *q = qualified_resource(res), *msg = NULL;
    if (asprintf(&msg, "%s \"%s\" already exists", q, name) < 0) abort();
    int rc = send_status(r, 409, "AlreadyExists", msg, details_new(name, res->group, res->plural));
    free(q);
    free(msg);
    return rc;
}

int err_conflict_modified(req_t *r, const resource_t *res, const char *name) {
    char *q = qualified_resource(res), *msg = NULL;
    if (asprintf(&msg,
                 "Operation cannot be fulfilled on %s \"%s\": the object has been modified; "
                 "please apply your changes to the latest version and try again",
                 q, name) < 0)
        abort();
    int rc = send_status(r, 409, "Conflict", msg, details_new(name, res->group, res->plural));
    free(q);
    free(msg);
    return rc;
}

void cause_add(cJSON *causes, const char *reason, const char *field, const char *fmt, ...) {
    char *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0) abort();
    va_end(ap);
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "reason", reason);
    cJSON_AddStringToObject(c, "message", msg);
    cJSON_AddStringToObject(c, "field", field);
    cJSON_AddItemToArray(causes, c);
    free(msg);
}

/* "<Kind>.<group> "<name>" is invalid: <field>: <message>" or a bracketed list for several. */
int err_invalid(req_t *r, const resource_t *res, const char *kind, const char *name,
                cJSON *causes) {
    buf_t b = {0};
    char *qk = res ? qualified_kind(res, kind) : strdup(kind);
    buf_printf(&b, "%s \"%s\" is invalid: ", qk, name ? name : "");
    int n = cJSON_GetArraySize(causes);
    if (n > 1) buf_puts(&b, "[");
    int i = 0;
    cJSON *c;
    cJSON_ArrayForEach(c, causes) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(c, "field");
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(c, "message");
        if (i++) buf_puts(&b, ", ");
        if (cJSON_IsString(f) && f->valuestring[0]) buf_printf(&b, "%s: ", f->valuestring);
        if (cJSON_IsString(m)) buf_puts(&b, m->valuestring);
    }
    if (n > 1) buf_puts(&b, "]");
    cJSON *d = details_new(name, res ? res->group : "", kind);
    cJSON_AddItemToObject(d, "causes", causes);
    char *msg = buf_steal(&b);
    int rc = send_status(r, 422, "Invalid", msg, d);
    free(msg);
    free(qk);
    return rc;
}

int err_bad_request(req_t *r, const char *msg) {
    return send_status(r, 400, "BadRequest", msg, NULL);
}

int err_method_not_allowed(req_t *r) {
    return send_status(r, 405, "MethodNotAllowed",
                       "the server does not allow this method on the requested resource",
                       cJSON_CreateObject());
}

int err_internal(req_t *r, const char *msg) {
    char *m = NULL;
    if (asprintf(&m, "Internal error occurred: %s", msg) < 0) abort();
    cJSON *d = cJSON_CreateObject();
    cJSON *causes = cJSON_AddArrayToObject(d, "causes");
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "message", msg);
    cJSON_AddItemToArray(causes, c);
    int rc = send_status(r, 500, "InternalError", m, d);
    free(m);
    return rc;
}
