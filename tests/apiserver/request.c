/* request.c — what every verb handler needs from a request: the body as an object (JSON or
 * YAML), the field manager, dryRun, content negotiation (Table, PartialObjectMetadata),
 * and sending a ksrv_status_t from the object-semantics functions. */
#define _GNU_SOURCE
#include "internal.h"
#include "apply.h"
#include "status.h"
#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int send_ksrv(req_t *r, struct ksrv_status *st) {
    cJSON *j = ksrv_status_to_json(st);
    int code = st->http_status ? st->http_status : 500;
    ksrv_status_reset(st);
    if (code == 429 || code == 503) {
        char *s = cJSON_PrintUnformatted(j);
        cJSON_Delete(j);
        return send_bytes(r, code, "application/json", s, strlen(s));
    }
    return send_json(r, code, j);
}

static bool ctype_is(const char *ct, const char *want) {
    if (!ct) return false;
    size_t n = strlen(want);
    return !strncasecmp(ct, want, n) && (ct[n] == 0 || ct[n] == ';' || ct[n] == ' ');
}

/* The recorded message for a body that is not JSON: a 30-byte snippet, Go style. */
static int unrecognized(req_t *r, const resource_t *res, const char *why) {
    buf_t b = {0};
    size_t n = r->body.len;
    buf_printf(&b, "the object provided is unrecognized (must be of type %s): couldn't get "
                   "version/kind; json parse error: %s (",
               res->kind, why);
    if (n > 30) {
        buf_put(&b, r->body.p, 30);
        buf_puts(&b, " ...");
    } else if (n) {
        buf_put(&b, r->body.p, n);
    }
    buf_puts(&b, ")");
    char *m = buf_steal(&b);
    int rc = err_bad_request(r, m);
    free(m);
    return rc;
}

cJSON *parse_body_object(req_t *r, const resource_t *res, int *sent) {
    *sent = 0;
    const char *ct = h_get(r, "Content-Type");
    cJSON *j = NULL;
    if (!r->body.len) {
        *sent = 1;
        unrecognized(r, res, "unexpected end of JSON input");
        return NULL;
    }
    if (ctype_is(ct, "application/yaml")) {
        ksrv_status_t st = KSRV_STATUS_INIT;
        if (ksrv_yaml_parse(r->body.p, r->body.len, &j, NULL, &st) != 0) {
            *sent = 1;
            send_ksrv(r, &st);
            return NULL;
        }
    } else if (ct && !ctype_is(ct, "application/json") && !ctype_is(ct, "*/*")) {
        char *m = NULL;
        if (asprintf(&m, "the body of the request was in an unknown format - accepted media "
                     "types include: application/json, application/yaml, "
                     "application/vnd.kubernetes.protobuf") < 0)
            abort();
        *sent = 1;
        send_status(r, 415, "UnsupportedMediaType", m, NULL);
        free(m);
        return NULL;
    } else {
        const char *end = NULL;
        j = cJSON_ParseWithLengthOpts(r->body.p, r->body.len, &end, false);
        if (!j) {
            size_t trimmed = r->body.len;
            while (trimmed && strchr(" \t\r\n", r->body.p[trimmed - 1])) trimmed--;
            bool at_end = !end || (size_t)(end - r->body.p) >= trimmed;
            *sent = 1;
            unrecognized(r, res, at_end ? "unexpected end of JSON input"
                                        : "invalid character looking for beginning of value");
            return NULL;
        }
    }
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        *sent = 1;
        unrecognized(r, res, "cannot unmarshal into Go value of type struct");
        return NULL;
    }
    return j;
}

const char *field_manager(req_t *r) {
    const char *fm = q_get(r, "fieldManager");
    return fm && *fm ? fm : NULL;
}

bool dry_run(req_t *r) {
    const char *d = q_get(r, "dryRun");
    return d && !strcmp(d, "All");
}

bool wants_table(req_t *r) {
    const char *a = h_get(r, "Accept");
    return a && strstr(a, "as=Table") && strstr(a, "g=meta.k8s.io");
}

bool wants_partial(req_t *r);
bool wants_partial(req_t *r) {
    const char *a = h_get(r, "Accept");
    return a && strstr(a, "as=PartialObjectMetadata") && !strstr(a, "as=Table");
}

cJSON *object_for_version(const resource_t *res, const kobj_t *o) {
    cJSON *c = cJSON_Duplicate(o->obj, true);
    char gv[256];
    if (*res->group) snprintf(gv, sizeof gv, "%s/%s", res->group, res->version);
    else snprintf(gv, sizeof gv, "%s", res->version);
    json_set_str(c, "apiVersion", gv);
    return c;
}

/* PartialObjectMetadata of an object (metadata-only clients). */
cJSON *partial_metadata(const cJSON *obj);
cJSON *partial_metadata(const cJSON *obj) {
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "kind", "PartialObjectMetadata");
    cJSON_AddStringToObject(p, "apiVersion", "meta.k8s.io/v1");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    cJSON_AddItemToObject(p, "metadata", m ? cJSON_Duplicate(m, true) : cJSON_CreateObject());
    return p;
}

void manager_name(req_t *r, char *buf, size_t n);
void manager_name(req_t *r, char *buf, size_t n) {
    const char *fm = field_manager(r);
    if (fm) snprintf(buf, n, "%s", fm);
    else ksrv_default_manager(h_get(r, "User-Agent"), buf, n);
}
