/* meta.c — byte buffers, object metadata, JSON tree helpers, name validation. */
#define _GNU_SOURCE
#include "internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

void buf_put(buf_t *b, const void *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) abort();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void buf_puts(buf_t *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_printf(buf_t *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        buf_put(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) abort();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_put(b, big, (size_t)n);
    free(big);
}

void buf_json_str(buf_t *b, const char *s) {
    buf_put(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': buf_put(b, "\\\"", 2); break;
        case '\\': buf_put(b, "\\\\", 2); break;
        case '\n': buf_put(b, "\\n", 2); break;
        case '\r': buf_put(b, "\\r", 2); break;
        case '\t': buf_put(b, "\\t", 2); break;
        default:
            if (*p < 0x20) buf_printf(b, "\\u%04x", *p);
            else buf_put(b, p, 1);
        }
    }
    buf_put(b, "\"", 1);
}

char *buf_steal(buf_t *b) {
    if (!b->p) buf_put(b, "", 0);
    char *p = b->p;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

void now_rfc3339(char out[32]) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void rand_bytes(void *p, size_t n) {
    if (getrandom(p, n, 0) != (ssize_t)n) {
        unsigned char *c = p;
        for (size_t i = 0; i < n; i++) c[i] = (unsigned char)rand();
    }
}

void new_uid(char out[37]) {
    unsigned char b[16];
    rand_bytes(b, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

void random_suffix(char out[6]) {
    /* k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable digits */
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    unsigned char b[5];
    rand_bytes(b, sizeof b);
    for (int i = 0; i < 5; i++) out[i] = alphabet[b[i] % (sizeof alphabet - 1)];
    out[5] = 0;
}

const char *meta_str(const cJSON *obj, const char *field) {
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    const cJSON *v = m ? cJSON_GetObjectItemCaseSensitive(m, field) : NULL;
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

cJSON *meta_of(cJSON *obj) {
    cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    if (!cJSON_IsObject(m)) {
        if (m) cJSON_DeleteItemFromObjectCaseSensitive(obj, "metadata");
        m = cJSON_AddObjectToObject(obj, "metadata");
    }
    return m;
}

void json_set(cJSON *parent, const char *key, cJSON *v) {
    if (cJSON_GetObjectItemCaseSensitive(parent, key))
        cJSON_ReplaceItemInObjectCaseSensitive(parent, key, v);
    else
        cJSON_AddItemToObject(parent, key, v);
}

void json_set_str(cJSON *parent, const char *key, const char *v) {
    json_set(parent, key, cJSON_CreateString(v));
}

void meta_set_str(cJSON *obj, const char *field, const char *v) {
    cJSON *m = meta_of(obj);
    if (v) json_set_str(m, field, v);
    else cJSON_DeleteItemFromObjectCaseSensitive(m, field);
}

static const char *path_next(const char *p, char *seg, size_t segsz) {
    while (*p == '.') p++;
    size_t n = 0;
    while (*p && *p != '.' && n + 1 < segsz) seg[n++] = *p++;
    seg[n] = 0;
    return p;
}

cJSON *json_path_get(const cJSON *obj, const char *path) {
    char seg[256];
    const cJSON *cur = obj;
    const char *p = path;
    while (cur && *p) {
        p = path_next(p, seg, sizeof seg);
        if (!seg[0]) break;
        cur = cJSON_IsObject(cur) ? cJSON_GetObjectItemCaseSensitive(cur, seg) : NULL;
    }
    return (cJSON *)cur;
}

bool json_path_set(cJSON *obj, const char *path, cJSON *v) {
    char seg[256];
    cJSON *cur = obj;
    const char *p = path_next(path, seg, sizeof seg);
    while (*p) {
        cJSON *nx = cJSON_GetObjectItemCaseSensitive(cur, seg);
        if (!cJSON_IsObject(nx)) {
            if (nx) cJSON_DeleteItemFromObjectCaseSensitive(cur, seg);
            nx = cJSON_AddObjectToObject(cur, seg);
        }
        cur = nx;
        p = path_next(p, seg, sizeof seg);
    }
    if (!seg[0]) {
        cJSON_Delete(v);
        return false;
    }
    json_set(cur, seg, v);
    return true;
}

static int key_cmp(const void *a, const void *b) {
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    return strcmp(x->string, y->string);
}

/* Re-links the children of an object in the order of `arr`. */
static void relink(cJSON *j, cJSON **arr, size_t n) {
    if (!n) return;
    for (size_t i = 0; i < n; i++) {
        arr[i]->prev = i ? arr[i - 1] : arr[n - 1];
        arr[i]->next = i + 1 < n ? arr[i + 1] : NULL;
    }
    j->child = arr[0];
}

void json_sort_keys(cJSON *j) {
    if (!j) return;
    size_t n = 0;
    for (cJSON *c = j->child; c; c = c->next) {
        n++;
        json_sort_keys(c);
    }
    if (!cJSON_IsObject(j) || n < 2) return;
    cJSON *stack[64];
    cJSON **arr = n <= 64 ? stack : malloc(n * sizeof *arr);
    if (!arr) abort();
    size_t i = 0;
    bool sorted = true;
    for (cJSON *c = j->child; c; c = c->next) {
        arr[i] = c;
        if (i && strcmp(arr[i - 1]->string, c->string) > 0) sorted = false;
        i++;
    }
    if (!sorted) {
        qsort(arr, n, sizeof *arr, key_cmp);
        relink(j, arr, n);
    }
    if (arr != stack) free(arr);
}

/* Moves the members named in `order` to the front, in that order; others keep theirs. */
static void order_members(cJSON *j, const char *const *order) {
    if (!cJSON_IsObject(j) || !j->child) return;
    size_t n = 0;
    for (cJSON *c = j->child; c; c = c->next) n++;
    cJSON **arr = malloc(n * sizeof *arr);
    if (!arr) abort();
    size_t k = 0;
    for (const char *const *o = order; *o; o++) {
        cJSON *c = cJSON_GetObjectItemCaseSensitive(j, *o);
        if (c) arr[k++] = c;
    }
    for (cJSON *c = j->child; c; c = c->next) {
        bool listed = false;
        for (size_t i = 0; i < k; i++)
            if (arr[i] == c) listed = true;
        if (!listed) arr[k++] = c;
    }
    relink(j, arr, n);
    free(arr);
}

void json_order_builtin(cJSON *obj) {
    static const char *const top[] = {"kind", "apiVersion", "metadata", "spec", "status", NULL};
    static const char *const meta[] = {"name", "generateName", "namespace", "selfLink", "uid",
                                       "resourceVersion", "generation", "creationTimestamp",
                                       "deletionTimestamp", "deletionGracePeriodSeconds",
                                       "labels", "annotations", "ownerReferences", "finalizers",
                                       "managedFields", NULL};
    static const char *const mf[] = {"manager", "operation", "apiVersion", "time", "fieldsType",
                                     "fieldsV1", "subresource", NULL};
    order_members(obj, top);
    cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    order_members(m, meta);
    cJSON *mfs = cJSON_GetObjectItemCaseSensitive(m, "managedFields");
    cJSON *e;
    cJSON_ArrayForEach(e, mfs) order_members(e, mf);
}

bool json_equal_except(const cJSON *a, const cJSON *b, const char *const *skip_top) {
    size_t na = 0, nb = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, a) {
        bool skip = false;
        for (const char *const *s = skip_top; s && *s; s++)
            if (!strcmp(c->string, *s)) skip = true;
        if (skip) continue;
        na++;
        const cJSON *d = cJSON_GetObjectItemCaseSensitive(b, c->string);
        if (!d || !cJSON_Compare(c, d, true)) return false;
    }
    cJSON_ArrayForEach(c, b) {
        bool skip = false;
        for (const char *const *s = skip_top; s && *s; s++)
            if (!strcmp(c->string, *s)) skip = true;
        if (!skip) nb++;
    }
    return na == nb;
}

static bool label_part(const char *s, size_t n) {
    if (!n || n > 63) return false;
    if (!isalnum((unsigned char)s[0]) || !isalnum((unsigned char)s[n - 1])) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(islower(c) || isdigit(c) || c == '-')) return false;
    }
    return true;
}

bool valid_dns_label(const char *s) { return s && label_part(s, strlen(s)); }

bool valid_dns_subdomain(const char *s) {
    if (!s || !*s || strlen(s) > 253) return false;
    const char *p = s;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (!label_part(p, n)) return false;
        if (!dot) return true;
        p = dot + 1;
    }
}

const char *msg_dns_subdomain(void) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
           "'-' or '.', and must start and end with an alphanumeric character (e.g. "
           "'example.com', regex used for validation is "
           "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
}

const char *msg_dns_label(void) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
           "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
           "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
}

bool parse_u64(const char *s, uint64_t *out) {
    if (!s || !*s) return false;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        if (v > (UINT64_MAX - 9) / 10) return false;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    *out = v;
    return true;
}
