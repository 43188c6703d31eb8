/* yaml.c — YAML to cJSON with the scalar typing of go-yaml v2 / sigs.k8s.io/yaml (yaml.h).
 * libyaml's event parser feeds a small recursive builder; anchors are kept by name as
 * finished trees and copied on alias. */
#define _POSIX_C_SOURCE 200809L
#include "yaml.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct anchor {
    char *name;
    cJSON *node;
    struct anchor *next;
} anchor_t;

typedef struct ctx {
    yaml_parser_t p;
    anchor_t *anchors;
    ksrv_yaml_error_t *where;
    ksrv_status_t *st;
    int depth;
} ctx_t;

static int fail_at(ctx_t *c, int line, int col, const char *problem) {
    if (c->where) {
        c->where->line = line;
        c->where->column = col;
        snprintf(c->where->problem, sizeof c->where->problem, "%s", problem);
    }
    if (line > 0)
        return ksrv_status_set(c->st, 400, "BadRequest",
                               "error converting YAML to JSON: yaml: line %d: %s", line, problem);
    return ksrv_status_set(c->st, 400, "BadRequest", "error converting YAML to JSON: yaml: %s",
                           problem);
}

/* go-yaml's parser.fail(): scanner errors report problem_mark.line + 1, parser errors the
 * 0-based problem line (or the context line). */
static int fail_parser(ctx_t *c) {
    const yaml_parser_t *p = &c->p;
    int line = 0;
    if (p->problem_mark.line != 0) {
        line = (int)p->problem_mark.line;
        if (p->error == YAML_SCANNER_ERROR) line++;
    } else if (p->context_mark.line != 0) {
        line = (int)p->context_mark.line;
    }
    if (c->where) {
        c->where->line = (int)p->problem_mark.line + 1;
        c->where->column = (int)p->problem_mark.column + 1;
    }
    const char *problem = p->problem ? p->problem : "unknown problem parsing YAML content";
    ksrv_yaml_error_t *w = c->where;
    c->where = NULL;
    fail_at(c, line, 0, problem);
    c->where = w;
    if (w) snprintf(w->problem, sizeof w->problem, "%s", problem);
    return -1;
}

static void anchors_free(anchor_t *a) {
    while (a) {
        anchor_t *n = a->next;
        free(a->name);
        cJSON_Delete(a->node);
        free(a);
        a = n;
    }
}

static void anchor_put(ctx_t *c, const unsigned char *name, const cJSON *node) {
    if (!name) return;
    anchor_t *a = calloc(1, sizeof *a);
    a->name = strdup((const char *)name);
    a->node = cJSON_Duplicate(node, 1);
    a->next = c->anchors; /* newest first: redefinitions shadow older ones */
    c->anchors = a;
}

static const cJSON *anchor_get(ctx_t *c, const unsigned char *name) {
    for (anchor_t *a = c->anchors; a; a = a->next)
        if (!strcmp(a->name, (const char *)name)) return a->node;
    return NULL;
}

/* ---- scalar resolution ---- */

static bool in_list(const char *s, const char *const *l) {
    for (; *l; l++)
        if (!strcmp(s, *l)) return true;
    return false;
}

/* Strips '_' separators (go-yaml allows them in numbers). */
static void strip_underscores(const char *s, char *out, size_t n) {
    size_t o = 0;
    for (; *s && o + 1 < n; s++)
        if (*s != '_') out[o++] = *s;
    out[o] = '\0';
}

/* cJSON prints non-int32 numbers with %1.15g: exact below 10^15 only. */
#define EXACT_MAX 999999999999999ULL

static cJSON *make_int(bool neg, uint64_t mag) {
    if (mag <= EXACT_MAX) {
        double d = (double)mag;
        return cJSON_CreateNumber(neg ? -d : d);
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%s%" PRIu64, neg ? "-" : "", mag);
    return cJSON_CreateRaw(buf);
}

/* Integer forms of Go's strconv.ParseInt(s, 0, 64) / ParseUint: optional sign, 0x, 0o, 0b,
 * leading-0 octal, decimal. Returns NULL if s is not an integer or overflows uint64. */
static cJSON *parse_int(const char *s0) {
    char s[128];
    strip_underscores(s0, s, sizeof s);
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    if (!*p) return NULL;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
    else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O')) base = 8, p += 2;
    else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) base = 2, p += 2;
    else if (p[0] == '0' && p[1]) base = 8, p += 1;
    if (!*p) return NULL;
    uint64_t v = 0;
    for (; *p; p++) {
        int d;
        if (*p >= '0' && *p <= '9') d = *p - '0';
        else if (*p >= 'a' && *p <= 'f') d = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'F') d = *p - 'A' + 10;
        else return NULL;
        if (d >= base) return NULL;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return NULL;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (neg && v > (uint64_t)INT64_MAX + 1) return NULL; /* ParseInt overflow -> float */
    return make_int(neg, v);
}

/* go-yaml v2 float regexp: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static bool is_float_syntax(const char *s) {
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p)) return false;
        while (isdigit((unsigned char)*p)) p++;
    } else {
        if (!isdigit((unsigned char)*p)) return false;
        while (isdigit((unsigned char)*p)) p++;
        if (*p == '.') {
            p++;
            while (isdigit((unsigned char)*p)) p++;
        }
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!isdigit((unsigned char)*p)) return false;
        while (isdigit((unsigned char)*p)) p++;
    }
    return *p == '\0';
}

static const char *const k_true[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
                                     "on", "On", "ON", NULL};
static const char *const k_false[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE",
                                      "off", "Off", "OFF", NULL};
static const char *const k_null[] = {"", "~", "null", "Null", "NULL", NULL};

/* Resolves a plain scalar like go-yaml v2's resolve(""). Never fails: text stays a string. */
static cJSON *resolve_plain(const char *s) {
    if (in_list(s, k_null)) return cJSON_CreateNull();
    if (in_list(s, k_true)) return cJSON_CreateTrue();
    if (in_list(s, k_false)) return cJSON_CreateFalse();
    static const char *const nan[] = {".nan", ".NaN", ".NAN", NULL};
    static const char *const pinf[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL};
    static const char *const ninf[] = {"-.inf", "-.Inf", "-.INF", NULL};
    /* JSON has no NaN/Inf; sigs.k8s.io/yaml fails on them too. Keep the text. */
    if (in_list(s, nan) || in_list(s, pinf) || in_list(s, ninf)) return cJSON_CreateString(s);
    char c0 = s[0];
    if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.') {
        cJSON *i = parse_int(s);
        if (i) return i;
        char t[128];
        strip_underscores(s, t, sizeof t);
        if (is_float_syntax(t)) {
            double d = strtod(t, NULL);
            if (!isinf(d)) {
                /* an integral float that fits is written as an integer by encoding/json */
                return cJSON_CreateNumber(d);
            }
        }
    }
    return cJSON_CreateString(s);
}

static cJSON *resolve_tagged(ctx_t *c, const yaml_event_t *e, const char *s) {
    const char *tag = (const char *)e->data.scalar.tag;
    if (!strcmp(tag, YAML_STR_TAG) || !strcmp(tag, "!")) return cJSON_CreateString(s);
    if (!strcmp(tag, YAML_NULL_TAG)) return cJSON_CreateNull();
    if (!strcmp(tag, YAML_BOOL_TAG)) {
        if (in_list(s, k_true)) return cJSON_CreateTrue();
        if (in_list(s, k_false)) return cJSON_CreateFalse();
    } else if (!strcmp(tag, YAML_INT_TAG)) {
        cJSON *i = parse_int(s);
        if (i) return i;
    } else if (!strcmp(tag, YAML_FLOAT_TAG)) {
        cJSON *i = parse_int(s);
        if (i) return i;
        if (is_float_syntax(s)) return cJSON_CreateNumber(strtod(s, NULL));
    } else if (!strcmp(tag, "tag:yaml.org,2002:binary") || !strcmp(tag, "tag:yaml.org,2002:timestamp")) {
        return cJSON_CreateString(s);
    } else {
        return resolve_plain(s); /* unknown local tags: go-yaml resolves by value */
    }
    char msg[300];
    snprintf(msg, sizeof msg, "cannot decode !!%s `%s`", strrchr(tag, ':') + 1, s);
    fail_at(c, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1, msg);
    return NULL;
}

static cJSON *scalar_node(ctx_t *c, const yaml_event_t *e) {
    const char *s = (const char *)e->data.scalar.value;
    if (e->data.scalar.tag) return resolve_tagged(c, e, s);
    if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return cJSON_CreateString(s);
    return resolve_plain(s);
}

/* ---- tree builder ---- */

static cJSON *parse_node(ctx_t *c, yaml_event_t *e);

static int next_event(ctx_t *c, yaml_event_t *e) {
    if (!yaml_parser_parse(&c->p, e)) return fail_parser(c);
    return 0;
}

/* A map key as JSON text: sigs.k8s.io/yaml turns bools/numbers/null into their Go text. */
static char *key_text(const cJSON *k) {
    char buf[64];
    if (cJSON_IsString(k)) return strdup(k->valuestring);
    if (cJSON_IsTrue(k)) return strdup("true");
    if (cJSON_IsFalse(k)) return strdup("false");
    if (cJSON_IsNull(k)) return strdup("null");
    if (cJSON_IsRaw(k)) return strdup(k->valuestring);
    if (cJSON_IsNumber(k)) {
        double d = k->valuedouble;
        if (d == floor(d) && fabs(d) < 1e21) snprintf(buf, sizeof buf, "%.0f", d);
        else snprintf(buf, sizeof buf, "%g", d);
        return strdup(buf);
    }
    return NULL;
}

static void obj_set(cJSON *obj, const char *key, cJSON *v) {
    if (cJSON_GetObjectItemCaseSensitive(obj, key))
        cJSON_ReplaceItemInObjectCaseSensitive(obj, key, v);
    else
        cJSON_AddItemToObject(obj, key, v);
}

/* `<<: *a` or `<<: [*a, *b]`: keys not already present are copied in (earlier wins). */
static void merge_into(cJSON *obj, const cJSON *src) {
    if (cJSON_IsArray(src)) {
        const cJSON *it;
        cJSON_ArrayForEach(it, src) merge_into(obj, it);
        return;
    }
    if (!cJSON_IsObject(src)) return;
    const cJSON *m;
    cJSON_ArrayForEach(m, src)
        if (!cJSON_GetObjectItemCaseSensitive(obj, m->string))
            cJSON_AddItemToObject(obj, m->string, cJSON_Duplicate(m, 1));
}

static cJSON *parse_mapping(ctx_t *c, const yaml_event_t *start) {
    cJSON *obj = cJSON_CreateObject();
    for (;;) {
        yaml_event_t e;
        if (next_event(c, &e)) goto fail;
        if (e.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&e);
            break;
        }
        bool is_merge = e.type == YAML_SCALAR_EVENT &&
                        e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                        !strcmp((const char *)e.data.scalar.value, "<<");
        int kline = (int)e.start_mark.line + 1, kcol = (int)e.start_mark.column + 1;
        cJSON *k = parse_node(c, &e);
        yaml_event_delete(&e);
        if (!k) goto fail;
        yaml_event_t ve;
        if (next_event(c, &ve)) { cJSON_Delete(k); goto fail; }
        cJSON *v = parse_node(c, &ve);
        yaml_event_delete(&ve);
        if (!v) { cJSON_Delete(k); goto fail; }
        if (is_merge) {
            merge_into(obj, v);
            cJSON_Delete(v);
            cJSON_Delete(k);
            continue;
        }
        char *ks = key_text(k);
        cJSON_Delete(k);
        if (!ks) {
            cJSON_Delete(v);
            fail_at(c, kline, kcol, "invalid map key: a map or list cannot be a key");
            goto fail;
        }
        obj_set(obj, ks, v);
        free(ks);
    }
    anchor_put(c, start->data.mapping_start.anchor, obj);
    return obj;
fail:
    cJSON_Delete(obj);
    return NULL;
}

static cJSON *parse_sequence(ctx_t *c, const yaml_event_t *start) {
    cJSON *arr = cJSON_CreateArray();
    for (;;) {
        yaml_event_t e;
        if (next_event(c, &e)) goto fail;
        if (e.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&e);
            break;
        }
        cJSON *v = parse_node(c, &e);
        yaml_event_delete(&e);
        if (!v) goto fail;
        cJSON_AddItemToArray(arr, v);
    }
    anchor_put(c, start->data.sequence_start.anchor, arr);
    return arr;
fail:
    cJSON_Delete(arr);
    return NULL;
}

static cJSON *parse_node(ctx_t *c, yaml_event_t *e) {
    if (++c->depth > 10000) {
        c->depth--;
        fail_at(c, (int)e->start_mark.line + 1, 0, "exceeded max depth of 10000");
        return NULL;
    }
    cJSON *r = NULL;
    switch (e->type) {
    case YAML_SCALAR_EVENT:
        r = scalar_node(c, e);
        if (r) anchor_put(c, e->data.scalar.anchor, r);
        break;
    case YAML_MAPPING_START_EVENT: r = parse_mapping(c, e); break;
    case YAML_SEQUENCE_START_EVENT: r = parse_sequence(c, e); break;
    case YAML_ALIAS_EVENT: {
        const cJSON *a = anchor_get(c, e->data.alias.anchor);
        if (a) {
            r = cJSON_Duplicate(a, 1);
        } else {
            char msg[300];
            snprintf(msg, sizeof msg, "unknown anchor '%s' referenced", e->data.alias.anchor);
            fail_at(c, (int)e->start_mark.line + 1, (int)e->start_mark.column + 1, msg);
        }
        break;
    }
    default:
        fail_at(c, (int)e->start_mark.line + 1, 0, "unexpected event");
    }
    c->depth--;
    return r;
}

/* Parses documents; `all` collects every non-empty one, else stops after the first. */
static int parse_docs(const char *text, size_t len, bool all, cJSON **out,
                      ksrv_yaml_error_t *where, ksrv_status_t *st) {
    ctx_t c;
    memset(&c, 0, sizeof c);
    c.where = where;
    c.st = st;
    if (where) memset(where, 0, sizeof *where);
    *out = NULL;
    if (!yaml_parser_initialize(&c.p)) return ksrv_status_set(st, 500, "InternalError", "yaml: out of memory");
    yaml_parser_set_input_string(&c.p, (const unsigned char *)text, len);
    cJSON *docs = cJSON_CreateArray();
    int rc = 0;
    for (bool done = false; !done;) {
        yaml_event_t e;
        if (next_event(&c, &e)) { rc = -1; break; }
        switch (e.type) {
        case YAML_STREAM_END_EVENT: done = true; break;
        case YAML_DOCUMENT_START_EVENT: {
            yaml_event_t n;
            if (next_event(&c, &n)) { rc = -1; done = true; break; }
            if (n.type == YAML_DOCUMENT_END_EVENT) { /* cannot happen: libyaml emits null */
                yaml_event_delete(&n);
                break;
            }
            cJSON *v = parse_node(&c, &n);
            yaml_event_delete(&n);
            if (!v) { rc = -1; done = true; break; }
            cJSON_AddItemToArray(docs, v);
            anchors_free(c.anchors); /* anchors do not cross documents */
            c.anchors = NULL;
            if (!all) done = true;
            break;
        }
        default: break;
        }
        yaml_event_delete(&e);
    }
    anchors_free(c.anchors);
    yaml_parser_delete(&c.p);
    if (rc) {
        cJSON_Delete(docs);
        return -1;
    }
    if (all) {
        /* drop empty (null) documents, as kubectl's multi-doc reader does */
        for (int i = cJSON_GetArraySize(docs) - 1; i >= 0; i--)
            if (cJSON_IsNull(cJSON_GetArrayItem(docs, i))) cJSON_DeleteItemFromArray(docs, i);
        *out = docs;
    } else {
        *out = cJSON_GetArraySize(docs) ? cJSON_DetachItemFromArray(docs, 0) : cJSON_CreateNull();
        cJSON_Delete(docs);
    }
    return 0;
}

int ksrv_yaml_parse(const char *text, size_t len, cJSON **out, ksrv_yaml_error_t *where,
                    ksrv_status_t *st) {
    return parse_docs(text, len, false, out, where, st);
}

int ksrv_yaml_parse_all(const char *text, size_t len, cJSON **out_array,
                        ksrv_yaml_error_t *where, ksrv_status_t *st) {
    return parse_docs(text, len, true, out_array, where, st);
}

bool ksrv_json_is_number(const cJSON *j) {
    if (cJSON_IsNumber(j)) return true;
    if (!cJSON_IsRaw(j) || !j->valuestring) return false;
    const char *p = j->valuestring;
    if (*p == '-') p++;
    if (!*p) return false;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p)) return false;
    return true;
}

bool ksrv_json_int64(const cJSON *j, int64_t *out) {
    if (cJSON_IsNumber(j)) {
        double d = j->valuedouble;
        if (d != floor(d) || !isfinite(d)) return false;
        if (d >= 9223372036854775807.0) *out = INT64_MAX;
        else if (d <= -9223372036854775808.0) *out = INT64_MIN;
        else *out = (int64_t)d;
        return true;
    }
    if (!ksrv_json_is_number(j)) return false;
    errno = 0;
    long long v = strtoll(j->valuestring, NULL, 10);
    *out = (int64_t)v; /* strtoll saturates at LLONG_MIN/MAX */
    return true;
}
