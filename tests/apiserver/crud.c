/* crud.c — get, create, update and patch (main resource, /status and /scale), with the
 * object semantics of kube-apiserver's generic registry: server-owned metadata, generation
 * bumped on spec changes only, status subresource rules, optimistic concurrency, dryRun,
 * finalizers ending a terminating object, managedFields. Writes hold the store lock from
 * lookup to commit, so they are serialized like etcd transactions. */
#define _GNU_SOURCE
#include "internal.h"
#include "apply.h"
#include "patch.h"
#include "schema.h"
#include "table.h"
#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool wants_partial(req_t *r);
cJSON *partial_metadata(const cJSON *obj);
void manager_name(req_t *r, char *buf, size_t n);

static const char *res_schema_of(const resource_t *res, const cJSON **schema) {
    *schema = res->crd_version ? json_path_get(res->crd_version, "schema.openAPIV3Schema") : NULL;
    return NULL;
}

static void gv_of(const resource_t *res, char *gv, size_t n) {
    if (*res->group) snprintf(gv, n, "%s/%s", res->group, res->version);
    else snprintf(gv, n, "%s", res->version);
}

/* storage apiVersion of a resource (CRDs with several versions store one) */
static void storage_gv(server_t *s, const resource_t *res, char *gv, size_t n) {
    gv_of(res, gv, n);
    if (!res->is_crd || res->storage) return;
    for (resource_t *r = s->resources; r; r = r->next)
        if (r->served && r->is_crd && r->storage && r->crd_name && res->crd_name &&
            !strcmp(r->crd_name, res->crd_name))
            gv_of(r, gv, n);
}

/* Sends a stored object as the requested version/representation. Takes the reference. */
static int respond_obj(req_t *r, const route_t *rt, int code, kobj_t *o) {
    const resource_t *res = rt->res;
    if (wants_table(r) && strcmp(r->method, "GET") == 0) {
        ksrv_table_opts_t to = {.kind = res->kind, .is_crd = res->is_crd};
        to.printer_columns = res->crd_version
                                 ? cJSON_GetObjectItemCaseSensitive(res->crd_version, "additionalPrinterColumns")
                                 : NULL;
        ksrv_include_object_parse(q_get(r, "includeObject"), &to.include);
        cJSON *t = ksrv_table_from_object(o->obj, &to);
        kobj_unref(o);
        return send_json(r, code, t);
    }
    if (wants_partial(r)) {
        cJSON *p = partial_metadata(o->obj);
        kobj_unref(o);
        return send_json(r, code, p);
    }
    if (res->is_crd && !res->storage) {
        cJSON *c = object_for_version(res, o);
        kobj_unref(o);
        return send_json(r, code, c);
    }
    return send_kobj(r, code, o);
}

/* A dry-run answer: the object as it would be stored. */
static int respond_tree(req_t *r, const route_t *rt, int code, cJSON *n) {
    if (rt->res->is_crd) json_sort_keys(n);
    else json_order_builtin(n);
    return send_json(r, code, n);
}

/* ---- scale ---- */
static cJSON *scale_of(const resource_t *res, const cJSON *obj) {
    cJSON *sc = cJSON_CreateObject();
    cJSON_AddStringToObject(sc, "kind", "Scale");
    cJSON_AddStringToObject(sc, "apiVersion", "autoscaling/v1");
    cJSON *m = cJSON_AddObjectToObject(sc, "metadata");
    static const char *const keep[] = {"name", "namespace", "uid", "resourceVersion",
                                       "creationTimestamp", NULL};
    for (const char *const *k = keep; *k; k++) {
        const char *v = meta_str(obj, *k);
        if (v) cJSON_AddStringToObject(m, *k, v);
    }
    const cJSON *sr = json_path_get(obj, res->spec_replicas_path);
    const cJSON *st = json_path_get(obj, res->status_replicas_path);
    cJSON *spec = cJSON_AddObjectToObject(sc, "spec");
    cJSON_AddNumberToObject(spec, "replicas", cJSON_IsNumber(sr) ? sr->valuedouble : 0);
    cJSON *status = cJSON_AddObjectToObject(sc, "status");
    cJSON_AddNumberToObject(status, "replicas", cJSON_IsNumber(st) ? st->valuedouble : 0);
    if (res->label_selector_path) {
        const cJSON *sel = json_path_get(obj, res->label_selector_path);
        if (cJSON_IsString(sel)) cJSON_AddStringToObject(status, "selector", sel->valuestring);
    } else if (!res->is_crd) {
        const cJSON *sel = json_path_get(obj, "spec.selector");
        if (sel) {
            char *s = label_selector_string(sel);
            cJSON_AddStringToObject(status, "selector", s);
            free(s);
        }
    }
    return sc;
}

int handle_get(req_t *r, route_t *rt) {
    server_t *s = r->s;
    pthread_mutex_lock(&s->mu);
    kobj_t *o = kobj_ref(store_get(rt->res->store, rt->ns, rt->name));
    pthread_mutex_unlock(&s->mu);
    if (!o) return err_not_found(r, rt->res, rt->name);
    if (rt->sub && !strcmp(rt->sub, "scale")) {
        cJSON *sc = scale_of(rt->res, o->obj);
        kobj_unref(o);
        return send_json(r, 200, sc);
    }
    return respond_obj(r, rt, 200, o);
}

/* ---- shared write steps ---- */
static bool has_generation(const resource_t *res) { return !(res->flags & RES_NO_GENERATION); }

static int check_namespace(req_t *r, const route_t *rt, cJSON *obj, bool creating) {
    if (!rt->res->namespaced) {
        cJSON_DeleteItemFromObjectCaseSensitive(meta_of(obj), "namespace");
        return 0;
    }
    const char *bns = meta_str(obj, "namespace");
    if (bns && *bns && strcmp(bns, rt->ns)) {
        err_bad_request(r, "the namespace of the provided object does not match the namespace "
                           "sent on the request");
        return -1;
    }
    meta_set_str(obj, "namespace", rt->ns);
    if (!creating) return 0;
    kobj_t *ns = store_get(store_for(r->s, "", "namespaces"), NULL, rt->ns);
    if (!ns) {
        err_ns_not_found(r, rt->ns);
        return -1;
    }
    if (meta_str(ns->obj, "deletionTimestamp")) {
        char *msg = NULL;
        const char *name = meta_str(obj, "name");
        if (asprintf(&msg, "%s \"%s\" is forbidden: unable to create new content in namespace %s "
                     "because it is being terminated", rt->res->plural, name ? name : "", rt->ns) < 0)
            abort();
        send_status(r, 403, "Forbidden", msg, details_new(name, rt->res->group, rt->res->plural));
        free(msg);
        return -1;
    }
    return 0;
}

static int check_kind(req_t *r, const route_t *rt, cJSON *obj) {
    const resource_t *res = rt->res;
    const char *kind = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, "kind"));
    const char *name = meta_str(obj, "name");
    char gv[256];
    gv_of(res, gv, sizeof gv);
    if (!kind || !*kind) {
        json_set_str(obj, "kind", res->kind);
        kind = res->kind;
    }
    if (strcmp(kind, res->kind)) {
        cJSON *causes = cJSON_CreateArray();
        cause_add(causes, "FieldValueInvalid", "kind", "Invalid value: \"%s\": must be %s", kind, res->kind);
        err_invalid(r, res, kind, name ? name : "", causes);
        return -1;
    }
    const char *av = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, "apiVersion"));
    if (!av || !*av) {
        json_set_str(obj, "apiVersion", gv);
    } else if (strcmp(av, gv)) {
        char *m = NULL;
        if (asprintf(&m, "the API version in the data (%s) does not match the expected API "
                     "version (%s)", av, gv) < 0)
            abort();
        err_bad_request(r, m);
        free(m);
        return -1;
    }
    return 0;
}

static int field_validation(req_t *r, const char *opts_kind, ksrv_field_validation_t *fv) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (ksrv_field_validation_parse(q_get(r, "fieldValidation"), opts_kind, fv, &st) != 0) {
        send_ksrv(r, &st);
        return -1;
    }
    return 0;
}

/* Defaults, validation (built-in or CRD schema), admission of CRDs. */
static int admit(req_t *r, const route_t *rt, cJSON *n, const cJSON *old, ksrv_field_validation_t fv) {
    const resource_t *res = rt->res;
    if (res->ops && res->ops->defaults) res->ops->defaults(r->s, res, n, old);
    cJSON *causes = cJSON_CreateArray();
    if (res->ops && res->ops->validate) res->ops->validate(res, n, causes);
    if (!res->is_crd && !strcmp(res->plural, "customresourcedefinitions")) crd_validate(n, causes);
    if (cJSON_GetArraySize(causes)) {
        const char *name = meta_str(n, "name");
        err_invalid(r, res, res->kind, name ? name : "", causes);
        return -1;
    }
    cJSON_Delete(causes);
    const cJSON *schema = NULL;
    res_schema_of(res, &schema);
    if (res->is_crd && schema) {
        ksrv_status_t st = KSRV_STATUS_INIT;
        cJSON *warnings = cJSON_CreateArray();
        int rc = ksrv_schema_admit(schema, n, res->group, res->version, res->kind, fv, warnings, &st);
        cJSON *w;
        cJSON_ArrayForEach(w, warnings) if (cJSON_IsString(w)) add_warning(r, w->valuestring);
        cJSON_Delete(warnings);
        if (rc) {
            send_ksrv(r, &st);
            return -1;
        }
    }
    return 0;
}

static void prepare(req_t *r, const route_t *rt, cJSON *n, const cJSON *old, const char *sub) {
    const resource_t *res = rt->res;
    if (sub && !strcmp(sub, "status")) return;
    if (res->ops && res->ops->prepare) res->ops->prepare(r->s, res, n, old);
}

static int managed(req_t *r, const route_t *rt, const cJSON *old, cJSON *n, const char *sub) {
    char mgr[160], gv[256];
    manager_name(r, mgr, sizeof mgr);
    gv_of(rt->res, gv, sizeof gv);
    const cJSON *schema = NULL;
    res_schema_of(rt->res, &schema);
    ksrv_manage_opts_t mo = {.manager = mgr, .api_version = gv, .kind = rt->res->kind,
                             .subresource = sub, .schema = schema,
                             .no_time = sub && !strcmp(sub, "scale")};
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (ksrv_managed_fields_update(old, n, &mo, &st) != 0) {
        send_ksrv(r, &st);
        return -1;
    }
    return 0;
}

/* Create of `obj` (taken). Called with the lock held. */
static int do_create(req_t *r, const route_t *rt, cJSON *obj, bool managed_done, ksrv_field_validation_t fv) {
    server_t *s = r->s;
    const resource_t *res = rt->res;
    if (check_namespace(r, rt, obj, true)) goto fail;
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (ksrv_validate_object_meta(obj, true, &st) > 0) {
        const char *name = meta_str(obj, "name");
        ksrv_status_invalid(&st, res->group, res->kind, name ? name : "");
        send_ksrv(r, &st);
        goto fail;
    }
    ksrv_status_reset(&st);
    const char *name = meta_str(obj, "name");
    if (!res->namespaced && !strcmp(res->plural, "namespaces") && name && !valid_dns_label(name)) {
        cJSON *causes = cJSON_CreateArray();
        cause_add(causes, "FieldValueInvalid", "metadata.name", "Invalid value: \"%s\": %s", name,
                  msg_dns_label());
        err_invalid(r, res, res->kind, name, causes);
        goto fail;
    }
    if (!name || !*name) {
        const char *gen = meta_str(obj, "generateName");
        char nm[300];
        for (int tries = 0; tries < 8; tries++) {
            char sfx[6];
            random_suffix(sfx);
            snprintf(nm, sizeof nm, "%s%s", gen ? gen : "", sfx);
            if (!store_get(res->store, rt->ns, nm)) break;
        }
        meta_set_str(obj, "name", nm);
        name = meta_str(obj, "name");
    }
    if (store_get(res->store, rt->ns, name)) {
        err_already_exists(r, res, name);
        goto fail;
    }
    cJSON *m = meta_of(obj);
    char uid[37], ts[32];
    new_uid(uid);
    now_rfc3339(ts);
    static const char *const drop[] = {"resourceVersion", "selfLink", "deletionTimestamp",
                                       "deletionGracePeriodSeconds", "generation", "uid",
                                       "creationTimestamp", NULL};
    for (const char *const *d = drop; *d; d++) cJSON_DeleteItemFromObjectCaseSensitive(m, *d);
    json_set_str(m, "uid", uid);
    json_set_str(m, "creationTimestamp", ts);
    if (has_generation(res)) cJSON_AddNumberToObject(m, "generation", 1);
    if (res->is_crd && res->has_status) cJSON_DeleteItemFromObjectCaseSensitive(obj, "status");
    if (admit(r, rt, obj, NULL, fv)) goto fail;
    if (!managed_done && managed(r, rt, NULL, obj, NULL)) goto fail;
    prepare(r, rt, obj, NULL, NULL);
    if (dry_run(r)) return respond_tree(r, rt, 201, obj);
    char sgv[256];
    storage_gv(s, res, sgv, sizeof sgv);
    json_set_str(obj, "apiVersion", sgv);
    kobj_t *o = store_commit(s, res->store, obj, res->is_crd, EV_ADDED, NULL);
    if (!res->is_crd && !strcmp(res->plural, "customresourcedefinitions")) crd_created(s, o);
    return respond_obj(r, rt, 201, o);
fail:
    cJSON_Delete(obj);
    return 0;
}

int handle_create(req_t *r, route_t *rt) {
    int sent;
    cJSON *obj = parse_body_object(r, rt->res, &sent);
    if (!obj) return 0;
    if (check_kind(r, rt, obj)) {
        cJSON_Delete(obj);
        return 0;
    }
    ksrv_field_validation_t fv;
    if (field_validation(r, "CreateOptions", &fv)) {
        cJSON_Delete(obj);
        return 0;
    }
    pthread_mutex_lock(&r->s->mu);
    int rc = do_create(r, rt, obj, false, fv);
    pthread_mutex_unlock(&r->s->mu);
    return rc;
}

/* Deletes a terminating object whose last finalizer went away. Lock held; takes n. */
static int finish_deletion(req_t *r, const route_t *rt, cJSON *n) {
    /* the answer is the updated object as read before the delete (same resourceVersion) */
    kobj_t *answer = kobj_new(cJSON_Duplicate(n, true), !rt->res->is_crd);
    kobj_t *o = store_commit(r->s, rt->res->store, n, rt->res->is_crd, EV_DELETED, NULL);
    if (!rt->res->is_crd && !strcmp(rt->res->plural, "customresourcedefinitions"))
        crd_deleted(r->s, o->obj);
    kobj_unref(o);
    return respond_obj(r, rt, 200, answer);
}

/* Update of `cur` to `n` (taken), for PUT, PATCH, /status. Lock held. */
static int do_update(req_t *r, const route_t *rt, kobj_t *cur, cJSON *n, const char *sub,
                     bool managed_done, ksrv_field_validation_t fv) {
    server_t *s = r->s;
    const resource_t *res = rt->res;
    const cJSON *old = cur->obj;
    cJSON *m = meta_of(n);
    const char *uid = meta_str(n, "uid");
    if (uid && *uid && strcmp(uid, meta_str(old, "uid"))) {
        char *msg = NULL, *q = qualified_resource(res);
        if (asprintf(&msg, "Operation cannot be fulfilled on %s \"%s\": Precondition failed: UID in "
                     "precondition: %s, UID in object meta: %s", q, cur->name, uid,
                     meta_str(old, "uid")) < 0)
            abort();
        send_status(r, 409, "Conflict", msg, details_new(cur->name, res->group, res->plural));
        free(msg);
        free(q);
        goto fail;
    }
    if (sub && !strcmp(sub, "status")) {
        /* /status: everything but status comes from the stored object */
        cJSON *keep = cJSON_Duplicate(old, true);
        cJSON *ns = cJSON_DetachItemFromObjectCaseSensitive(n, "status");
        if (ns) json_set(keep, "status", ns);
        else cJSON_DeleteItemFromObjectCaseSensitive(keep, "status");
        cJSON *nm = cJSON_GetObjectItemCaseSensitive(n, "metadata");
        const cJSON *mf = cJSON_GetObjectItemCaseSensitive(nm, "managedFields");
        if (mf) json_set(meta_of(keep), "managedFields", cJSON_Duplicate(mf, true));
        cJSON_Delete(n);
        n = keep;
        m = meta_of(n);
    } else {
        static const char *const server_owned[] = {"uid", "creationTimestamp", "generation",
                                                   "deletionTimestamp", "deletionGracePeriodSeconds",
                                                   "selfLink", NULL};
        for (const char *const *k = server_owned; *k; k++) {
            cJSON_DeleteItemFromObjectCaseSensitive(m, *k);
            const cJSON *v = json_path_get(old, "metadata");
            v = cJSON_GetObjectItemCaseSensitive(v, *k);
            if (v) cJSON_AddItemToObject(m, *k, cJSON_Duplicate(v, true));
        }
        if (!cJSON_GetObjectItemCaseSensitive(m, "managedFields")) {
            const cJSON *mf = json_path_get(old, "metadata.managedFields");
            if (mf) cJSON_AddItemToObject(m, "managedFields", cJSON_Duplicate(mf, true));
        }
        if (res->has_status && !(sub && !strcmp(sub, "scale"))) {
            cJSON_DeleteItemFromObjectCaseSensitive(n, "status");
            const cJSON *os = cJSON_GetObjectItemCaseSensitive(old, "status");
            if (os) cJSON_AddItemToObject(n, "status", cJSON_Duplicate(os, true));
        }
    }
    if (admit(r, rt, n, old, fv)) goto fail;
    if (has_generation(res)) {
        static const char *const skip_status[] = {"metadata", "status", NULL};
        static const char *const skip_meta[] = {"metadata", NULL};
        bool changed = !json_equal_except(n, old, res->has_status ? skip_status : skip_meta);
        const cJSON *g = json_path_get(old, "metadata.generation");
        double gen = cJSON_IsNumber(g) ? g->valuedouble : 1;
        json_set(m, "generation", cJSON_CreateNumber(changed ? gen + 1 : gen));
    }
    if (!managed_done && managed(r, rt, old, n, sub)) goto fail;
    prepare(r, rt, n, old, sub);
    const char *orv = meta_str(old, "resourceVersion");
    json_set_str(m, "resourceVersion", orv ? orv : "");
    char sgv[256];
    storage_gv(s, res, sgv, sizeof sgv);
    json_set_str(n, "apiVersion", sgv);
    if (res->is_crd) json_sort_keys(n);
    else json_order_builtin(n);
    bool terminating = meta_str(n, "deletionTimestamp") != NULL;
    bool no_finalizers = cJSON_GetArraySize(json_path_get(n, "metadata.finalizers")) == 0;
    if (dry_run(r)) return respond_tree(r, rt, 200, n);
    if (terminating && no_finalizers) return finish_deletion(r, rt, n);
    if (cJSON_Compare(n, old, true)) {
        /* nothing changed: no write, same resourceVersion (as etcd3's GuaranteedUpdate) */
        cJSON_Delete(n);
        return respond_obj(r, rt, 200, kobj_ref(cur));
    }
    kobj_t *o = store_commit(s, res->store, n, res->is_crd, EV_MODIFIED, NULL);
    if (!res->is_crd && !strcmp(res->plural, "customresourcedefinitions")) crd_created(s, o);
    return respond_obj(r, rt, 200, o);
fail:
    cJSON_Delete(n);
    return 0;
}

static int rv_precondition(req_t *r, const route_t *rt, kobj_t *cur, const cJSON *n, bool required) {
    const char *rv = meta_str(n, "resourceVersion");
    if (!rv || !*rv) {
        if (!required) return 0;
        cJSON *causes = cJSON_CreateArray();
        cause_add(causes, "FieldValueInvalid", "metadata.resourceVersion",
                  "Invalid value: 0x0: must be specified for an update");
        char *q = qualified_resource(rt->res);
        /* this one names the resource, not the kind, as recorded */
        buf_t b = {0};
        buf_printf(&b, "%s \"%s\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must "
                       "be specified for an update", q, cur->name);
        cJSON *d = details_new(cur->name, rt->res->group, rt->res->plural);
        cJSON_AddItemToObject(d, "causes", causes);
        char *msg = buf_steal(&b);
        send_status(r, 422, "Invalid", msg, d);
        free(msg);
        free(q);
        return -1;
    }
    if (strcmp(rv, meta_str(cur->obj, "resourceVersion"))) {
        err_conflict_modified(r, rt->res, cur->name);
        return -1;
    }
    return 0;
}

/* PUT/PATCH of /scale: `sc` is the new Scale (taken). Lock held. */
static int do_scale(req_t *r, const route_t *rt, kobj_t *cur, cJSON *sc) {
    const resource_t *res = rt->res;
    const char *rv = meta_str(sc, "resourceVersion");
    if (rv && *rv && strcmp(rv, meta_str(cur->obj, "resourceVersion"))) {
        cJSON_Delete(sc);
        return err_conflict_modified(r, res, cur->name);
    }
    const cJSON *rep = json_path_get(sc, "spec.replicas");
    cJSON *n = cJSON_Duplicate(cur->obj, true);
    json_path_set(n, res->spec_replicas_path, cJSON_CreateNumber(cJSON_IsNumber(rep) ? rep->valuedouble : 0));
    cJSON_Delete(sc);
    ksrv_field_validation_t fv = KSRV_FV_IGNORE;
    /* do_update answers with the object; /scale answers with a Scale */
    if (dry_run(r)) {
        cJSON *out = scale_of(res, n);
        cJSON_Delete(n);
        return send_json(r, 200, out);
    }
    cJSON *m = meta_of(n);
    if (has_generation(res)) {
        bool changed = !json_equal_except(n, cur->obj, (const char *const[]){"metadata", "status", NULL});
        const cJSON *g = json_path_get(cur->obj, "metadata.generation");
        double gen = cJSON_IsNumber(g) ? g->valuedouble : 1;
        json_set(m, "generation", cJSON_CreateNumber(changed ? gen + 1 : gen));
    }
    (void)fv;
    if (managed(r, rt, cur->obj, n, "scale")) {
        cJSON_Delete(n);
        return 0;
    }
    if (res->is_crd) {
        /* the recorded server keeps no "scale" entry for custom resources */
        cJSON *mfs = json_path_get(n, "metadata.managedFields");
        for (int i = cJSON_GetArraySize(mfs) - 1; i >= 0; i--) {
            const cJSON *sr = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(mfs, i), "subresource");
            if (cJSON_IsString(sr) && !strcmp(sr->valuestring, "scale")) cJSON_DeleteItemFromArray(mfs, i);
        }
        if (mfs && !cJSON_GetArraySize(mfs)) cJSON_DeleteItemFromObjectCaseSensitive(meta_of(n), "managedFields");
        json_sort_keys(n);
    }
    kobj_t *o;
    if (cJSON_Compare(n, cur->obj, true)) {
        cJSON_Delete(n);
        o = kobj_ref(cur);
    } else {
        o = store_commit(r->s, res->store, n, res->is_crd, EV_MODIFIED, NULL);
    }
    cJSON *out = scale_of(res, o->obj);
    kobj_unref(o);
    return send_json(r, 200, out);
}

int handle_update(req_t *r, route_t *rt) {
    int sent;
    cJSON *obj = parse_body_object(r, rt->res, &sent);
    if (!obj) return 0;
    bool scale = rt->sub && !strcmp(rt->sub, "scale");
    if (!scale && check_kind(r, rt, obj)) {
        cJSON_Delete(obj);
        return 0;
    }
    const char *bn = meta_str(obj, "name");
    if (!bn || !*bn) meta_set_str(obj, "name", rt->name);
    else if (strcmp(bn, rt->name)) {
        char *m = NULL;
        if (asprintf(&m, "the name of the object (%s) does not match the name on the URL (%s)", bn,
                     rt->name) < 0)
            abort();
        cJSON_Delete(obj);
        int rc = err_bad_request(r, m);
        free(m);
        return rc;
    }
    ksrv_field_validation_t fv;
    if (field_validation(r, "UpdateOptions", &fv)) {
        cJSON_Delete(obj);
        return 0;
    }
    server_t *s = r->s;
    pthread_mutex_lock(&s->mu);
    int rc = 0;
    kobj_t *cur = store_get(rt->res->store, rt->ns, rt->name);
    if (!cur) {
        rc = err_not_found(r, rt->res, rt->name);
        cJSON_Delete(obj);
    } else if (scale) {
        rc = do_scale(r, rt, cur, obj);
    } else if (check_namespace(r, rt, obj, false) ||
               rv_precondition(r, rt, cur, obj, rt->res->is_crd)) {
        cJSON_Delete(obj);
    } else {
        rc = do_update(r, rt, cur, obj, rt->sub, false, fv);
    }
    pthread_mutex_unlock(&s->mu);
    return rc;
}

/* ---- PATCH ---- */
static int do_apply(req_t *r, route_t *rt, kobj_t *cur, ksrv_field_validation_t fv) {
    ksrv_status_t st = KSRV_STATUS_INIT;
    cJSON *applied = NULL;
    if (ksrv_yaml_parse(r->body.p, r->body.len, &applied, NULL, &st) != 0) return send_ksrv(r, &st);
    char mgr[160], gv[256];
    const char *fm = field_manager(r);
    snprintf(mgr, sizeof mgr, "%s", fm ? fm : "");
    gv_of(rt->res, gv, sizeof gv);
    const cJSON *schema = NULL;
    res_schema_of(rt->res, &schema);
    ksrv_manage_opts_t mo = {.manager = fm ? mgr : NULL, .api_version = gv, .kind = rt->res->kind,
                             .subresource = rt->sub, .schema = schema, .force = q_bool(r, "force")};
    cJSON *out = NULL;
    if (cJSON_IsObject(applied)) {
        /* namespace/name of the applied object must agree with the URL */
        const char *bn = meta_str(applied, "name");
        if (bn && *bn && strcmp(bn, rt->name)) {
            cJSON_Delete(applied);
            return err_bad_request(r, "the name of the object does not match the name on the URL");
        }
        if (!bn) meta_set_str(applied, "name", rt->name);
        if (rt->res->namespaced) {
            const char *bns = meta_str(applied, "namespace");
            if (bns && *bns && strcmp(bns, rt->ns)) {
                cJSON_Delete(applied);
                return err_bad_request(r, "the namespace of the provided object does not match "
                                          "the namespace sent on the request");
            }
        }
    }
    int rc = ksrv_apply(cur ? cur->obj : NULL, applied, &mo, &out, &st);
    cJSON_Delete(applied);
    if (rc) return send_ksrv(r, &st);
    if (!cur) return do_create(r, rt, out, true, fv);
    return do_update(r, rt, cur, out, rt->sub, true, fv);
}

int handle_patch(req_t *r, route_t *rt) {
    server_t *s = r->s;
    const resource_t *res = rt->res;
    ksrv_patch_type_t pt = ksrv_patch_type(h_get(r, "Content-Type"));
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (pt == KSRV_PATCH_UNKNOWN || (pt == KSRV_PATCH_STRATEGIC && res->is_crd)) {
        ksrv_patch_unsupported(&st, res->is_crd);
        return send_ksrv(r, &st);
    }
    ksrv_field_validation_t fv;
    if (field_validation(r, "PatchOptions", &fv)) return 0;
    if (pt == KSRV_PATCH_APPLY && !field_manager(r)) {
        ksrv_status_add_field_error_raw(&st, KSRV_FE_REQUIRED, "fieldManager", NULL,
                                        "is required for apply patch");
        ksrv_status_invalid(&st, "meta.k8s.io", "PatchOptions", "");
        return send_ksrv(r, &st);
    }
    cJSON *patch = NULL;
    if (pt != KSRV_PATCH_APPLY) {
        patch = cJSON_ParseWithLength(r->body.p ? r->body.p : "", r->body.len);
        if (!patch) {
            ksrv_status_set(&st, 400, "BadRequest", "error decoding patch: invalid character "
                                                    "looking for beginning of value");
            return send_ksrv(r, &st);
        }
    }
    pthread_mutex_lock(&s->mu);
    int rc = 0;
    kobj_t *cur = store_get(res->store, rt->ns, rt->name);
    bool scale = rt->sub && !strcmp(rt->sub, "scale");
    if (pt == KSRV_PATCH_APPLY) {
        if (!cur && rt->sub) rc = err_not_found(r, res, rt->name);
        else rc = do_apply(r, rt, cur, fv);
    } else if (!cur) {
        rc = err_not_found(r, res, rt->name);
    } else {
        cJSON *base = scale ? scale_of(res, cur->obj) : cJSON_Duplicate(cur->obj, true);
        cJSON *out = NULL;
        int prc;
        if (pt == KSRV_PATCH_JSON) prc = ksrv_json_patch(base, patch, &out, &st);
        else if (pt == KSRV_PATCH_MERGE) prc = ksrv_merge_patch(base, patch, &out, &st);
        else prc = ksrv_strategic_merge_patch(base, patch, scale ? "Scale" : res->kind, &out, &st);
        cJSON_Delete(base);
        if (prc) {
            rc = send_ksrv(r, &st);
        } else if (scale) {
            rc = do_scale(r, rt, cur, out);
        } else if (!cJSON_IsObject(out)) {
            cJSON_Delete(out);
            rc = err_bad_request(r, "the patched object is not a JSON object");
        } else if (check_kind(r, rt, out) || check_namespace(r, rt, out, false) ||
                   rv_precondition(r, rt, cur, out, false)) {
            cJSON_Delete(out);
        } else {
            const char *bn = meta_str(out, "name");
            if (!bn || strcmp(bn, rt->name)) meta_set_str(out, "name", rt->name);
            rc = do_update(r, rt, cur, out, rt->sub, false, fv);
        }
    }
    pthread_mutex_unlock(&s->mu);
    cJSON_Delete(patch);
    return rc;
}
