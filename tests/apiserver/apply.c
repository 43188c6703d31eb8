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
    "involvedObject", "source", "status.loadBalancer", "spec.updateStrategy",
    /* lists without omitempty: null in the zero value */
    "spec.containers", "spec.template.spec.containers",
    "spec.jobTemplate.spec.template.spec.containers", NULL};

/* The same, for one kind only: "Kind:path". */
static const char *const k_always_kind[] = {
    /* CustomResourceDefinitionSpec.Names and Status.AcceptedNames are values, not pointers
     * (spec.conversion is a pointer: creating it adds it, with its "." entry) */
    "CustomResourceDefinition:spec.names", "CustomResourceDefinition:status.acceptedNames", NULL};

static bool always_present(const ctx_t *c, const char *path) {
    if (c->o->schema) return false;
    for (int i = 0; k_always[i]; i++)
        if (!strcmp(k_always[i], path)) return true;
    const char *kind = c->o->kind;
    size_t kl = kind ? strlen(kind) : 0;
    for (int i = 0; kl && k_always_kind[i]; i++)
        if (!strncmp(k_always_kind[i], kind, kl) && k_always_kind[i][kl] == ':' &&
            !strcmp(k_always_kind[i] + kl + 1, path))
            return true;
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
    bool meta = !strncmp(path, "metadata", 8); /* ObjectMeta is typed for CRs too */
    if (c->o->schema && !meta) {
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

/* metadata itself is never owned (only some of its fields are). */
static void fs_fix_meta(cJSON *set) {
    cJSON *m = cJSON_GetObjectItemCaseSensitive(set, "f:metadata");
    if (!m) return;
    cJSON_DeleteItemFromObjectCaseSensitive(m, ".");
    if (node_empty(m)) cJSON_DeleteItemFromObjectCaseSensitive(set, "f:metadata");
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
    fs_fix_meta(node);
    cJSON_Delete(s);
    cJSON *out = fs_export(node);
    cJSON_Delete(node);
    return out;
}

/* ---------------- Compare (old -> new) ---------------- */

typedef struct cmp {
    cJSON *added, *modified, *removed; /* internal-form trees */
} cmp_t;

/* Every node of v (a new or vanished subtree) goes into `into`. */
static void whole(const ctx_t *c, const cJSON *v, const char *path, const cJSON *schema, cJSON *node) {
    mark(node);
    if (cJSON_IsObject(v)) {
        tinfo_t t = type_of(c, path, schema);
        if (t.atomic) return;
        const cJSON *m;
        cJSON_ArrayForEach(m, v) {
            char sub[1024], pe[600];
            child_path(sub, sizeof sub, path, m->string);
            snprintf(pe, sizeof pe, "f:%s", m->string);
            whole(c, m, sub, schema_child(schema, m->string), node_child(node, pe));
        }
    } else if (cJSON_IsArray(v)) {
        tinfo_t t = type_of(c, path, schema);
        if (t.list == KSRV_LIST_ATOMIC) return;
        const cJSON *it;
        cJSON_ArrayForEach(it, v) {
            char *pe = t.list == KSRV_LIST_MAP ? item_key(it, &t) : value_key(it);
            if (!pe) continue;
            cJSON *cn = node_child(node, pe);
            free(pe);
            if (t.list == KSRV_LIST_MAP) whole(c, it, path, sget(schema, "items"), cn);
            else mark(cn);
        }
    }
}

static cJSON *at_pe(cJSON *root, const char *const *pes, int n) {
    cJSON *node = root;
    for (int i = 0; i < n; i++) node = node_child(node, pes[i]);
    return node;
}

typedef struct pstack {
    const char *pe[64];
    int n;
} pstack_t;

static void compare(const ctx_t *c, const cJSON *a, const cJSON *b, const char *path,
                    const cJSON *schema, pstack_t *ps, cmp_t *out);

static void compare_child(const ctx_t *c, const cJSON *a, const cJSON *b, const char *sub,
                          const cJSON *schema, pstack_t *ps, const char *pe, cmp_t *out) {
    if (ps->n >= 64) return;
    ps->pe[ps->n++] = pe;
    if (a && b) compare(c, a, b, sub, schema, ps, out);
    else if (b) whole(c, b, sub, schema, at_pe(out->added, ps->pe, ps->n));
    else if (a) whole(c, a, sub, schema, at_pe(out->removed, ps->pe, ps->n));
    ps->n--;
}

static void compare(const ctx_t *c, const cJSON *a, const cJSON *b, const char *path,
                    const cJSON *schema, pstack_t *ps, cmp_t *out) {
    tinfo_t t = type_of(c, path, schema);
    /* A null (a Go nil slice or map, as in a typed zero value) turning into an associative
     * list or a map is not the node being added: only its items are (structured-merge-diff
     * walks the null as an empty list), e.g. status.conditions of a CRD the controllers
     * establish: k:{"type":...} entries and no "." of their own. */
    cJSON empty;
    memset(&empty, 0, sizeof empty);
    if (cJSON_IsNull(a) && cJSON_IsArray(b) && t.list != KSRV_LIST_ATOMIC) {
        empty.type = cJSON_Array;
        a = &empty;
    } else if (cJSON_IsNull(a) && cJSON_IsObject(b) && !t.atomic && !node_empty(b)) {
        empty.type = cJSON_Object;
        a = &empty;
    }
    bool leaf = !(cJSON_IsObject(a) && cJSON_IsObject(b) && !t.atomic) &&
                !(cJSON_IsArray(a) && cJSON_IsArray(b) && t.list != KSRV_LIST_ATOMIC);
    if (leaf) {
        if (!cJSON_Compare(a, b, 1)) mark(at_pe(out->modified, ps->pe, ps->n));
        return;
    }
    if (cJSON_IsObject(a)) {
        const cJSON *m;
        cJSON_ArrayForEach(m, b) {
            char sub[1024], pe[600];
            child_path(sub, sizeof sub, path, m->string);
            snprintf(pe, sizeof pe, "f:%s", m->string);
            const cJSON *am = cJSON_GetObjectItemCaseSensitive(a, m->string);
            cJSON empty_obj;
            memset(&empty_obj, 0, sizeof empty_obj);
            empty_obj.type = cJSON_IsArray(m) ? cJSON_Array : cJSON_Object;
            if (!am && (cJSON_IsObject(m) || cJSON_IsArray(m)) && always_present(c, sub)) am = &empty_obj;
            /* typed objects: an absent field and a null one are the same zero value */
            if (!am && cJSON_IsNull(m) && !c->o->schema) continue;
            compare_child(c, am, m, sub, schema_child(schema, m->string), ps, pe, out);
        }
        cJSON_ArrayForEach(m, a) {
            if (cJSON_GetObjectItemCaseSensitive(b, m->string)) continue;
            char sub[1024], pe[600];
            child_path(sub, sizeof sub, path, m->string);
            snprintf(pe, sizeof pe, "f:%s", m->string);
            if ((cJSON_IsObject(m) || cJSON_IsArray(m)) && always_present(c, sub)) continue;
            if (cJSON_IsNull(m) && !c->o->schema) continue;
            compare_child(c, m, NULL, sub, schema_child(schema, m->string), ps, pe, out);
        }
        return;
    }
    /* associative list or set */
    const cJSON *is = sget(schema, "items"), *it;
    cJSON_ArrayForEach(it, b) {
        char *pe = t.list == KSRV_LIST_MAP ? item_key(it, &t) : value_key(it);
        if (!pe) continue;
        const cJSON *match = NULL, *x;
        cJSON_ArrayForEach(x, a) {
            char *xp = t.list == KSRV_LIST_MAP ? item_key(x, &t) : value_key(x);
            bool same = xp && !strcmp(xp, pe);
            free(xp);
            if (same) { match = x; break; }
        }
        if (t.list == KSRV_LIST_SET) {
            if (!match && ps->n < 64) {
                ps->pe[ps->n++] = pe;
                mark(at_pe(out->added, ps->pe, ps->n));
                ps->n--;
            }
        } else {
            compare_child(c, match, it, path, is, ps, pe, out);
        }
        free(pe);
    }
    cJSON_ArrayForEach(it, a) {
        char *pe = t.list == KSRV_LIST_MAP ? item_key(it, &t) : value_key(it);
        if (!pe) continue;
        bool found = false;
        const cJSON *x;
        cJSON_ArrayForEach(x, b) {
            char *xp = t.list == KSRV_LIST_MAP ? item_key(x, &t) : value_key(x);
            if (xp && !strcmp(xp, pe)) found = true;
            free(xp);
        }
        if (!found) compare_child(c, it, NULL, path, is, ps, pe, out);
        free(pe);
    }
}

static void do_compare(const ctx_t *c, const cJSON *old_obj, const cJSON *new_obj, cmp_t *out) {
    out->added = cJSON_CreateObject();
    out->modified = cJSON_CreateObject();
    out->removed = cJSON_CreateObject();
    cJSON *a = stripped(old_obj), *b = stripped(new_obj);
    pstack_t ps = {{0}, 0};
    compare(c, a, b, "", c->o->schema, &ps, out);
    fs_fix_meta(out->added);
    fs_fix_meta(out->modified);
    fs_fix_meta(out->removed);
    cJSON_Delete(a);
    cJSON_Delete(b);
}

static void cmp_free(cmp_t *c) {
    cJSON_Delete(c->added);
    cJSON_Delete(c->modified);
    cJSON_Delete(c->removed);
}

/* ---------------- managedFields entries ---------------- */

typedef struct entry {
    char manager[256], operation[16], api_version[128], time[40], subresource[64];
    bool has_time;
    cJSON *set; /* internal form */
} entry_t;

typedef struct entries {
    entry_t *v;
    int n;
} entries_t;

static const char *jstr(const cJSON *o, const char *k) {
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, k));
    return s ? s : "";
}

static void entries_decode(const cJSON *mf, entries_t *es) {
    es->n = 0;
    es->v = calloc((size_t)cJSON_GetArraySize(mf) + 2, sizeof *es->v);
    const cJSON *e;
    cJSON_ArrayForEach(e, mf) {
        entry_t *x = &es->v[es->n++];
        snprintf(x->manager, sizeof x->manager, "%s", jstr(e, "manager"));
        snprintf(x->operation, sizeof x->operation, "%s", jstr(e, "operation"));
        snprintf(x->api_version, sizeof x->api_version, "%s", jstr(e, "apiVersion"));
        snprintf(x->subresource, sizeof x->subresource, "%s", jstr(e, "subresource"));
        x->has_time = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "time"));
        snprintf(x->time, sizeof x->time, "%s", jstr(e, "time"));
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "fieldsV1");
        x->set = cJSON_IsObject(f) ? fs_import(f) : cJSON_CreateObject();
    }
}

static void entries_free(entries_t *es) {
    for (int i = 0; i < es->n; i++) cJSON_Delete(es->v[i].set);
    free(es->v);
}

/* Same manager identity (BuildManagerIdentifier: apiVersion ignored for appliers). */
static bool same_id(const entry_t *e, const char *manager, const char *op, const char *av,
                    const char *sub) {
    if (strcmp(e->manager, manager) || strcmp(e->operation, op) || strcmp(e->subresource, sub)) return false;
    return !strcmp(op, "Apply") || !strcmp(e->api_version, av);
}

static entry_t *entry_get(entries_t *es, const char *manager, const char *op, const char *av,
                          const char *sub, bool create) {
    for (int i = 0; i < es->n; i++)
        if (same_id(&es->v[i], manager, op, av, sub)) return &es->v[i];
    if (!create) return NULL;
    entry_t *x = &es->v[es->n++];
    memset(x, 0, sizeof *x);
    snprintf(x->manager, sizeof x->manager, "%s", manager);
    snprintf(x->operation, sizeof x->operation, "%s", op);
    snprintf(x->api_version, sizeof x->api_version, "%s", av);
    snprintf(x->subresource, sizeof x->subresource, "%s", sub);
    x->set = cJSON_CreateObject();
    return x;
}

static int64_t entry_secs(const entry_t *e) {
    int y, mo, d, h, mi, s;
    if (!e->has_time || sscanf(e->time, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return 0;
    return ((((int64_t)y * 12 + mo) * 31 + d) * 24 + h) * 3600 + mi * 60 + s; /* order only */
}

static int entry_cmp(const entry_t *p, const entry_t *q) {
    int r = strcmp(p->operation, q->operation);
    if (r) return r;
    int64_t a = entry_secs(p), b = entry_secs(q);
    if (a != b) return a < b ? -1 : 1;
    if ((r = strcmp(p->manager, q->manager))) return r;
    if ((r = strcmp(p->api_version, q->api_version))) return r;
    return strcmp(p->subresource, q->subresource);
}

/* Writes the non-empty entries, sorted, into obj.metadata.managedFields. */
static void entries_store(entries_t *es, cJSON *obj, bool alpha) {
    for (int i = 1; i < es->n; i++)
        for (int j = i; j > 0 && entry_cmp(&es->v[j - 1], &es->v[j]) > 0; j--) {
            entry_t t = es->v[j]; es->v[j] = es->v[j - 1]; es->v[j - 1] = t;
        }
    cJSON *md = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    if (!md) md = cJSON_AddObjectToObject(obj, "metadata");
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < es->n; i++) {
        entry_t *e = &es->v[i];
        if (node_empty(e->set)) continue;
        cJSON *j = cJSON_CreateObject();
        if (alpha) { /* custom resources are unstructured: Go writes map keys sorted */
            cJSON_AddStringToObject(j, "apiVersion", e->api_version);
            cJSON_AddStringToObject(j, "fieldsType", "FieldsV1");
            cJSON_AddItemToObject(j, "fieldsV1", fs_export(e->set));
            cJSON_AddStringToObject(j, "manager", e->manager);
            cJSON_AddStringToObject(j, "operation", e->operation);
            if (e->subresource[0]) cJSON_AddStringToObject(j, "subresource", e->subresource);
            if (e->has_time) cJSON_AddStringToObject(j, "time", e->time);
            cJSON_AddItemToArray(arr, j);
            continue;
        }
        cJSON_AddStringToObject(j, "manager", e->manager);
        cJSON_AddStringToObject(j, "operation", e->operation);
        cJSON_AddStringToObject(j, "apiVersion", e->api_version);
        if (e->has_time) cJSON_AddStringToObject(j, "time", e->time);
        cJSON_AddStringToObject(j, "fieldsType", "FieldsV1");
        cJSON_AddItemToObject(j, "fieldsV1", fs_export(e->set));
        if (e->subresource[0]) cJSON_AddStringToObject(j, "subresource", e->subresource);
        cJSON_AddItemToArray(arr, j);
    }
    if (cJSON_GetObjectItemCaseSensitive(md, "managedFields"))
        cJSON_DeleteItemFromObjectCaseSensitive(md, "managedFields");
    if (cJSON_GetArraySize(arr)) cJSON_AddItemToObject(md, "managedFields", arr);
    else cJSON_Delete(arr);
}

static void stamp(entry_t *e, const ksrv_manage_opts_t *o) {
    if (o->no_time) {
        e->has_time = false;
        e->time[0] = '\0';
        return;
    }
    e->has_time = true;
    if (o->time) {
        snprintf(e->time, sizeof e->time, "%s", o->time);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(e->time, sizeof e->time, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const cJSON *managed_of(const cJSON *obj) {
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(obj, "metadata"), "managedFields");
}

int ksrv_managed_fields_update(const cJSON *old_obj, cJSON *new_obj, const ksrv_manage_opts_t *o,
                               ksrv_status_t *st) {
    (void)st;
    ctx_t c = {o};
    const cJSON *old_mf = managed_of(old_obj), *new_mf = managed_of(new_obj);
    entries_t es;
    /* a client that sends managedFields different from the stored ones replaces them */
    entries_decode(new_mf && !cJSON_Compare(new_mf, old_mf, 1) ? new_mf : old_mf, &es);
    cmp_t d;
    cJSON empty;
    memset(&empty, 0, sizeof empty);
    empty.type = cJSON_Object;
    do_compare(&c, old_obj ? old_obj : &empty, new_obj, &d);
    cJSON *changed = cJSON_CreateObject();
    fs_union(changed, d.added);
    fs_union(changed, d.modified);
    for (int i = 0; i < es.n; i++) {
        fs_diff(es.v[i].set, changed);
        fs_diff(es.v[i].set, d.removed);
    }
    cJSON *mine = cJSON_Duplicate(changed, 1);
    fs_diff(mine, d.removed);
    const char *sub = o->subresource ? o->subresource : "";
    const char *mgr = o->manager && *o->manager ? o->manager : "unknown";
    if (!node_empty(mine)) {
        entry_t *e = entry_get(&es, mgr, "Update", o->api_version ? o->api_version : "", sub, true);
        fs_union(e->set, mine);
        stamp(e, o);
    }
    cJSON_Delete(mine);
    cJSON_Delete(changed);
    cmp_free(&d);
    entries_store(&es, new_obj, o->schema != NULL);
    entries_free(&es);
    return 0;
}

void ksrv_default_manager(const char *ua, char *buf, size_t n) {
    size_t o = 0;
    if (n == 0) return;
    for (const char *p = ua ? ua : ""; *p && *p != '/' && o + 1 < n && o < 128; p++)
        if ((unsigned char)*p >= 0x20 && *p != 0x7f) buf[o++] = *p;
    buf[o] = '\0';
    if (!o) snprintf(buf, n, "unknown");
}

/* ---------------- apply: merge, prune, conflicts ---------------- */

static cJSON *merge_value(const ctx_t *c, const cJSON *live, const cJSON *cfg, const char *path,
                          const cJSON *schema);

static cJSON *merge_list(const ctx_t *c, const cJSON *live, const cJSON *cfg, const char *path,
                         const cJSON *schema, const tinfo_t *t) {
    cJSON *out = cJSON_Duplicate(live, 1);
    const cJSON *it;
    cJSON_ArrayForEach(it, cfg) {
        char *pe = t->list == KSRV_LIST_MAP ? item_key(it, t) : value_key(it);
        int idx = -1, i = 0;
        cJSON *x;
        cJSON_ArrayForEach(x, out) {
            char *xp = t->list == KSRV_LIST_MAP ? item_key(x, t) : value_key(x);
            bool same = pe && xp && !strcmp(pe, xp);
            free(xp);
            if (same) { idx = i; break; }
            i++;
        }
        free(pe);
        if (idx < 0) cJSON_AddItemToArray(out, cJSON_Duplicate(it, 1));
        else if (t->list == KSRV_LIST_MAP)
            cJSON_ReplaceItemInArray(out, idx, merge_value(c, cJSON_GetArrayItem(out, idx), it, path, sget(schema, "items")));
    }
    return out;
}

static cJSON *merge_value(const ctx_t *c, const cJSON *live, const cJSON *cfg, const char *path,
                          const cJSON *schema) {
    tinfo_t t = type_of(c, path, schema);
    if (cJSON_IsObject(live) && cJSON_IsObject(cfg) && !t.atomic) {
        cJSON *out = cJSON_Duplicate(live, 1);
        const cJSON *m;
        cJSON_ArrayForEach(m, cfg) {
            char sub[1024];
            child_path(sub, sizeof sub, path, m->string);
            cJSON *cur = cJSON_GetObjectItemCaseSensitive(out, m->string);
            cJSON *nv = cur ? merge_value(c, cur, m, sub, schema_child(schema, m->string)) : cJSON_Duplicate(m, 1);
            if (cur) cJSON_ReplaceItemInObjectCaseSensitive(out, m->string, nv);
            else cJSON_AddItemToObject(out, m->string, nv);
        }
        return out;
    }
    if (cJSON_IsArray(live) && cJSON_IsArray(cfg) && t.list != KSRV_LIST_ATOMIC)
        return merge_list(c, live, cfg, path, schema, &t);
    return cJSON_Duplicate(cfg, 1);
}

/* Removes the value at the set path `pes` from obj (fields and list items by key/value). */
static void remove_path(cJSON *obj, const char *const *pes, int n) {
    cJSON *cur = obj;
    for (int i = 0; i < n && cur; i++) {
        const char *pe = pes[i];
        bool last = i == n - 1;
        if (pe[0] == 'f' && cJSON_IsObject(cur)) {
            if (last) { cJSON_DeleteItemFromObjectCaseSensitive(cur, pe + 2); return; }
            cur = cJSON_GetObjectItemCaseSensitive(cur, pe + 2);
        } else if ((pe[0] == 'k' || pe[0] == 'v') && cJSON_IsArray(cur)) {
            cJSON *want = cJSON_Parse(pe + 2), *x, *hit = NULL;
            cJSON_ArrayForEach(x, cur) {
                bool match = true;
                if (pe[0] == 'v') match = cJSON_Compare(x, want, 1);
                else {
                    const cJSON *k;
                    cJSON_ArrayForEach(k, want) {
                        const cJSON *xv = cJSON_GetObjectItemCaseSensitive(x, k->string);
                        if (!xv || !cJSON_Compare(xv, k, 1)) match = false;
                    }
                }
                if (match) { hit = x; break; }
            }
            cJSON_Delete(want);
            if (last && hit) { cJSON_Delete(cJSON_DetachItemViaPointer(cur, hit)); return; }
            cur = hit;
        } else {
            return;
        }
    }
}

/* Visits the owned ("." ) paths of a set tree in set order. */
typedef void (*visit_fn)(const char *const *pes, int n, void *arg);

static void fs_walk(const cJSON *node, pstack_t *ps, visit_fn fn, void *arg) {
    if (cJSON_GetObjectItemCaseSensitive(node, ".") && ps->n) fn(ps->pe, ps->n, arg);
    cJSON *copy = cJSON_Duplicate(node, 1);
    fs_sort(copy);
    const cJSON *m;
    cJSON_ArrayForEach(m, copy) {
        if (!strcmp(m->string, ".") || ps->n >= 64) continue;
        ps->pe[ps->n++] = m->string;
        fs_walk(cJSON_GetObjectItemCaseSensitive(node, m->string), ps, fn, arg);
        ps->n--;
    }
    cJSON_Delete(copy);
}

/* true when any entry other than `self` owns the path or something below it */
static bool owned_by_others(entries_t *es, const entry_t *self, const char *const *pes, int n) {
    for (int i = 0; i < es->n; i++) {
        if (&es->v[i] == self) continue;
        const cJSON *node = es->v[i].set;
        for (int k = 0; k < n && node; k++) node = cJSON_GetObjectItemCaseSensitive(node, pes[k]);
        if (node) return true;
    }
    return false;
}

typedef struct prune_arg {
    entries_t *es;
    const entry_t *self;
    const cJSON *keep; /* the new applied set */
    cJSON *obj;
} prune_arg_t;

static void prune_one(const char *const *pes, int n, void *argp) {
    prune_arg_t *a = argp;
    const cJSON *node = a->keep;
    for (int k = 0; k < n && node; k++) node = cJSON_GetObjectItemCaseSensitive(node, pes[k]);
    if (node) return; /* still applied (or something below it) */
    if (owned_by_others(a->es, a->self, pes, n)) return;
    remove_path(a->obj, pes, n);
}

/* fieldpath.Path.String(): .field, [k=v,...], [=v] */
static void path_text(const char *const *pes, int n, char *buf, size_t sz) {
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && o + 1 < sz; i++) {
        const char *pe = pes[i];
        if (pe[0] == 'f') {
            o += (size_t)snprintf(buf + o, sz - o, ".%s", pe + 2);
        } else if (pe[0] == 'v') {
            o += (size_t)snprintf(buf + o, sz - o, "[=%s]", pe + 2);
        } else if (pe[0] == 'k') {
            cJSON *k = cJSON_Parse(pe + 2), *m;
            o += (size_t)snprintf(buf + o, sz - o, "[");
            int j = 0;
            cJSON_ArrayForEach(m, k) {
                char *v = cJSON_PrintUnformatted(m);
                if (o < sz) o += (size_t)snprintf(buf + o, sz - o, "%s%s=%s", j++ ? "," : "", m->string, v);
                free(v);
            }
            if (o < sz) o += (size_t)snprintf(buf + o, sz - o, "]");
            cJSON_Delete(k);
        }
        if (o >= sz) o = sz - 1;
    }
}

typedef struct conflict_arg {
    ksrv_status_t *st;
    const entry_t *e;
    char who[512];
    int count;
    char first_path[1024];
    char *msg; /* accumulated "- path" lines */
    size_t mlen, mcap;
} conflict_arg_t;

static void msg_cat(conflict_arg_t *a, const char *s) {
    size_t l = strlen(s);
    if (a->mlen + l + 1 > a->mcap) {
        a->mcap = (a->mlen + l + 1) * 2;
        a->msg = realloc(a->msg, a->mcap);
    }
    memcpy(a->msg + a->mlen, s, l + 1);
    a->mlen += l;
}

static void conflict_one(const char *const *pes, int n, void *argp) {
    conflict_arg_t *a = argp;
    char p[1024], m[600];
    path_text(pes, n, p, sizeof p);
    snprintf(m, sizeof m, "conflict with %s", a->who);
    ksrv_status_add_cause(a->st, "FieldManagerConflict", m, p);
    if (!a->count++) snprintf(a->first_path, sizeof a->first_path, "%s", p);
    char line[1100];
    snprintf(line, sizeof line, "\n- %s", p);
    msg_cat(a, line);
}

/* A manager as conflict messages name it; over-long names are cut (the
 * message is for people). */
static void manager_text(const entry_t *e, char *buf, size_t n) {
    char q[300];
    ksrv_fmt(q, sizeof q, "\"%s\"", e->manager);
    if (!strcmp(e->operation, "Update")) {
        if (e->subresource[0]) ksrv_fmt(buf, n, "%s with subresource \"%s\" using %s", q, e->subresource, e->api_version);
        else ksrv_fmt(buf, n, "%s using %s", q, e->api_version);
    } else {
        ksrv_fmt(buf, n, "%s", q);
    }
}

int ksrv_apply(const cJSON *live, const cJSON *applied, const ksrv_manage_opts_t *o, cJSON **out,
               ksrv_status_t *st) {
    *out = NULL;
    if (!o->manager || !*o->manager) {
        ksrv_status_add_field_error(st, KSRV_FE_REQUIRED, "fieldManager", NULL, "is required for apply patch");
        return ksrv_status_invalid(st, "meta.k8s.io", "PatchOptions", "");
    }
    if (!cJSON_IsObject(applied))
        return ksrv_status_set(st, 400, "BadRequest", "error decoding YAML: the applied configuration is not an object");
    ctx_t c = {o};
    cJSON empty;
    memset(&empty, 0, sizeof empty);
    empty.type = cJSON_Object;
    if (!live) live = &empty;
    cJSON *cfg = cJSON_Duplicate(applied, 1);
    cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(cfg, "metadata"), "managedFields");
    const char *sub = o->subresource ? o->subresource : "";
    const char *av = o->api_version ? o->api_version : jstr(applied, "apiVersion");

    entries_t es;
    entries_decode(managed_of(live), &es);
    cJSON *merged = merge_value(&c, live, cfg, "", o->schema);

    /* the applier's new set, and pruning of what it stopped applying */
    cJSON *scfg = stripped(cfg), *newset = cJSON_CreateObject();
    to_set(&c, scfg, "", o->schema, newset);
    fs_fix_meta(newset);
    cJSON_Delete(scfg);
    entry_t *self = entry_get(&es, o->manager, "Apply", av, sub, false);
    if (self) {
        cJSON *gone = cJSON_Duplicate(self->set, 1);
        fs_diff(gone, newset);
        prune_arg_t pa = {&es, self, newset, merged};
        pstack_t ps = {{0}, 0};
        fs_walk(gone, &ps, prune_one, &pa);
        cJSON_Delete(gone);
    }

    cmp_t d;
    do_compare(&c, live, merged, &d);
    cJSON *changed = cJSON_CreateObject();
    fs_union(changed, d.added);
    fs_union(changed, d.modified);
    /* conflicts: other managers owning fields this apply changes */
    int nconf = 0;
    conflict_arg_t ca;
    memset(&ca, 0, sizeof ca);
    ca.st = st;
    char *grouped = NULL;
    size_t glen = 0;
    for (int pass = 0; pass < 2 && !o->force; pass++) {
        /* managers sorted by name for the message, as getConflictMessage does */
        for (int i = 0; i < es.n; i++) {
            entry_t *e = &es.v[i];
            if (same_id(e, o->manager, "Apply", av, sub)) continue;
            cJSON *x = fs_inter(e->set, changed);
            if (!node_empty(x) && pass == 0) {
                ca.e = e;
                manager_text(e, ca.who, sizeof ca.who);
                ca.mlen = 0;
                if (ca.msg) ca.msg[0] = '\0';
                pstack_t ps = {{0}, 0};
                int before = ca.count;
                fs_walk(x, &ps, conflict_one, &ca);
                if (ca.count > before) {
                    char head[600];
                    snprintf(head, sizeof head, "%sconflicts with %s:", glen ? "\n" : "", ca.who);
                    size_t need = glen + strlen(head) + ca.mlen + 1;
                    grouped = realloc(grouped, need);
                    memcpy(grouped + glen, head, strlen(head) + 1);
                    glen += strlen(head);
                    memcpy(grouped + glen, ca.msg, ca.mlen + 1);
                    glen += ca.mlen;
                }
            }
            cJSON_Delete(x);
        }
        nconf = ca.count;
        break;
    }
    int rc = 0;
    if (nconf) {
        if (nconf == 1)
            ksrv_status_set(st, 409, "Conflict", "Apply failed with 1 conflict: conflict with %s: %s",
                            cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(st->causes, 0), "message")) + 14,
                            ca.first_path);
        else
            ksrv_status_set(st, 409, "Conflict", "Apply failed with %d conflicts: %s", nconf, grouped ? grouped : "");
        rc = -1;
    } else {
        for (int i = 0; i < es.n; i++) {
            entry_t *e = &es.v[i];
            if (same_id(e, o->manager, "Apply", av, sub)) continue;
            fs_diff(e->set, changed); /* force: ownership moves to the applier */
            fs_diff(e->set, d.removed);
        }
        entry_t *me = entry_get(&es, o->manager, "Apply", av, sub, true);
        cJSON_Delete(me->set);
        me->set = newset;
        newset = NULL;
        snprintf(me->api_version, sizeof me->api_version, "%s", av);
        stamp(me, o);
        entries_store(&es, merged, o->schema != NULL);
        *out = merged;
        merged = NULL;
    }
    free(grouped);
    free(ca.msg);
    cJSON_Delete(newset);
    cJSON_Delete(changed);
    cmp_free(&d);
    cJSON_Delete(merged);
    cJSON_Delete(cfg);
    entries_free(&es);
    return rc;
}
