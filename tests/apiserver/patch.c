/* patch.c — JSON patch (RFC 6902), merge patch (RFC 7386), strategic merge patch and the
 * built-in field table (patch.h). */
#define _POSIX_C_SOURCE 200809L
#include "patch.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ================= the built-in field table =================
 * One row per (kinds, path suffix). `kinds` is NULL for every kind, or a '|'-separated list,
 * or "!Kind" for every kind but one. The suffix matches whole dotted segments at the end of
 * the field path (list items skipped), so "spec.containers" covers Pod, Deployment, Job,
 * CronJob templates alike. Values from the Go struct tags (patchStrategy/patchMergeKey) and
 * the +listType/+listMapKey/+structType markers of k8s.io/api. */
typedef struct field_rule {
    const char *kinds;
    const char *suffix;
    ksrv_field_info_t info;
} field_rule_t;

#define MAP1(k) {KSRV_LIST_MAP, k, {k, NULL, NULL}, false, false}
#define MAP2(k, k2) {KSRV_LIST_MAP, k, {k, k2, NULL}, false, false}
#define SET {KSRV_LIST_SET, NULL, {NULL, NULL, NULL}, false, false}
#define RETAIN {KSRV_LIST_ATOMIC, NULL, {NULL, NULL, NULL}, true, false}
#define ATOMIC {KSRV_LIST_ATOMIC, NULL, {NULL, NULL, NULL}, false, true}

static const field_rule_t k_rules[] = {
    {NULL, "metadata.finalizers", SET},
    /* OwnerReference is +structType=atomic: its items are owned whole */
    {NULL, "metadata.ownerReferences", {KSRV_LIST_MAP, "uid", {"uid", NULL, NULL}, false, true}},
    {NULL, "spec.containers", MAP1("name")},
    {NULL, "spec.initContainers", MAP1("name")},
    {NULL, "spec.ephemeralContainers", MAP1("name")},
    {NULL, "containers.env", MAP1("name")},
    {NULL, "initContainers.env", MAP1("name")},
    {NULL, "ephemeralContainers.env", MAP1("name")},
    {NULL, "containers.ports", MAP2("containerPort", "protocol")},
    {NULL, "initContainers.ports", MAP2("containerPort", "protocol")},
    {NULL, "ephemeralContainers.ports", MAP2("containerPort", "protocol")},
    {NULL, "containers.volumeMounts", MAP1("mountPath")},
    {NULL, "initContainers.volumeMounts", MAP1("mountPath")},
    {NULL, "ephemeralContainers.volumeMounts", MAP1("mountPath")},
    {NULL, "containers.volumeDevices", MAP1("devicePath")},
    {NULL, "initContainers.volumeDevices", MAP1("devicePath")},
    {NULL, "containers.resources.claims", MAP1("name")},
    {NULL, "spec.volumes", {KSRV_LIST_MAP, "name", {"name", NULL, NULL}, true, false}},
    {NULL, "spec.imagePullSecrets", MAP1("name")},
    {NULL, "spec.hostAliases", MAP1("ip")},
    {NULL, "spec.topologySpreadConstraints", MAP2("topologyKey", "whenUnsatisfiable")},
    {NULL, "spec.schedulingGates", MAP1("name")},
    {NULL, "spec.resourceClaims", MAP1("name")},
    {NULL, "status.conditions", MAP1("type")},
    {NULL, "status.podIPs", MAP1("ip")},
    {NULL, "status.hostIPs", MAP1("ip")},
    {"ServiceAccount", "secrets", MAP1("name")},
    {"Service", "spec.ports", MAP2("port", "protocol")},
    {"Deployment", "spec.strategy", RETAIN},
    {"DaemonSet|StatefulSet", "spec.updateStrategy", RETAIN},
    {NULL, "spec.selector", ATOMIC}, /* LabelSelector; Service: +mapType=atomic */
    {NULL, "jobTemplate.spec.selector", ATOMIC},
    {NULL, "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution", ATOMIC},
    {"Event", "involvedObject", ATOMIC},
    {"Event", "related", ATOMIC},
    {NULL, "regarding", ATOMIC},
    {NULL, "containers.env.valueFrom.fieldRef", ATOMIC},
    {NULL, "containers.env.valueFrom.configMapKeyRef", ATOMIC},
    {NULL, "containers.env.valueFrom.secretKeyRef", ATOMIC},
    {NULL, "containers.env.valueFrom.resourceFieldRef", ATOMIC},
    {NULL, "spec.template.spec.securityContext.seLinuxOptions", ATOMIC},
};

static bool kind_matches(const char *kinds, const char *kind) {
    if (!kinds) return true;
    if (!kind) kind = "";
    if (kinds[0] == '!') return strcmp(kinds + 1, kind) != 0;
    size_t kl = strlen(kind);
    for (const char *p = kinds; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == kl && !strncmp(p, kind, n)) return true;
        if (!bar) break;
        p = bar + 1;
    }
    return false;
}

static bool suffix_matches(const char *path, const char *suffix) {
    size_t pl = strlen(path), sl = strlen(suffix);
    if (sl > pl) return false;
    if (strcmp(path + pl - sl, suffix)) return false;
    return pl == sl || path[pl - sl - 1] == '.';
}

bool ksrv_field_info(const char *kind, const char *path, ksrv_field_info_t *out) {
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < sizeof k_rules / sizeof k_rules[0]; i++) {
        if (kind_matches(k_rules[i].kinds, kind) && suffix_matches(path, k_rules[i].suffix)) {
            *out = k_rules[i].info;
            return true;
        }
    }
    return false;
}

/* ================= content types ================= */

ksrv_patch_type_t ksrv_patch_type(const char *ct) {
    if (!ct) return KSRV_PATCH_UNKNOWN;
    while (*ct == ' ') ct++;
    size_t n = strcspn(ct, "; ");
    static const struct { const char *ct; ksrv_patch_type_t t; } m[] = {
        {"application/json-patch+json", KSRV_PATCH_JSON},
        {"application/merge-patch+json", KSRV_PATCH_MERGE},
        {"application/strategic-merge-patch+json", KSRV_PATCH_STRATEGIC},
        {"application/apply-patch+yaml", KSRV_PATCH_APPLY},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strlen(m[i].ct) == n && !strncasecmp(ct, m[i].ct, n)) return m[i].t;
    return KSRV_PATCH_UNKNOWN;
}

int ksrv_patch_unsupported(ksrv_status_t *st, bool custom_resource) {
    return ksrv_status_set(
        st, 415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: %s",
        custom_resource
            ? "application/json-patch+json, application/merge-patch+json, "
              "application/apply-patch+yaml"
            : "application/json-patch+json, application/merge-patch+json, "
              "application/apply-patch+yaml, application/strategic-merge-patch+json");
}

/* ================= RFC 6902 ================= */

static int patch_failed(ksrv_status_t *st) {
    ksrv_status_set(st, 422, "Invalid",
                    "the server rejected our request due to an error in our request");
    st->has_details = 1;
    return -1;
}

/* Splits a JSON pointer into unescaped tokens. Returns count, -1 on bad syntax. */
static int pointer_split(const char *ptr, char ***out) {
    *out = NULL;
    if (!*ptr) return 0;
    if (*ptr != '/') return -1;
    int n = 0;
    for (const char *p = ptr; *p; p++)
        if (*p == '/') n++;
    char **toks = calloc((size_t)n, sizeof *toks);
    const char *p = ptr + 1;
    for (int i = 0; i < n; i++) {
        const char *e = strchr(p, '/');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *t = malloc(l + 1);
        size_t o = 0;
        for (size_t k = 0; k < l; k++) {
            if (p[k] == '~' && k + 1 < l && p[k + 1] == '0') t[o++] = '~', k++;
            else if (p[k] == '~' && k + 1 < l && p[k + 1] == '1') t[o++] = '/', k++;
            else t[o++] = p[k];
        }
        t[o] = '\0';
        toks[i] = t;
        p = e ? e + 1 : p + l;
    }
    *out = toks;
    return n;
}

static void toks_free(char **t, int n) {
    for (int i = 0; i < n; i++) free(t[i]);
    free(t);
}

/* Array index token: digits only, no leading zero; "-" gives len when allow_end. */
static int array_index(const cJSON *arr, const char *tok, bool allow_end) {
    int len = cJSON_GetArraySize(arr);
    if (allow_end && !strcmp(tok, "-")) return len;
    if (!*tok || (tok[0] == '0' && tok[1])) return -1;
    long v = 0;
    for (const char *p = tok; *p; p++) {
        if (!isdigit((unsigned char)*p)) return -1;
        v = v * 10 + (*p - '0');
        if (v > 1000000000) return -1;
    }
    return (int)v;
}

static cJSON *child(cJSON *node, const char *tok) {
    if (cJSON_IsObject(node)) return cJSON_GetObjectItemCaseSensitive(node, tok);
    if (cJSON_IsArray(node)) {
        int i = array_index(node, tok, false);
        return i < 0 ? NULL : cJSON_GetArrayItem(node, i);
    }
    return NULL;
}

/* Resolves all tokens but the last; NULL if missing. */
static cJSON *resolve_parent(cJSON *doc, char **toks, int n) {
    cJSON *cur = doc;
    for (int i = 0; i < n - 1 && cur; i++) cur = child(cur, toks[i]);
    return cur;
}

static cJSON *resolve(cJSON *doc, char **toks, int n) {
    if (n == 0) return doc;
    cJSON *p = resolve_parent(doc, toks, n);
    return p ? child(p, toks[n - 1]) : NULL;
}

/* cJSON_InsertItemInArray of Debian's patched cJSON 1.7.15 refuses some valid inserts; move
 * the tail instead. */
static void array_insert(cJSON *arr, int at, cJSON *v) {
    cJSON *tail = cJSON_CreateArray();
    while (cJSON_GetArraySize(arr) > at)
        cJSON_AddItemToArray(tail, cJSON_DetachItemFromArray(arr, at));
    cJSON_AddItemToArray(arr, v);
    while (cJSON_GetArraySize(tail))
        cJSON_AddItemToArray(arr, cJSON_DetachItemFromArray(tail, 0));
    cJSON_Delete(tail);
}

/* add: takes v. Returns 0 or -1 (v freed). */
static int op_add(cJSON **doc, char **toks, int n, cJSON *v) {
    if (n == 0) {
        cJSON_Delete(*doc);
        *doc = v;
        return 0;
    }
    cJSON *par = resolve_parent(*doc, toks, n);
    const char *last = toks[n - 1];
    if (cJSON_IsObject(par)) {
        if (cJSON_GetObjectItemCaseSensitive(par, last))
            cJSON_ReplaceItemInObjectCaseSensitive(par, last, v);
        else
            cJSON_AddItemToObject(par, last, v);
        return 0;
    }
    if (cJSON_IsArray(par)) {
        int i = array_index(par, last, true);
        int len = cJSON_GetArraySize(par);
        if (i < 0 || i > len) goto fail;
        if (i == len) cJSON_AddItemToArray(par, v);
        else array_insert(par, i, v);
        return 0;
    }
fail:
    cJSON_Delete(v);
    return -1;
}

/* remove: returns the detached node or NULL. */
static cJSON *op_detach(cJSON *doc, char **toks, int n) {
    if (n == 0) return NULL;
    cJSON *par = resolve_parent(doc, toks, n);
    const char *last = toks[n - 1];
    if (cJSON_IsObject(par)) return cJSON_DetachItemFromObjectCaseSensitive(par, last);
    if (cJSON_IsArray(par)) {
        int i = array_index(par, last, false);
        if (i < 0 || i >= cJSON_GetArraySize(par)) return NULL;
        return cJSON_DetachItemFromArray(par, i);
    }
    return NULL;
}

static const char *op_str(const cJSON *op, const char *k) {
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, k));
}

int ksrv_json_patch(const cJSON *doc_in, const cJSON *patch, cJSON **out, ksrv_status_t *st) {
    *out = NULL;
    if (!cJSON_IsArray(patch)) {
        const char *what = cJSON_IsObject(patch) ? "object" : cJSON_IsString(patch) ? "string"
                           : cJSON_IsNumber(patch) ? "number" : cJSON_IsBool(patch) ? "bool"
                                                                                   : "null";
        return ksrv_status_set(st, 400, "BadRequest",
                               "json: cannot unmarshal %s into Go value of type jsonpatch.Patch",
                               what);
    }
    const cJSON *op;
    cJSON_ArrayForEach(op, patch) if (!cJSON_IsObject(op)) return ksrv_status_set(
        st, 400, "BadRequest",
        "json: cannot unmarshal %s into Go value of type jsonpatch.Operation",
        cJSON_IsArray(op) ? "array" : "string");

    cJSON *doc = cJSON_Duplicate(doc_in, 1);
    cJSON_ArrayForEach(op, patch) {
        const char *kind = op_str(op, "op"), *path = op_str(op, "path");
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(op, "value");
        char **toks = NULL, **ftoks = NULL;
        int n = path ? pointer_split(path, &toks) : -1, fn = 0, bad = 0;
        if (!kind || n < 0) bad = 1;
        else if (!strcmp(kind, "add") || !strcmp(kind, "replace")) {
            if (!value) bad = 1;
            else if (!strcmp(kind, "replace")) {
                if (n == 0) {
                    cJSON_Delete(doc);
                    doc = cJSON_Duplicate(value, 1);
                } else if (!resolve(doc, toks, n)) bad = 1;
                else {
                    cJSON *old = op_detach(doc, toks, n);
                    cJSON_Delete(old);
                    bad = op_add(&doc, toks, n, cJSON_Duplicate(value, 1));
                }
            } else {
                bad = op_add(&doc, toks, n, cJSON_Duplicate(value, 1));
            }
        } else if (!strcmp(kind, "remove")) {
            cJSON *old = op_detach(doc, toks, n);
            if (!old) bad = 1;
            cJSON_Delete(old);
        } else if (!strcmp(kind, "test")) {
            cJSON *cur = resolve(doc, toks, n);
            if (!value) bad = !(cur == NULL || cJSON_IsNull(cur));
            else if (!cur) bad = !cJSON_IsNull(value);
            else bad = !cJSON_Compare(cur, value, 1);
        } else if (!strcmp(kind, "move") || !strcmp(kind, "copy")) {
            const char *from = op_str(op, "from");
            fn = from ? pointer_split(from, &ftoks) : -1;
            if (fn < 0) bad = 1;
            else if (!strcmp(kind, "copy")) {
                cJSON *src = resolve(doc, ftoks, fn);
                if (!src) bad = 1;
                else bad = op_add(&doc, toks, n, cJSON_Duplicate(src, 1));
            } else {
                cJSON *src = op_detach(doc, ftoks, fn);
                if (!src) bad = 1;
                else bad = op_add(&doc, toks, n, src);
            }
        } else {
            bad = 1; /* "Unexpected kind" */
        }
        toks_free(toks, n > 0 ? n : 0);
        toks_free(ftoks, fn > 0 ? fn : 0);
        if (bad) {
            cJSON_Delete(doc);
            return patch_failed(st);
        }
    }
    *out = doc;
    return 0;
}

/* ================= RFC 7386 ================= */

static cJSON *merge_value(const cJSON *target, const cJSON *patch) {
    if (!cJSON_IsObject(patch)) return cJSON_Duplicate(patch, 1);
    cJSON *res = cJSON_IsObject(target) ? cJSON_Duplicate(target, 1) : cJSON_CreateObject();
    const cJSON *m;
    cJSON_ArrayForEach(m, patch) {
        if (cJSON_IsNull(m)) {
            cJSON_DeleteItemFromObjectCaseSensitive(res, m->string);
            continue;
        }
        cJSON *cur = cJSON_GetObjectItemCaseSensitive(res, m->string);
        cJSON *nv = merge_value(cur, m);
        if (cur) cJSON_ReplaceItemInObjectCaseSensitive(res, m->string, nv);
        else cJSON_AddItemToObject(res, m->string, nv);
    }
    return res;
}

int ksrv_merge_patch(const cJSON *doc, const cJSON *patch, cJSON **out, ksrv_status_t *st) {
    (void)st;
    *out = merge_value(doc, patch);
    return 0;
}

/* ================= strategic merge patch ================= */

typedef struct smp {
    const char *kind;
    ksrv_status_t *st;
    bool failed;
} smp_t;

#define PATH_MAX_LEN 512

static void path_join(char *out, const char *base, const char *field) {
    if (base[0]) snprintf(out, PATH_MAX_LEN, "%s.%s", base, field);
    else snprintf(out, PATH_MAX_LEN, "%s", field);
}

static cJSON *smp_value(smp_t *s, const cJSON *orig, const cJSON *patch, const char *path);

static bool smp_fail(smp_t *s, int code, const char *reason, const char *msg) {
    if (!s->failed) ksrv_status_set(s->st, code, reason, "%s", msg);
    s->failed = true;
    return false;
}

static const cJSON *key_of(const cJSON *item, const char *key) {
    return cJSON_IsObject(item) ? cJSON_GetObjectItemCaseSensitive(item, key) : NULL;
}

/* Index of the element of arr matching item (by merge key, or by value for primitives). */
static int index_in(const cJSON *arr, const cJSON *item, const char *key) {
    int i = 0;
    const cJSON *e;
    const cJSON *want = key ? key_of(item, key) : item;
    if (!want) return -1;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *have = key ? key_of(e, key) : e;
        if (have && cJSON_Compare(have, want, 1)) return i;
        i++;
    }
    return -1;
}

/* mergeSortedSlice of strategicpatch: left = server-only items, right = patch items, both
 * already sorted; ties resolved by position in the server's list. Takes both arrays. */
static cJSON *merge_sorted(cJSON *left, cJSON *right, const cJSON *server, const char *key) {
    cJSON *out = cJSON_CreateArray();
    while (cJSON_GetArraySize(left) || cJSON_GetArraySize(right)) {
        cJSON *l = cJSON_GetArrayItem(left, 0), *r = cJSON_GetArrayItem(right, 0);
        bool take_left;
        if (!r) take_left = true;
        else if (!l) take_left = false;
        else {
            int li = index_in(server, l, key), ri = index_in(server, r, key);
            take_left = li >= 0 && ri >= 0 && li < ri;
        }
        cJSON_AddItemToArray(out, cJSON_DetachItemFromArray(take_left ? left : right, 0));
    }
    cJSON_Delete(left);
    cJSON_Delete(right);
    return out;
}

/* normalizeElementOrder: items of `merged` present in `order` first in that order, merged
 * with the server-only items in server order. Takes merged. */
static cJSON *normalize_order(cJSON *merged, const cJSON *order, const cJSON *server,
                              const char *key) {
    cJSON *in_patch = cJSON_CreateArray(), *server_only = cJSON_CreateArray();
    while (cJSON_GetArraySize(merged)) {
        cJSON *it = cJSON_DetachItemFromArray(merged, 0);
        cJSON_AddItemToArray(index_in(order, it, key) >= 0 ? in_patch : server_only, it);
    }
    cJSON_Delete(merged);
    /* stable insertion sort of in_patch by position in order */
    int n = cJSON_GetArraySize(in_patch);
    cJSON **v = calloc((size_t)n + 1, sizeof *v);
    for (int i = 0; i < n; i++) v[i] = cJSON_DetachItemFromArray(in_patch, 0);
    for (int i = 1; i < n; i++) {
        cJSON *x = v[i];
        int xi = index_in(order, x, key), j = i - 1;
        while (j >= 0 && index_in(order, v[j], key) > xi) { v[j + 1] = v[j]; j--; }
        v[j + 1] = x;
    }
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(in_patch, v[i]);
    free(v);
    return merge_sorted(server_only, in_patch, server, key);
}

/* A list with a merge key (KSRV_LIST_MAP). */
static cJSON *smp_list_map(smp_t *s, const cJSON *orig, const cJSON *patch, const char *key,
                           const char *path) {
    cJSON *work = cJSON_IsArray(orig) ? cJSON_Duplicate(orig, 1) : cJSON_CreateArray();
    cJSON *items = cJSON_CreateArray(); /* patch without directive elements */
    bool replace = false;
    const cJSON *p;
    cJSON_ArrayForEach(p, patch) {
        const char *d = cJSON_IsObject(p)
                            ? cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "$patch"))
                            : NULL;
        if (!d) {
            if (!key_of(p, key)) {
                char *js = cJSON_PrintUnformatted(p), msg[1024];
                snprintf(msg, sizeof msg, "map: %s does not contain declared merge key: %s",
                         js ? js : "", key);
                free(js);
                smp_fail(s, 500, "InternalError", msg);
                goto fail;
            }
            cJSON_AddItemToArray(items, cJSON_Duplicate(p, 1));
        } else if (!strcmp(d, "delete")) {
            if (!key_of(p, key)) {
                smp_fail(s, 500, "InternalError", "map does not contain declared merge key");
                goto fail;
            }
            for (int i; (i = index_in(work, p, key)) >= 0;) cJSON_DeleteItemFromArray(work, i);
        } else if (!strcmp(d, "replace")) {
            replace = true;
        } else if (!strcmp(d, "merge")) {
            smp_fail(s, 500, "InternalError", "merging lists cannot yet be specified in the patch");
            goto fail;
        } else {
            char msg[300];
            snprintf(msg, sizeof msg, "Unknown patch type: %s in map", d);
            smp_fail(s, 500, "InternalError", msg);
            goto fail;
        }
    }
    if (replace) {
        cJSON *res = cJSON_CreateArray();
        cJSON_ArrayForEach(p, items) cJSON_AddItemToArray(res, smp_value(s, NULL, p, path));
        cJSON_Delete(work);
        cJSON_Delete(items);
        return res;
    }
    cJSON_ArrayForEach(p, items) {
        int i = index_in(work, p, key);
        if (i >= 0) {
            cJSON *m = smp_value(s, cJSON_GetArrayItem(work, i), p, path);
            cJSON_ReplaceItemInArray(work, i, m);
        } else {
            cJSON_AddItemToArray(work, smp_value(s, NULL, p, path));
        }
    }
    cJSON *res = normalize_order(work, items, orig, key);
    cJSON_Delete(items);
    return res;
fail:
    cJSON_Delete(work);
    cJSON_Delete(items);
    return NULL;
}

/* A merging list of primitives (finalizers): union, deduplicated, then ordered. */
static cJSON *smp_list_set(const cJSON *orig, const cJSON *patch) {
    cJSON *merged = cJSON_CreateArray();
    const cJSON *e;
    const cJSON *srcs[2] = {orig, patch};
    for (int k = 0; k < 2; k++)
        cJSON_ArrayForEach(e, srcs[k]) if (index_in(merged, e, NULL) < 0)
            cJSON_AddItemToArray(merged, cJSON_Duplicate(e, 1));
    return normalize_order(merged, patch, orig, NULL);
}

static void delete_from_list(cJSON *list, const cJSON *values) {
    const cJSON *v;
    cJSON_ArrayForEach(v, values)
        for (int i; (i = index_in(list, v, NULL)) >= 0;) cJSON_DeleteItemFromArray(list, i);
}

static cJSON *smp_map(smp_t *s, const cJSON *orig, const cJSON *patch, const char *path) {
    const char *d = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(patch, "$patch"));
    if (d && !strcmp(d, "delete")) return cJSON_CreateObject();
    if (d && strcmp(d, "replace")) {
        char msg[300];
        snprintf(msg, sizeof msg, "Unknown patch type: %s in map", d);
        smp_fail(s, 500, "InternalError", msg);
        return NULL;
    }
    cJSON *res = (!d && cJSON_IsObject(orig)) ? cJSON_Duplicate(orig, 1) : cJSON_CreateObject();
    const cJSON *retain = cJSON_GetObjectItemCaseSensitive(patch, "$retainKeys");
    if (retain && cJSON_IsArray(retain)) {
        for (cJSON *m = res->child; m;) {
            cJSON *next = m->next;
            bool keep = false;
            const cJSON *k;
            cJSON_ArrayForEach(k, retain) if (cJSON_IsString(k) && !strcmp(k->valuestring, m->string))
                keep = true;
            if (!keep) cJSON_Delete(cJSON_DetachItemViaPointer(res, m));
            m = next;
        }
    }
    const cJSON *m;
    cJSON_ArrayForEach(m, patch) {
        static const char dfpl[] = "$deleteFromPrimitiveList/";
        if (!strncmp(m->string, dfpl, sizeof dfpl - 1)) {
            cJSON *list = cJSON_GetObjectItemCaseSensitive(res, m->string + sizeof dfpl - 1);
            if (cJSON_IsArray(list)) delete_from_list(list, m);
        }
    }
    cJSON_ArrayForEach(m, patch) {
        const char *k = m->string;
        if (k[0] == '$') continue; /* directives handled around the loop */
        char sub[PATH_MAX_LEN];
        path_join(sub, path, k);
        cJSON *cur = cJSON_GetObjectItemCaseSensitive(res, k);
        if (cJSON_IsNull(m)) {
            cJSON_DeleteItemFromObjectCaseSensitive(res, k);
            continue;
        }
        cJSON *nv = smp_value(s, cur, m, sub);
        if (!nv) {
            cJSON_Delete(res);
            return NULL;
        }
        if (cur) cJSON_ReplaceItemInObjectCaseSensitive(res, k, nv);
        else cJSON_AddItemToObject(res, k, nv);
    }
    /* $setElementOrder/<f>: reorder the merged list by the given order. */
    cJSON_ArrayForEach(m, patch) {
        static const char seo[] = "$setElementOrder/";
        if (strncmp(m->string, seo, sizeof seo - 1) || !cJSON_IsArray(m)) continue;
        const char *f = m->string + sizeof seo - 1;
        cJSON *list = cJSON_GetObjectItemCaseSensitive(res, f);
        if (!cJSON_IsArray(list)) continue;
        char sub[PATH_MAX_LEN];
        path_join(sub, path, f);
        ksrv_field_info_t fi;
        ksrv_field_info(s->kind, sub, &fi);
        const char *key = fi.list == KSRV_LIST_MAP ? fi.merge_key : NULL;
        const cJSON *server = cJSON_GetObjectItemCaseSensitive(orig, f);
        cJSON *sorted = normalize_order(cJSON_Duplicate(list, 1), m,
                                        server ? server : list, key);
        cJSON_ReplaceItemInObjectCaseSensitive(res, f, sorted);
    }
    return res;
}

/* Merges patch value into orig value (orig may be NULL: the cleaned patch value). */
static cJSON *smp_value(smp_t *s, const cJSON *orig, const cJSON *patch, const char *path) {
    if (cJSON_IsObject(patch)) return smp_map(s, cJSON_IsObject(orig) ? orig : NULL, patch, path);
    if (cJSON_IsArray(patch)) {
        ksrv_field_info_t fi;
        ksrv_field_info(s->kind, path, &fi);
        const cJSON *o = cJSON_IsArray(orig) ? orig : NULL;
        if (fi.list == KSRV_LIST_MAP) return smp_list_map(s, o, patch, fi.merge_key, path);
        if (fi.list == KSRV_LIST_SET) return smp_list_set(o, patch);
        /* replaced: still drop directives and nulls inside map elements */
        cJSON *res = cJSON_CreateArray();
        const cJSON *e;
        cJSON_ArrayForEach(e, patch) {
            cJSON *v = cJSON_IsObject(e) ? smp_map(s, NULL, e, path) : cJSON_Duplicate(e, 1);
            if (!v) {
                cJSON_Delete(res);
                return NULL;
            }
            cJSON_AddItemToArray(res, v);
        }
        return res;
    }
    return cJSON_Duplicate(patch, 1);
}

int ksrv_strategic_merge_patch(const cJSON *doc, const cJSON *patch, const char *kind,
                               cJSON **out, ksrv_status_t *st) {
    *out = NULL;
    if (!cJSON_IsObject(patch)) {
        const char *what = cJSON_IsArray(patch) ? "array" : cJSON_IsString(patch) ? "string"
                           : cJSON_IsNumber(patch) ? "number" : cJSON_IsBool(patch) ? "bool"
                                                                                   : "null";
        return ksrv_status_set(st, 400, "BadRequest",
                               "json: cannot unmarshal %s into Go value of type "
                               "map[string]interface {}",
                               what);
    }
    smp_t s = {kind, st, false};
    cJSON *res = smp_map(&s, doc, patch, "");
    if (!res || s.failed) {
        cJSON_Delete(res);
        return -1;
    }
    *out = res;
    return 0;
}
