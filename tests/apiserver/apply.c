/* apply.c — managedFields and server-side apply (apply.h), after structured-merge-diff.
 *
 * A field set is kept as a fieldsV1-shaped cJSON tree in which a node that is itself owned
 * always carries "." (internal form); ksrv output drops "." from nodes without children.
 * Type knowledge (associative lists and their keys, sets, atomic maps, Go structs that are
 * always present) comes from the CRD schema or the built-in table in patch.c. */
#define _POSIX_C_SOURCE 200809L
#include "apply.h"
#include "patch.h"
#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct ctx {
    const ksrv_manage_opts_t *o;
} ctx_t;

/* ---------------- type information ---------------- */

typedef struct tinfo {
    ksrv_list_kind_t list;
    const char *keys[4];
    bool atomic;            /* map/struct owned as a leaf */
    const cJSON *schema;    /* CRD schema node or NULL */
} tinfo_t;

/* Non-pointer Go structs: present (possibly empty) in every typed object, so creating them is
 * not "adding" them. Built-ins only. */
static const char *const k_always[] = {
    "metadata", "spec", "status", "spec.template", "spec.template.metadata",
    "spec.template.spec", "spec.strategy", "spec.jobTemplate", "spec.jobTemplate.metadata",
    "spec.jobTemplate.spec", "spec.jobTemplate.spec.template",
    "spec.jobTemplate.spec.template.metadata", "spec.jobTemplate.spec.template.spec",
    "involvedObject", "source", "status.loadBalancer", "spec.updateStrategy", NULL};

static bool always_present(const ctx_t *c, const char *path) {
    if (c->o->schema) return false;
    for (int i = 0; k_always[i]; i++)
        if (!strcmp(k_always[i], path)) return true;
    return false;
}

static const cJSON *sget(const cJSON *s, const char *k) {
    return s ? cJSON_GetObjectItemCaseSensitive(s, k) : NULL;
}

/* Schema of child `field` of an object schema. */
static const cJSON *schema_child(const cJSON *s, const char *field) {
    if (!s) return NULL;
    const cJSON *p = sget(sget(s, "properties"), field);
    if (p) return p;
    const cJSON *a = sget(s, "additionalProperties");
    return cJSON_IsObject(a) ? a : NULL;
}

static tinfo_t type_of(const ctx_t *c, const char *path, const cJSON *schema) {
    tinfo_t t;
    memset(&t, 0, sizeof t);
    t.schema = schema;
    if (c->o->schema) {
        const char *lt = cJSON_GetStringValue(sget(schema, "x-kubernetes-list-type"));
        if (lt && !strcmp(lt, "map")) {
            t.list = KSRV_LIST_MAP;
            int i = 0;
            const cJSON *k;
            cJSON_ArrayForEach(k, sget(schema, "x-kubernetes-list-map-keys")) if (i < 3 && cJSON_IsString(k))
                t.keys[i++] = k->valuestring;
        } else if (lt && !strcmp(lt, "set")) {
            t.list = KSRV_LIST_SET;
        }
        const char *mt = cJSON_GetStringValue(sget(schema, "x-kubernetes-map-type"));
        t.atomic = mt && !strcmp(mt, "atomic");
        return t;
    }
    ksrv_field_info_t fi;
    ksrv_field_info(c->o->kind, path, &fi);
    t.list = fi.list;
    for (int i = 0; i < 3 && fi.ssa_keys[i]; i++) t.keys[i] = fi.ssa_keys[i];
    t.atomic = fi.atomic;
    return t;
}

/* ---------------- path elements ---------------- */

static void child_path(char *out, size_t n, const char *base, const char *f) {
    if (base[0]) snprintf(out, n, "%s.%s", base, f);
    else snprintf(out, n, "%s", f);
}

/* "k:{...}" of an associative list item: its key fields, in key order. NULL if a key is
 * missing. Caller frees. */
static char *item_key(const cJSON *item, const tinfo_t *t) {
    cJSON *k = cJSON_CreateObject();
    for (int i = 0; i < 3 && t->keys[i]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, t->keys[i]);
        if (!v) {
            cJSON_Delete(k);
            return NULL;
        }
        cJSON_AddItemToObject(k, t->keys[i], cJSON_Duplicate(v, 1));
    }
    char *js = cJSON_PrintUnformatted(k);
    cJSON_Delete(k);
    size_t l = strlen(js) + 3;
    char *out = malloc(l);
    snprintf(out, l, "k:%s", js);
    free(js);
    return out;
}

static char *value_key(const cJSON *item) {
    char *js = cJSON_PrintUnformatted(item);
    size_t l = strlen(js) + 3;
    char *out = malloc(l);
    snprintf(out, l, "v:%s", js);
    free(js);
    return out;
}

/* ---------------- field-set trees ---------------- */

static cJSON *node_child(cJSON *node, const char *pe) {
    cJSON *c = cJSON_GetObjectItemCaseSensitive(node, pe);
    if (!c) c = cJSON_AddObjectToObject(node, pe);
    return c;
}

static void mark(cJSON *node) {
    if (!cJSON_GetObjectItemCaseSensitive(node, ".")) cJSON_AddObjectToObject(node, ".");
}

static bool node_empty(const cJSON *n) { return n->child == NULL; }

static void fs_union(cJSON *a, const cJSON *b) {
    const cJSON *m;
    cJSON_ArrayForEach(m, b) {
        if (!strcmp(m->string, ".")) { mark(a); continue; }
        fs_union(node_child(a, m->string), m);
    }
}

/* a -= b; returns true when a became empty. */
static bool fs_diff(cJSON *a, const cJSON *b) {
    if (cJSON_GetObjectItemCaseSensitive(b, "."))
        cJSON_DeleteItemFromObjectCaseSensitive(a, ".");
    for (cJSON *m = a->child; m;) {
        cJSON *next = m->next;
        const cJSON *bm = strcmp(m->string, ".") ? cJSON_GetObjectItemCaseSensitive(b, m->string) : NULL;
        if (bm && fs_diff(m, bm)) cJSON_Delete(cJSON_DetachItemViaPointer(a, m));
        m = next;
    }
    return node_empty(a);
}

/* a ∩ b as a new tree. */
static cJSON *fs_inter(const cJSON *a, const cJSON *b) {
    cJSON *r = cJSON_CreateObject();
    if (cJSON_GetObjectItemCaseSensitive(a, ".") && cJSON_GetObjectItemCaseSensitive(b, ".")) mark(r);
    const cJSON *m;
    cJSON_ArrayForEach(m, a) {
        if (!strcmp(m->string, ".")) continue;
        const cJSON *bm = cJSON_GetObjectItemCaseSensitive(b, m->string);
        if (!bm) continue;
        cJSON *x = fs_inter(m, bm);
        if (node_empty(x)) cJSON_Delete(x);
        else cJSON_AddItemToObject(r, m->string, x);
    }
    return r;
}

/* Path element order of structured-merge-diff: fields, then keys, values, indexes. */
static int pe_rank(const char *s) {
    return s[0] == '.' ? 0 : s[0] == 'f' ? 1 : s[0] == 'k' ? 2 : s[0] == 'v' ? 3 : 4;
}

static void fs_sort(cJSON *n) {
    int cnt = cJSON_GetArraySize(n);
    cJSON **v = calloc((size_t)cnt + 1, sizeof *v);
    for (int i = 0; i < cnt; i++) v[i] = cJSON_DetachItemFromArray(n, 0);
    for (int i = 1; i < cnt; i++)
        for (int j = i; j > 0; j--) {
            int ra = pe_rank(v[j - 1]->string), rb = pe_rank(v[j]->string);
            if (ra < rb || (ra == rb && strcmp(v[j - 1]->string, v[j]->string) <= 0)) break;
            cJSON *t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
        }
    for (int i = 0; i < cnt; i++) {
        fs_sort(v[i]);
        cJSON_AddItemToObject(n, v[i]->string, v[i]);
    }
    free(v);
}

/* Internal form -> fieldsV1 (sorted; "." only where the node also has children). */
static cJSON *fs_export(const cJSON *n) {
    cJSON *r = cJSON_CreateObject();
    bool member = cJSON_GetObjectItemCaseSensitive(n, ".") != NULL;
    bool kids = false;
    const cJSON *m;
    cJSON_ArrayForEach(m, n) if (strcmp(m->string, ".")) kids = true;
    if (member && kids) cJSON_AddObjectToObject(r, ".");
    cJSON_ArrayForEach(m, n) if (strcmp(m->string, ".")) cJSON_AddItemToObject(r, m->string, fs_export(m));
    fs_sort(r);
    return r;
}

/* fieldsV1 -> internal form. */
static cJSON *fs_import(const cJSON *n) {
    cJSON *r = cJSON_CreateObject();
    if (node_empty(n)) mark(r);
    const cJSON *m;
    cJSON_ArrayForEach(m, n) {
        if (!strcmp(m->string, ".")) mark(r);
        else cJSON_AddItemToObject(r, m->string, fs_import(m));
    }
    return r;
}

/* ---------------- stripping ---------------- */

static cJSON *stripped(const cJSON *obj) {
    cJSON *o = cJSON_IsObject(obj) ? cJSON_Duplicate(obj, 1) : cJSON_CreateObject();
    cJSON_DeleteItemFromObjectCaseSensitive(o, "apiVersion");
    cJSON_DeleteItemFromObjectCaseSensitive(o, "kind");
    cJSON *md = cJSON_GetObjectItemCaseSensitive(o, "metadata");
    static const char *const drop[] = {"name", "namespace", "creationTimestamp", "selfLink", "uid",
                                       "clusterName", "generation", "managedFields",
                                       "resourceVersion", NULL};
    for (int i = 0; drop[i]; i++) cJSON_DeleteItemFromObjectCaseSensitive(md, drop[i]);
    return o;
}

/* ---------------- ToFieldSet ---------------- */

static void to_set(const ctx_t *c, const cJSON *v, const char *path, const cJSON *schema, cJSON *node);

static void list_items_to_set(const ctx_t *c, const cJSON *v, const char *path, const tinfo_t *t,
                              cJSON *node) {
    const cJSON *it;
    const cJSON *is = sget(t->schema, "items");
    cJSON_ArrayForEach(it, v) {
        char *pe = t->list == KSRV_LIST_MAP ? item_key(it, t) : value_key(it);
        if (!pe) continue;
        cJSON *cn = node_child(node, pe);
        free(pe);
        mark(cn);
        if (t->list == KSRV_LIST_MAP) to_set(c, it, path, is, cn);
    }
}

static void to_set(const ctx_t *c, const cJSON *v, const char *path, const cJSON *schema, cJSON *node) {
    if (cJSON_IsArray(v)) {
        tinfo_t t = type_of(c, path, schema);
        if (t.list == KSRV_LIST_ATOMIC) mark(node);
        else list_items_to_set(c, v, path, &t, node);
        return;
    }
    if (!cJSON_IsObject(v)) {
        mark(node);
        return;
    }
    tinfo_t t = type_of(c, path, schema);
    if (t.atomic || node_empty(v)) {
        mark(node);
        return;
    }
    const cJSON *m;
    cJSON_ArrayForEach(m, v) {
        char sub[1024], pe[600];
        child_path(sub, sizeof sub, path, m->string);
        snprintf(pe, sizeof pe, "f:%s", m->string);
        cJSON *cn = node_child(node, pe);
        if (cJSON_IsNull(m) || (cJSON_IsObject(m) && node_empty(m))) mark(cn);
        else to_set(c, m, sub, schema_child(schema, m->string), cn);
    }
}

cJSON *ksrv_fieldset_of(const cJSON *obj, const ksrv_manage_opts_t *o) {
    ctx_t c = {o};
    cJSON *s = stripped(obj), *node = cJSON_CreateObject();
    to_set(&c, s, "", o->schema, node);
    cJSON_Delete(s);
    cJSON *out = fs_export(node);
    cJSON_Delete(node);
    return out;
}
