/* delete.c — DELETE of one object and of a collection: preconditions, propagation policy
 * finalizers, graceful deletion (deletionTimestamp) while finalizers remain, namespaces
 * going Terminating, and the answer kube-apiserver gives (the object, or a Status). */
#define _GNU_SOURCE
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void list_body(buf_t *b, const resource_t *res, kobj_t **items, size_t n, uint64_t rv,
               const char *cont, long remaining);

typedef struct delopts {
    const char *policy;
    const char *pre_uid, *pre_rv;
    long long grace;
    bool has_grace;
} delopts_t;

static void read_opts(req_t *r, const cJSON *body, delopts_t *o) {
    memset(o, 0, sizeof *o);
    o->policy = q_get(r, "propagationPolicy");
    const char *g = q_get(r, "gracePeriodSeconds");
    if (g) {
        o->grace = atoll(g);
        o->has_grace = true;
    }
    if (!body) return;
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(body, "propagationPolicy");
    if (cJSON_IsString(p)) o->policy = p->valuestring;
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(body, "orphanDependents"))) o->policy = "Orphan";
    const cJSON *gs = cJSON_GetObjectItemCaseSensitive(body, "gracePeriodSeconds");
    if (cJSON_IsNumber(gs)) {
        o->grace = (long long)gs->valuedouble;
        o->has_grace = true;
    }
    const cJSON *pre = cJSON_GetObjectItemCaseSensitive(body, "preconditions");
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(pre, "uid");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(pre, "resourceVersion");
    if (cJSON_IsString(u)) o->pre_uid = u->valuestring;
    if (cJSON_IsString(v)) o->pre_rv = v->valuestring;
}

static void add_finalizer(cJSON *obj, const char *f) {
    cJSON *m = meta_of(obj);
    cJSON *fs = cJSON_GetObjectItemCaseSensitive(m, "finalizers");
    if (!cJSON_IsArray(fs)) {
        cJSON_DeleteItemFromObjectCaseSensitive(m, "finalizers");
        fs = cJSON_AddArrayToObject(m, "finalizers");
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, fs) if (cJSON_IsString(e) && !strcmp(e->valuestring, f)) return;
    cJSON_AddItemToArray(fs, cJSON_CreateString(f));
}

/* Deletes cur. On success *out is the object to report (a reference) and *gone tells whether
 * it left the store. Lock held. Sends the error and returns -1 on failure. */
static int delete_one_opts(req_t *r, const route_t *rt, kobj_t *cur, const delopts_t *o,
                           kobj_t **out, bool *gone) {
    server_t *s = r->s;
    const resource_t *res = rt->res;
    *out = NULL;
    *gone = false;
    const char *uid = meta_str(cur->obj, "uid"), *rv = meta_str(cur->obj, "resourceVersion");
    if (o->pre_uid && strcmp(o->pre_uid, uid)) {
        char *qk = qualified_kind(res, res->kind), *msg = NULL;
        if (asprintf(&msg, "Operation cannot be fulfilled on %s \"%s\": the UID in the precondition "
                     "(%s) does not match the UID in record (%s). The object might have been "
                     "deleted and then recreated", qk, cur->name, o->pre_uid, uid) < 0)
            abort();
        send_status(r, 409, "Conflict", msg, details_new(cur->name, res->group, res->kind));
        free(msg);
        free(qk);
        return -1;
    }
    if (o->pre_rv && strcmp(o->pre_rv, rv)) {
        char *qk = qualified_kind(res, res->kind), *msg = NULL;
        if (asprintf(&msg, "Operation cannot be fulfilled on %s \"%s\": the ResourceVersion in the "
                     "precondition (%s) does not match the ResourceVersion in record (%s). The "
                     "object might have been modified", qk, cur->name, o->pre_rv, rv) < 0)
            abort();
        send_status(r, 409, "Conflict", msg, details_new(cur->name, res->group, res->kind));
        free(msg);
        free(qk);
        return -1;
    }
    cJSON *n = cJSON_Duplicate(cur->obj, true);
    bool is_ns = !res->is_crd && !strcmp(res->plural, "namespaces") && !*res->group;
    bool terminating = meta_str(n, "deletionTimestamp") != NULL;
    char ts[32];
    now_rfc3339(ts);
    if (is_ns) {
        /* no namespace controller runs: the namespace stays Terminating (as recorded) */
        if (!terminating) {
            meta_set_str(n, "deletionTimestamp", ts);
            cJSON *st = cJSON_GetObjectItemCaseSensitive(n, "status");
            if (!cJSON_IsObject(st)) {
                st = cJSON_CreateObject();
                json_set(n, "status", st);
            }
            json_set_str(st, "phase", "Terminating");
        }
    } else {
        if (o->policy && !strcmp(o->policy, "Foreground")) add_finalizer(n, "foregroundDeletion");
        else if (o->policy && !strcmp(o->policy, "Orphan")) add_finalizer(n, "orphan");
        bool pod_on_node = !res->is_crd && !strcmp(res->plural, "pods") &&
                           cJSON_IsString(json_path_get(n, "spec.nodeName")) &&
                           !(o->has_grace && o->grace == 0);
        bool keep = cJSON_GetArraySize(json_path_get(n, "metadata.finalizers")) > 0 || pod_on_node;
        if (!keep) {
            if (dry_run(r)) {
                *out = kobj_new(n, !res->is_crd);
            } else {
                *out = store_commit(s, res->store, n, res->is_crd, EV_DELETED, NULL);
                if (!res->is_crd && !strcmp(res->plural, "customresourcedefinitions"))
                    crd_deleted(s, (*out)->obj);
            }
            *gone = true;
            return 0;
        }
        if (!terminating) {
            cJSON *m = meta_of(n);
            json_set_str(m, "deletionTimestamp", ts);
            long long grace = 0;
            if (pod_on_node) {
                const cJSON *tg = json_path_get(n, "spec.terminationGracePeriodSeconds");
                grace = o->has_grace ? o->grace : cJSON_IsNumber(tg) ? (long long)tg->valuedouble : 30;
            }
            json_set(m, "deletionGracePeriodSeconds", cJSON_CreateNumber((double)grace));
            const cJSON *g = cJSON_GetObjectItemCaseSensitive(m, "generation");
            if (cJSON_IsNumber(g) && !(res->flags & RES_NO_GENERATION))
                json_set(m, "generation", cJSON_CreateNumber(g->valuedouble + 1));
        }
    }
    if (cJSON_Compare(n, cur->obj, true)) {
        cJSON_Delete(n);
        *out = kobj_ref(cur);
        return 0;
    }
    if (dry_run(r)) {
        if (res->is_crd) json_sort_keys(n);
        else json_order_builtin(n);
        *out = kobj_new(n, !res->is_crd);
        return 0;
    }
    *out = store_commit(s, res->store, n, res->is_crd, EV_MODIFIED, NULL);
    return 0;
}

static cJSON *parse_opts_body(req_t *r, int *bad) {
    *bad = 0;
    if (!r->body.len) return NULL;
    cJSON *j = cJSON_ParseWithLength(r->body.p, r->body.len);
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        *bad = 1;
    }
    return j;
}

int handle_delete(req_t *r, route_t *rt) {
    int bad;
    cJSON *body = parse_opts_body(r, &bad);
    if (bad) return err_bad_request(r, "the body of the request could not be decoded as DeleteOptions");
    delopts_t o;
    read_opts(r, body, &o);
    server_t *s = r->s;
    pthread_mutex_lock(&s->mu);
    kobj_t *cur = store_get(rt->res->store, rt->ns, rt->name);
    int rc = 0;
    if (!cur) {
        rc = err_not_found(r, rt->res, rt->name);
    } else {
        kobj_t *out;
        bool gone;
        if (delete_one_opts(r, rt, cur, &o, &out, &gone) == 0) {
            const resource_t *res = rt->res;
            if (gone && !(res->flags & RES_RETURN_DELETED)) {
                cJSON *d = details_new(out->name, res->group, res->plural);
                cJSON_AddStringToObject(d, "uid", meta_str(out->obj, "uid"));
                kobj_unref(out);
                rc = send_status(r, 200, NULL, NULL, d);
            } else if (res->is_crd && !res->storage) {
                cJSON *c = object_for_version(res, out);
                kobj_unref(out);
                rc = send_json(r, 200, c);
            } else {
                rc = send_kobj(r, 200, out);
            }
        }
    }
    pthread_mutex_unlock(&s->mu);
    cJSON_Delete(body);
    return rc;
}

int handle_deletecollection(req_t *r, route_t *rt) {
    int bad;
    cJSON *body = parse_opts_body(r, &bad);
    if (bad) return err_bad_request(r, "the body of the request could not be decoded as DeleteOptions");
    delopts_t o;
    read_opts(r, body, &o);
    char *err = NULL;
    selector_t *ls = label_selector_parse(q_get(r, "labelSelector"), &err);
    selector_t *fs = err ? NULL : field_selector_parse(q_get(r, "fieldSelector"), rt->res, &err);
    if (err) {
        selector_free(ls);
        cJSON_Delete(body);
        int rc = err_bad_request(r, err);
        free(err);
        return rc;
    }
    server_t *s = r->s;
    pthread_mutex_lock(&s->mu);
    size_t n = 0;
    kobj_t **all = store_snapshot(s, rt->res->store, s->rv, rt->ns, &n);
    kobj_t **done = calloc(n ? n : 1, sizeof *done);
    if (!done) abort();
    size_t nd = 0;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!selector_match_labels(ls, all[i]->obj) || !selector_match_fields(fs, all[i]->obj)) continue;
        kobj_t *out;
        bool gone;
        if (delete_one_opts(r, rt, all[i], &o, &out, &gone)) {
            rc = -2;
            break;
        }
        /* the list shows each object as it was before this deletion */
        done[nd++] = gone ? kobj_ref(all[i]) : kobj_ref(out);
        kobj_unref(out);
    }
    uint64_t rv = s->rv;
    pthread_mutex_unlock(&s->mu);
    if (rc == 0) {
        buf_t b = {0};
        list_body(&b, rt->res, done, nd, rv, "", -1);
        rc = send_bytes(r, 200, "application/json", b.p, b.len);
    } else {
        rc = 0;
    }
    for (size_t i = 0; i < n; i++) kobj_unref(all[i]);
    for (size_t i = 0; i < nd; i++) kobj_unref(done[i]);
    free(all);
    free(done);
    selector_free(ls);
    selector_free(fs);
    cJSON_Delete(body);
    return rc;
}
