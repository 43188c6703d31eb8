/* table_jsonpath.c — the JSONPath subset of kubectl printer columns (table.h):
 * .field, ['key'], [n], [-n], [a:b], [*], [?(@.f=="v")], [?(@.f!="v")], [?(@.f)]. */
#define _POSIX_C_SOURCE 200809L
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cJSON *at(const cJSON *o, const char *path) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    const cJSON *cur = o;
    for (char *save = NULL, *tok = strtok_r(buf, ".", &save); tok && cur;
         tok = strtok_r(NULL, ".", &save))
        cur = cJSON_GetObjectItemCaseSensitive(cur, tok);
    return cur;
}

typedef struct nodes {
    const cJSON **v;
    int n, cap;
} nodes_t;

static void nodes_add(nodes_t *ns, const cJSON *v) {
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 8;
        ns->v = realloc(ns->v, (size_t)ns->cap * sizeof *ns->v);
    }
    ns->v[ns->n++] = v;
}

/* Applies one bracket expression (without the brackets) to `in`, appending to `out`. */
static bool bracket(const char *expr, const nodes_t *in, nodes_t *out) {
    for (int i = 0; i < in->n; i++) {
        const cJSON *v = in->v[i];
        if (expr[0] == '\'' || expr[0] == '"') { /* ['key'] */
            char key[256];
            size_t l = strlen(expr);
            if (l < 2) return false;
            snprintf(key, sizeof key, "%.*s", (int)(l - 2), expr + 1);
            const cJSON *c = cJSON_GetObjectItemCaseSensitive(v, key);
            if (c) nodes_add(out, c);
        } else if (!strcmp(expr, "*")) {
            const cJSON *c;
            cJSON_ArrayForEach(c, v) nodes_add(out, c);
        } else if (expr[0] == '?') { /* ?(@.f=="x") or ?(@.f) */
            char field[256] = "", val[256] = "";
            const char *p = strstr(expr, "@.");
            if (!p || !cJSON_IsArray(v)) continue;
            p += 2;
            size_t fl = strcspn(p, "=!)");
            snprintf(field, sizeof field, "%.*s", (int)fl, p);
            const char *op = p + fl;
            bool ne = op[0] == '!';
            bool has_op = op[0] == '=' || ne;
            if (has_op) {
                const char *q = op + 2;
                while (*q == ' ') q++;
                size_t vl = strcspn(q, ")");
                snprintf(val, sizeof val, "%.*s", (int)vl, q);
                size_t l = strlen(val);
                if (l >= 2 && (val[0] == '"' || val[0] == '\'')) {
                    memmove(val, val + 1, l - 2);
                    val[l - 2] = '\0';
                }
            }
            const cJSON *c;
            cJSON_ArrayForEach(c, v) {
                const cJSON *f = at(c, field);
                if (!has_op) { if (f) nodes_add(out, c); continue; }
                char txt[256] = "";
                if (cJSON_IsString(f)) snprintf(txt, sizeof txt, "%s", f->valuestring);
                else if (f) { char *t = cJSON_PrintUnformatted(f); snprintf(txt, sizeof txt, "%s", t); free(t); }
                bool eq = f && !strcmp(txt, val);
                if (eq != ne) nodes_add(out, c);
            }
        } else { /* [n], [a:b], [-1:] */
            if (!cJSON_IsArray(v)) continue;
            int len = cJSON_GetArraySize(v);
            const char *colon = strchr(expr, ':');
            if (!colon) {
                int idx = atoi(expr);
                if (idx < 0) idx += len;
                const cJSON *c = cJSON_GetArrayItem(v, idx);
                if (c && idx >= 0) nodes_add(out, c);
                continue;
            }
            int a = expr == colon ? 0 : atoi(expr);
            int b = colon[1] && colon[1] != ':' ? atoi(colon + 1) : len;
            if (a < 0) a += len;
            if (b < 0) b += len;
            if (a < 0) a = 0;
            if (b > len) b = len;
            for (int k = a; k < b; k++) nodes_add(out, cJSON_GetArrayItem(v, k));
        }
    }
    return true;
}

/* Results of `path` (borrowed nodes); false on syntax error. */
static bool jsonpath(const cJSON *obj, const char *path, nodes_t *res) {
    char buf[512];
    size_t l = strlen(path);
    if (l >= sizeof buf) return false;
    if (path[0] == '{' && l >= 2 && path[l - 1] == '}') snprintf(buf, sizeof buf, "%.*s", (int)(l - 2), path + 1);
    else snprintf(buf, sizeof buf, "%s", path);
    nodes_t cur = {0};
    nodes_add(&cur, obj);
    char *p = buf;
    if (*p == '$') p++;
    while (*p) {
        nodes_t next = {0};
        if (*p == '.') {
            p++;
            char field[256];
            size_t fl = 0;
            while (*p && *p != '.' && *p != '[' && fl + 1 < sizeof field) {
                if (*p == '\\' && p[1]) p++;
                field[fl++] = *p++;
            }
            field[fl] = '\0';
            for (int i = 0; i < cur.n; i++) {
                if (!fl) { nodes_add(&next, cur.v[i]); continue; }
                const cJSON *c = cJSON_GetObjectItemCaseSensitive(cur.v[i], field);
                if (c) nodes_add(&next, c);
            }
        } else if (*p == '[') {
            char *end = strchr(p, ']');
            if (!end) { free(cur.v); return false; }
            *end = '\0';
            bracket(p + 1, &cur, &next);
            p = end + 1;
        } else {
            free(cur.v);
            return false;
        }
        free(cur.v);
        cur = next;
    }
    *res = cur;
    return true;
}

int ksrv_jsonpath_first(const cJSON *obj, const char *path, const cJSON **first) {
    nodes_t r = {0};
    *first = NULL;
    if (!jsonpath(obj, path, &r)) {
        free(r.v);
        return -1;
    }
    int n = r.n;
    if (n) *first = r.v[0];
    free(r.v);
    return n;
}

cJSON *ksrv_jsonpath_eval(const cJSON *obj, const char *path) {
    nodes_t r = {0};
    if (!jsonpath(obj, path, &r) || r.n == 0) {
        free(r.v);
        return NULL;
    }
    cJSON *out = cJSON_Duplicate(r.v[0], 1);
    free(r.v);
    return out;
}

