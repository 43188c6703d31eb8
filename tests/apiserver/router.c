/* router.c — from method + path to a handler, the way kube-apiserver's mux resolves
 * /api/v1/... and /apis/<group>/<version>/... (unknown paths: plain "404 page not found"). */
#define _GNU_SOURCE
#include "internal.h"
#include "openapi.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int serve_openapi(req_t *r);

#define MAX_SEG 16

static int split_path(char *p, const char **seg) {
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(p, "/", &save); t && n < MAX_SEG; t = strtok_r(NULL, "/", &save))
        seg[n++] = t;
    return n;
}

static bool is_public(const char *url) {
    return !strcmp(url, "/version") || !strcmp(url, "/healthz") || !strcmp(url, "/livez") ||
           !strcmp(url, "/readyz") || !strncmp(url, "/version/", 9);
}

static bool method_is(req_t *r, const char *m) { return !strcmp(r->method, m); }

/* Resolves a resource path below /api/v1 or /apis/<g>/<v>. Returns 0 and fills rt, or sends
 * the 404/405 and returns 1. */
static int resolve(req_t *r, route_t *rt, const char *group, const char *version,
                   const char **rest, int n) {
    server_t *s = r->s;
    bool watch_path = false;
    if (n && !strcmp(rest[0], "watch")) {
        watch_path = true;
        rest++;
        n--;
    }
    if (!n) return send_not_found_page(r) ? 1 : 1;
    resource_t *res = NULL;
    const char *ns = NULL, *name = NULL, *sub = NULL;
    pthread_mutex_lock(&s->mu);
    if (!strcmp(rest[0], "namespaces") && n >= 3) {
        res = resource_find(s, group, version, rest[2]);
        if (res && res->namespaced && n <= 5) {
            ns = rest[1];
            name = n > 3 ? rest[3] : NULL;
            sub = n > 4 ? rest[4] : NULL;
        } else if (!*group && n == 3 &&
                   (!strcmp(rest[2], "status") || !strcmp(rest[2], "finalize"))) {
            res = resource_find(s, "", "v1", "namespaces");
            name = rest[1];
            sub = rest[2];
        } else {
            res = NULL;
        }
    } else {
        res = resource_find(s, group, version, rest[0]);
        if (res && n <= 3) {
            name = n > 1 ? rest[1] : NULL;
            sub = n > 2 ? rest[2] : NULL;
            if (res->namespaced && name) res = NULL; /* namespaced object without namespace */
        } else {
            res = NULL;
        }
    }
    if (res && sub) {
        bool ok = (!strcmp(sub, "status") && res->has_status) ||
                  (!strcmp(sub, "scale") && res->has_scale) ||
                  (!strcmp(sub, "finalize") && !strcmp(res->plural, "namespaces") && !*res->group);
        if (!ok) res = NULL;
    }
    pthread_mutex_unlock(&s->mu);
    if (!res) {
        send_not_found_page(r);
        return 1;
    }
    rt->res = res;
    rt->ns = ns;
    rt->name = name;
    rt->sub = sub;
    bool watch = watch_path || q_bool(r, "watch");
    if (method_is(r, "GET")) rt->verb = name ? "get" : watch ? "watch" : "list";
    else if (method_is(r, "POST") && !name) rt->verb = "create";
    else if (method_is(r, "PUT") && name) rt->verb = "update";
    else if (method_is(r, "PATCH") && name) rt->verb = "patch";
    else if (method_is(r, "DELETE") && name && !sub) rt->verb = "delete";
    else if (method_is(r, "DELETE") && !name &&
             !(res->flags & RES_RETURN_DELETED && !strcmp(res->plural, "namespaces")))
        rt->verb = "deletecollection";
    else {
        err_method_not_allowed(r);
        return 1;
    }
    return 0;
}

/* POST /apis/authentication.k8s.io/v1/selfsubjectreviews (`kubectl auth whoami`): who the
 * server thinks the caller is. Authenticated users also belong to system:authenticated. */
static int serve_selfsubjectreview(req_t *r) {
    if (!method_is(r, "POST")) return err_method_not_allowed(r);
    if (r->user.anonymous && !r->s->opt.allow_anonymous) {
        cJSON *d = cJSON_CreateObject();
        cJSON_AddStringToObject(d, "group", "authentication.k8s.io");
        cJSON_AddStringToObject(d, "kind", "selfsubjectreviews");
        return send_status(r, 403, "Forbidden",
                           "selfsubjectreviews.authentication.k8s.io is forbidden: User "
                           "\"system:anonymous\" cannot create resource \"selfsubjectreviews\" in "
                           "API group \"authentication.k8s.io\" at the cluster scope", d);
    }
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "kind", "SelfSubjectReview");
    cJSON_AddStringToObject(j, "apiVersion", "authentication.k8s.io/v1");
    cJSON_AddItemToObject(cJSON_AddObjectToObject(j, "metadata"), "creationTimestamp", cJSON_CreateNull());
    cJSON *ui = cJSON_AddObjectToObject(cJSON_AddObjectToObject(j, "status"), "userInfo");
    cJSON_AddStringToObject(ui, "username", r->user.name);
    cJSON *g = cJSON_AddArrayToObject(ui, "groups");
    bool has_auth = false;
    char groups[sizeof r->user.groups];
    snprintf(groups, sizeof groups, "%s", r->user.groups);
    char *save = NULL;
    for (char *t = strtok_r(groups, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        cJSON_AddItemToArray(g, cJSON_CreateString(t));
        has_auth |= !strcmp(t, "system:authenticated");
    }
    if (!r->user.anonymous && !has_auth) cJSON_AddItemToArray(g, cJSON_CreateString("system:authenticated"));
    return send_json(r, 201, j);
}

int handle_request(req_t *r) {
    server_t *s = r->s;
    if (s->opt.admin_endpoint && !strncmp(r->url, "/kc-admin/", 10)) return handle_admin(r);
    if (faults_before(r)) return 0;
    if (r->body_too_large)
        return send_status(r, 413, "RequestEntityTooLarge", "the request body is too large", NULL);
    if (!strcmp(r->url, "/healthz") || !strcmp(r->url, "/livez") || !strcmp(r->url, "/readyz"))
        return send_text(r, 200, "ok");
    if (authenticate(r)) return 0;

    route_t rt;
    memset(&rt, 0, sizeof rt);
    snprintf(rt.segbuf, sizeof rt.segbuf, "%s", r->url);
    const char *seg[MAX_SEG];
    int n = split_path(rt.segbuf, seg);

    if (!is_public(r->url) && authorize(r, NULL)) return 0;
    if (n >= 1 && !strcmp(seg[0], "openapi")) {
        if (!method_is(r, "GET")) return err_method_not_allowed(r);
        return serve_openapi(r);
    }
    if (n == 1 && !strcmp(seg[0], "version")) return serve_discovery(r, seg, n);
    bool core = n >= 1 && !strcmp(seg[0], "api");
    bool apis = n >= 1 && !strcmp(seg[0], "apis");
    if ((core && n <= 2) || (apis && n <= 3)) {
        if (!method_is(r, "GET")) return err_method_not_allowed(r);
        if (core && n == 2 && strcmp(seg[1], "v1")) return send_not_found_page(r);
        return serve_discovery(r, seg, n);
    }
    if (!core && !apis) return send_not_found_page(r);
    if (apis && n == 4 && !strcmp(seg[1], "authentication.k8s.io") && !strcmp(seg[2], "v1") &&
        !strcmp(seg[3], "selfsubjectreviews"))
        return serve_selfsubjectreview(r);
    const char *group = core ? "" : seg[1];
    const char *version = core ? seg[1] : seg[2];
    int off = core ? 2 : 3;
    if (core && strcmp(version, "v1")) return send_not_found_page(r);
    if (resolve(r, &rt, group, version, seg + off, n - off)) return 0;
    if (authorize(r, &rt)) return 0;

    const char *v = rt.verb;
    if (!strcmp(v, "get")) return handle_get(r, &rt);
    if (!strcmp(v, "list")) return handle_list(r, &rt);
    if (!strcmp(v, "watch")) return handle_watch(r, &rt);
    if (!strcmp(v, "create")) return handle_create(r, &rt);
    if (!strcmp(v, "update")) return handle_update(r, &rt);
    if (!strcmp(v, "patch")) return handle_patch(r, &rt);
    if (!strcmp(v, "delete")) return handle_delete(r, &rt);
    return handle_deletecollection(r, &rt);
}
