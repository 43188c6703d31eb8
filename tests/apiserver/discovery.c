/* discovery.c — /version, /api, /api/v1, /apis, /apis/<group>, /apis/<group>/<version>,
 * shaped like the recorded answers (discovery-and-auth.json). */
#define _GNU_SOURCE
#include "internal.h"
#include "openapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cJSON *str_array(char **v, size_t n) {
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

static cJSON *verbs(const char *csv) {
    cJSON *a = cJSON_CreateArray();
    const char *p = csv;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        char *v = strndup(p, n);
        cJSON_AddItemToArray(a, cJSON_CreateString(v));
        free(v);
        p += n;
        if (*p) p++;
    }
    return a;
}

static cJSON *api_resource(const char *name, const char *singular, bool namespaced,
                           const char *group, const char *version, const char *kind,
                           const char *verbs_csv) {
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "name", name);
    cJSON_AddStringToObject(e, "singularName", singular);
    cJSON_AddBoolToObject(e, "namespaced", namespaced);
    if (group) cJSON_AddStringToObject(e, "group", group);
    if (version) cJSON_AddStringToObject(e, "version", version);
    cJSON_AddStringToObject(e, "kind", kind);
    cJSON_AddItemToObject(e, "verbs", verbs(verbs_csv));
    return e;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static cJSON *resource_list(server_t *s, const char *group, const char *version) {
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "kind", "APIResourceList");
    char gv[256];
    if (*group) {
        cJSON_AddStringToObject(j, "apiVersion", "v1");
        snprintf(gv, sizeof gv, "%s/%s", group, version);
    } else {
        snprintf(gv, sizeof gv, "%s", version);
    }
    cJSON_AddStringToObject(j, "groupVersion", gv);
    cJSON *arr = cJSON_AddArrayToObject(j, "resources");
    /* built-ins are listed by name (with their subresources), CRDs in registration order */
    resource_t *v[256];
    size_t n = 0;
    for (resource_t *r = s->resources; r && n < 256; r = r->next)
        if (r->served && !strcmp(r->group, group) && !strcmp(r->version, version)) v[n++] = r;
    if (!n) {
        cJSON_Delete(j);
        return NULL;
    }
    if (!v[0]->is_crd) {
        const char *names[256];
        for (size_t i = 0; i < n; i++) names[i] = v[i]->plural;
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < n; k++)
                if (v[k]->plural == names[i]) {
                    resource_t *t = v[i];
                    v[i] = v[k];
                    v[k] = t;
                }
    }
    for (size_t i = 0; i < n; i++) {
        resource_t *r = v[i];
        const char *all = r->is_crd ? "delete,deletecollection,get,list,patch,create,update,watch"
                          : (r->flags & RES_RETURN_DELETED) && !r->namespaced && !strcmp(r->plural, "namespaces")
                              ? "create,delete,get,list,patch,update,watch"
                              : "create,delete,deletecollection,get,list,patch,update,watch";
        cJSON *e = api_resource(r->plural, r->is_crd ? r->singular : "", r->namespaced, NULL, NULL,
                                r->kind, all);
        if (r->n_short) cJSON_AddItemToObject(e, "shortNames", str_array(r->short_names, r->n_short));
        if (r->n_cat) cJSON_AddItemToObject(e, "categories", str_array(r->categories, r->n_cat));
        if (r->storage_hash) cJSON_AddStringToObject(e, "storageVersionHash", r->storage_hash);
        cJSON_AddItemToArray(arr, e);
        char sub[300];
        if (!r->is_crd && !strcmp(r->plural, "namespaces")) {
            snprintf(sub, sizeof sub, "%s/finalize", r->plural);
            cJSON_AddItemToArray(arr, api_resource(sub, "", false, NULL, NULL, r->kind, "update"));
        }
        /* built-ins list scale before status (alphabetical); CRDs status before scale */
        if (r->has_scale && !r->is_crd) {
            snprintf(sub, sizeof sub, "%s/scale", r->plural);
            cJSON_AddItemToArray(arr, api_resource(sub, "", r->namespaced, "autoscaling", "v1",
                                                   "Scale", "get,patch,update"));
        }
        if (r->has_status) {
            snprintf(sub, sizeof sub, "%s/status", r->plural);
            cJSON_AddItemToArray(arr, api_resource(sub, "", r->namespaced, NULL, NULL, r->kind,
                                                   "get,patch,update"));
        }
        if (r->has_scale && r->is_crd) {
            snprintf(sub, sizeof sub, "%s/scale", r->plural);
            cJSON_AddItemToArray(arr, api_resource(sub, "", r->namespaced, "autoscaling", "v1",
                                                   "Scale", "get,patch,update"));
        }
    }
    return j;
}

/* groups in the recorded order (built-ins by priority, then CRD groups by name) */
static const char *const builtin_groups[] = {"apps", "events.k8s.io", "batch",
                                             "apiextensions.k8s.io", "coordination.k8s.io", NULL};

static cJSON *group_entry(server_t *s, const char *group) {
    cJSON *g = cJSON_CreateObject();
    cJSON_AddStringToObject(g, "name", group);
    cJSON *vers = cJSON_AddArrayToObject(g, "versions");
    const char *seen[32];
    size_t ns = 0;
    const char *preferred = NULL;
    for (resource_t *r = s->resources; r; r = r->next) {
        if (!r->served || strcmp(r->group, group)) continue;
        bool dup = false;
        for (size_t i = 0; i < ns; i++)
            if (!strcmp(seen[i], r->version)) dup = true;
        if (dup || ns == 32) continue;
        seen[ns++] = r->version;
        if (r->storage && !preferred) preferred = r->version;
    }
    for (size_t i = 0; i < ns; i++) {
        cJSON *v = cJSON_CreateObject();
        char gv[256];
        snprintf(gv, sizeof gv, "%s/%s", group, seen[i]);
        cJSON_AddStringToObject(v, "groupVersion", gv);
        cJSON_AddStringToObject(v, "version", seen[i]);
        cJSON_AddItemToArray(vers, v);
    }
    if (ns) {
        if (!preferred) preferred = seen[0];
        cJSON *p = cJSON_AddObjectToObject(g, "preferredVersion");
        char gv[256];
        snprintf(gv, sizeof gv, "%s/%s", group, preferred);
        cJSON_AddStringToObject(p, "groupVersion", gv);
        cJSON_AddStringToObject(p, "version", preferred);
    }
    if (!ns) {
        cJSON_Delete(g);
        return NULL;
    }
    return g;
}

static cJSON *group_list(server_t *s) {
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "kind", "APIGroupList");
    cJSON_AddStringToObject(j, "apiVersion", "v1");
    cJSON *groups = cJSON_AddArrayToObject(j, "groups");
    for (const char *const *g = builtin_groups; *g; g++) {
        cJSON *e = group_entry(s, *g);
        if (e) cJSON_AddItemToArray(groups, e);
    }
    const char *crdg[256];
    size_t n = 0;
    for (resource_t *r = s->resources; r && n < 256; r = r->next) {
        if (!r->is_crd || !r->served) continue;
        bool dup = false;
        for (size_t i = 0; i < n; i++)
            if (!strcmp(crdg[i], r->group)) dup = true;
        if (!dup) crdg[n++] = r->group;
    }
    qsort(crdg, n, sizeof *crdg, cmp_str);
    for (size_t i = 0; i < n; i++) {
        cJSON *e = group_entry(s, crdg[i]);
        if (e) cJSON_AddItemToArray(groups, e);
    }
    return j;
}

int serve_discovery(req_t *r, const char **seg, int nseg) {
    server_t *s = r->s;
    if (nseg == 1 && !strcmp(seg[0], "version")) {
        cJSON *v = cJSON_CreateObject();
        cJSON_AddStringToObject(v, "major", "1");
        cJSON_AddStringToObject(v, "minor", "32");
        cJSON_AddStringToObject(v, "gitVersion", "v1.32.0-kc");
        cJSON_AddStringToObject(v, "gitCommit", "0000000000000000000000000000000000000000");
        cJSON_AddStringToObject(v, "gitTreeState", "clean");
        cJSON_AddStringToObject(v, "buildDate", "1970-01-01T00:00:00Z");
        cJSON_AddStringToObject(v, "goVersion", "go1.23.0");
        cJSON_AddStringToObject(v, "compiler", "gc");
        cJSON_AddStringToObject(v, "platform", "linux/amd64");
        return send_json(r, 200, v);
    }
    cJSON *out = NULL;
    pthread_mutex_lock(&s->mu);
    if (nseg == 1 && !strcmp(seg[0], "api")) {
        out = cJSON_CreateObject();
        cJSON_AddStringToObject(out, "kind", "APIVersions");
        cJSON_AddItemToObject(out, "versions", cJSON_Parse("[\"v1\"]"));
        cJSON *a = cJSON_AddArrayToObject(out, "serverAddressByClientCIDRs");
        cJSON *e = cJSON_CreateObject();
        char addr[64];
        snprintf(addr, sizeof addr, "127.0.0.1:%u", (unsigned)s->port);
        cJSON_AddStringToObject(e, "clientCIDR", "0.0.0.0/0");
        cJSON_AddStringToObject(e, "serverAddress", addr);
        cJSON_AddItemToArray(a, e);
    } else if (nseg == 2 && !strcmp(seg[0], "api") && !strcmp(seg[1], "v1")) {
        out = resource_list(s, "", "v1");
    } else if (nseg == 1 && !strcmp(seg[0], "apis")) {
        out = group_list(s);
    } else if (nseg == 2 && !strcmp(seg[0], "apis")) {
        out = group_entry(s, seg[1]);
        if (out) {
            cJSON *k = cJSON_CreateString("APIGroup"), *v = cJSON_CreateString("v1");
            cJSON_AddItemToObject(out, "kind", k);
            cJSON_AddItemToObject(out, "apiVersion", v);
        }
    } else if (nseg == 3 && !strcmp(seg[0], "apis")) {
        out = resource_list(s, seg[1], seg[2]);
    }
    pthread_mutex_unlock(&s->mu);
    if (!out) return send_not_found_page(r);
    return send_json(r, 200, out);
}

/* /openapi/v2, /openapi/v3, /openapi/v3/<group-version>: documents come from openapi.c */
int serve_openapi(req_t *r);
int serve_openapi(req_t *r) {
    server_t *s = r->s;
    if (!s->openapi) return send_not_found_page(r);
    char query[600] = "";
    const char *hash = q_get(r, "hash");
    if (hash) snprintf(query, sizeof query, "hash=%s", hash);
    ksrv_openapi_response_t resp;
    memset(&resp, 0, sizeof resp);
    ksrv_status_t st = KSRV_STATUS_INIT;
    if (ksrv_openapi_get(s->openapi, r->url, query, h_get(r, "Accept"), h_get(r, "If-None-Match"),
                         &resp, &st) != 0)
        return send_ksrv(r, &st);
    return send_openapi(r, &resp);
}
