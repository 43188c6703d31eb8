/* selector.c — label selectors (k8s.io/apimachinery/pkg/labels grammar) and field
 * selectors, with kube-apiserver's error wording. */
#define _GNU_SOURCE
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op { OP_EQ, OP_NE, OP_IN, OP_NOTIN, OP_EXISTS, OP_NOTEXISTS, OP_GT, OP_LT };

typedef struct req_s {
    char *key;
    enum op op;
    char **vals;
    size_t n;
} sreq_t;

struct selector {
    sreq_t *r;
    size_t n;
};

void selector_free(selector_t *sel) {
    if (!sel) return;
    for (size_t i = 0; i < sel->n; i++) {
        free(sel->r[i].key);
        for (size_t k = 0; k < sel->r[i].n; k++) free(sel->r[i].vals[k]);
        free(sel->r[i].vals);
    }
    free(sel->r);
    free(sel);
}

/* ---- lexer, as in apimachinery/pkg/labels/selector.go ---- */
enum tok { T_ERR, T_EOS, T_CPAR, T_COMMA, T_NOT, T_DEQ, T_EQ, T_GT, T_ID, T_IN, T_LT, T_NE,
           T_NOTIN, T_OPAR };

typedef struct lex {
    const char *s;
    size_t pos;
    char lit[256];
} lex_t;

static bool special(char c) { return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<'; }

static enum tok lex_next(lex_t *l) {
    while (l->s[l->pos] && isspace((unsigned char)l->s[l->pos])) l->pos++;
    char c = l->s[l->pos];
    l->lit[0] = 0;
    if (!c) return T_EOS;
    if (special(c)) {
        size_t n = 0;
        while (special(l->s[l->pos]) && n < 2) {
            l->lit[n++] = l->s[l->pos++];
            l->lit[n] = 0;
            if (!strcmp(l->lit, "==")) return T_DEQ;
            if (!strcmp(l->lit, "!=")) return T_NE;
            char nx = l->s[l->pos];
            bool can_grow = (l->lit[0] == '=' && nx == '=') || (l->lit[0] == '!' && nx == '=');
            if (!can_grow) break;
        }
        switch (l->lit[0]) {
        case '=': return T_EQ;
        case '!': return T_NOT;
        case '(': return T_OPAR;
        case ')': return T_CPAR;
        case ',': return T_COMMA;
        case '>': return T_GT;
        case '<': return T_LT;
        }
        return T_ERR;
    }
    size_t n = 0;
    while (l->s[l->pos] && !special(l->s[l->pos]) && !isspace((unsigned char)l->s[l->pos])) {
        if (n + 1 < sizeof l->lit) l->lit[n++] = l->s[l->pos];
        l->pos++;
    }
    l->lit[n] = 0;
    if (!strcmp(l->lit, "in")) return T_IN;
    if (!strcmp(l->lit, "notin")) return T_NOTIN;
    return T_ID;
}

static enum tok lex_peek(lex_t *l) {
    lex_t c = *l;
    return lex_next(&c);
}

static void push_val(sreq_t *q, const char *v) {
    char **n = realloc(q->vals, (q->n + 1) * sizeof *n);
    if (!n) abort();
    q->vals = n;
    q->vals[q->n++] = strdup(v);
}

static char *errf(const char *fmt, const char *a) {
    char *m = NULL;
    if (asprintf(&m, fmt, a) < 0) abort();
    return m;
}

static bool valid_label_key(const char *k) {
    const char *slash = strchr(k, '/');
    const char *name = k;
    if (slash) {
        char prefix[256];
        size_t n = (size_t)(slash - k);
        if (n == 0 || n >= sizeof prefix) return false;
        memcpy(prefix, k, n);
        prefix[n] = 0;
        if (!valid_dns_subdomain(prefix)) return false;
        name = slash + 1;
    }
    size_t n = strlen(name);
    if (!n || n > 63) return false;
    if (!isalnum((unsigned char)name[0]) || !isalnum((unsigned char)name[n - 1])) return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!(isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.')) return false;
    }
    return true;
}

static char *parse_req(lex_t *l, sreq_t *q) {
    enum tok t = lex_next(l);
    bool neg = false;
    if (t == T_NOT) {
        neg = true;
        t = lex_next(l);
    }
    if (t != T_ID) return errf("found '%s', expected: identifier", l->lit);
    if (!valid_label_key(l->lit))
        return errf("invalid label key \"%s\": name part must consist of alphanumeric "
                    "characters, '-', '_' or '.', and must start and end with an alphanumeric "
                    "character",
                    l->lit);
    q->key = strdup(l->lit);
    enum tok p = lex_peek(l);
    if (neg) {
        q->op = OP_NOTEXISTS;
        return NULL;
    }
    if (p == T_EOS || p == T_COMMA) {
        q->op = OP_EXISTS;
        return NULL;
    }
    t = lex_next(l);
    switch (t) {
    case T_EQ: case T_DEQ: q->op = OP_EQ; break;
    case T_NE: q->op = OP_NE; break;
    case T_IN: q->op = OP_IN; break;
    case T_NOTIN: q->op = OP_NOTIN; break;
    case T_GT: q->op = OP_GT; break;
    case T_LT: q->op = OP_LT; break;
    default: return errf("found '%s', expected: in, notin, =, ==, !=, gt, lt", l->lit);
    }
    if (q->op == OP_IN || q->op == OP_NOTIN) {
        if (lex_next(l) != T_OPAR) return errf("found '%s', expected: '('", l->lit);
        for (;;) {
            t = lex_next(l);
            if (t == T_CPAR) break;
            if (t == T_COMMA) {
                push_val(q, "");
                continue;
            }
            if (t != T_ID) return errf("found '%s', expected: ',', ')' or identifier", l->lit);
            push_val(q, l->lit);
            t = lex_next(l);
            if (t == T_CPAR) break;
            if (t != T_COMMA) return errf("found '%s', expected: ',' or ')'", l->lit);
        }
        if (!q->n) return errf("%sfor 'in', 'notin' operators, values set can't be empty", "");
        return NULL;
    }
    p = lex_peek(l);
    if (p == T_EOS || p == T_COMMA) {
        push_val(q, "");
        return NULL;
    }
    t = lex_next(l);
    if (t != T_ID) return errf("found '%s', expected: identifier", l->lit);
    push_val(q, l->lit);
    return NULL;
}

selector_t *label_selector_parse(const char *s, char **err) {
    *err = NULL;
    if (!s) return NULL;
    lex_t l = {.s = s};
    if (lex_peek(&l) == T_EOS) return NULL;
    selector_t *sel = calloc(1, sizeof *sel);
    if (!sel) abort();
    for (;;) {
        sreq_t *n = realloc(sel->r, (sel->n + 1) * sizeof *n);
        if (!n) abort();
        sel->r = n;
        memset(&sel->r[sel->n], 0, sizeof *sel->r);
        char *e = parse_req(&l, &sel->r[sel->n++]);
        if (!e) {
            enum tok t = lex_next(&l);
            if (t == T_EOS) return sel;
            if (t != T_COMMA) e = errf("found '%s', expected: ',' or 'end of string'", l.lit);
        }
        if (e) {
            if (asprintf(err, "unable to parse requirement: %s", e) < 0) abort();
            free(e);
            selector_free(sel);
            return NULL;
        }
    }
}

static bool req_match(const sreq_t *q, const char *v) {
    switch (q->op) {
    case OP_EXISTS: return v != NULL;
    case OP_NOTEXISTS: return v == NULL;
    case OP_EQ: return v && !strcmp(v, q->vals[0]);
    case OP_NE: return !v || strcmp(v, q->vals[0]);
    case OP_IN:
        if (!v) return false;
        for (size_t i = 0; i < q->n; i++)
            if (!strcmp(v, q->vals[i])) return true;
        return false;
    case OP_NOTIN:
        if (!v) return true;
        for (size_t i = 0; i < q->n; i++)
            if (!strcmp(v, q->vals[i])) return false;
        return true;
    case OP_GT: case OP_LT: {
        if (!v) return false;
        char *e1, *e2;
        long long a = strtoll(v, &e1, 10), b = strtoll(q->vals[0], &e2, 10);
        if (*e1 || *e2) return false;
        return q->op == OP_GT ? a > b : a < b;
    }
    }
    return false;
}

bool selector_match_labels(const selector_t *sel, const cJSON *obj) {
    if (!sel) return true;
    const cJSON *labels = json_path_get(obj, "metadata.labels");
    for (size_t i = 0; i < sel->n; i++) {
        const cJSON *v = labels ? cJSON_GetObjectItemCaseSensitive(labels, sel->r[i].key) : NULL;
        if (!req_match(&sel->r[i], cJSON_IsString(v) ? v->valuestring : NULL)) return false;
    }
    return true;
}

/* ---- field selectors: key=value, key==value, key!=value; '\' escapes ---- */

static bool field_allowed(const resource_t *res, const char *key) {
    if (!strcmp(key, "metadata.name") || !strcmp(key, "metadata.namespace")) return true;
    if (res && res->ops && res->ops->fields)
        for (const char *const *f = res->ops->fields; *f; f++)
            if (!strcmp(*f, key)) return true;
    return false;
}

selector_t *field_selector_parse(const char *s, const resource_t *res, char **err) {
    *err = NULL;
    if (!s || !*s) return NULL;
    selector_t *sel = calloc(1, sizeof *sel);
    if (!sel) abort();
    const char *p = s;
    while (*p) {
        buf_t term = {0};
        while (*p && *p != ',') {
            if (*p == '\\' && p[1]) {
                buf_put(&term, p, 2);
                p += 2;
                continue;
            }
            buf_put(&term, p++, 1);
        }
        if (*p == ',') p++;
        char *t = buf_steal(&term);
        char *opat = NULL;
        enum op op = OP_EQ;
        size_t oplen = 0;
        for (char *c = t; *c; c++) {
            if (*c == '\\' && c[1]) {
                c++;
                continue;
            }
            if (c[0] == '!' && c[1] == '=') { opat = c; op = OP_NE; oplen = 2; break; }
            if (c[0] == '=' && c[1] == '=') { opat = c; op = OP_EQ; oplen = 2; break; }
            if (c[0] == '=') { opat = c; op = OP_EQ; oplen = 1; break; }
        }
        if (!opat) {
            if (asprintf(err, "invalid selector: '%s'; can't understand '%s'", s, t) < 0) abort();
            free(t);
            selector_free(sel);
            return NULL;
        }
        *opat = 0;
        char *key = t, *val = opat + oplen;
        if (!field_allowed(res, key)) {
            if (asprintf(err, "field label not supported: %s", key) < 0) abort();
            free(t);
            selector_free(sel);
            return NULL;
        }
        /* unescape value */
        buf_t v = {0};
        for (char *c = val; *c; c++) {
            if (*c == '\\' && c[1]) c++;
            buf_put(&v, c, 1);
        }
        sreq_t *n = realloc(sel->r, (sel->n + 1) * sizeof *n);
        if (!n) abort();
        sel->r = n;
        sreq_t *q = &sel->r[sel->n++];
        memset(q, 0, sizeof *q);
        q->key = strdup(key);
        q->op = op;
        char *vs = buf_steal(&v);
        push_val(q, vs);
        free(vs);
        free(t);
    }
    return sel;
}

static void field_value(const cJSON *obj, const char *key, char *out, size_t n) {
    const cJSON *v;
    if (!strcmp(key, "source")) v = json_path_get(obj, "source.component");
    else v = json_path_get(obj, key);
    out[0] = 0;
    if (cJSON_IsString(v)) snprintf(out, n, "%s", v->valuestring);
    else if (cJSON_IsNumber(v)) snprintf(out, n, "%lld", (long long)v->valuedouble);
    else if (cJSON_IsBool(v)) snprintf(out, n, "%s", cJSON_IsTrue(v) ? "true" : "false");
}

bool selector_match_fields(const selector_t *sel, const cJSON *obj) {
    if (!sel) return true;
    char val[512];
    for (size_t i = 0; i < sel->n; i++) {
        field_value(obj, sel->r[i].key, val, sizeof val);
        if (!req_match(&sel->r[i], val)) return false;
    }
    return true;
}

char *label_selector_string(const cJSON *ls) {
    buf_t b = {0};
    const cJSON *ml = cJSON_GetObjectItemCaseSensitive(ls, "matchLabels"), *c;
    cJSON_ArrayForEach(c, ml) {
        if (b.len) buf_puts(&b, ",");
        buf_printf(&b, "%s=%s", c->string, cJSON_IsString(c) ? c->valuestring : "");
    }
    const cJSON *me = cJSON_GetObjectItemCaseSensitive(ls, "matchExpressions");
    cJSON_ArrayForEach(c, me) {
        const char *k = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "key"));
        const char *op = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "operator"));
        if (!k || !op) continue;
        if (b.len) buf_puts(&b, ",");
        if (!strcmp(op, "Exists")) buf_puts(&b, k);
        else if (!strcmp(op, "DoesNotExist")) buf_printf(&b, "!%s", k);
        else {
            buf_printf(&b, "%s %s (", k, !strcmp(op, "In") ? "in" : "notin");
            const cJSON *v;
            int i = 0;
            cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(c, "values")) {
                if (i++) buf_puts(&b, ",");
                if (cJSON_IsString(v)) buf_puts(&b, v->valuestring);
            }
            buf_puts(&b, ")");
        }
    }
    return buf_steal(&b);
}
