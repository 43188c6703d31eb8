/* crd.c — CustomResourceDefinitions: validation and defaults of the CRD object, serving its
 * versions the moment it is created (conditions NamesAccepted + Established, as the
 * apiextensions controllers set them), and removing it with its objects. */
#define _GNU_SOURCE
#include "internal.h"
#include "apply.h"
#include "openapi.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *storage_hash(const char *group, const char *version, const char *kind);

static const char *str_at(const cJSON *o, const char *path) {
    const cJSON *v = json_path_get(o, path);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int crd_validate(const cJSON *crd, cJSON *causes) {
    const char *name = meta_str(crd, "name"), *group = str_at(crd, "spec.group");
    const char *plural = str_at(crd, "spec.names.plural"), *kind = str_at(crd, "spec.names.kind");
    const char *scope = str_at(crd, "spec.scope");
    if (!group || !*group) cause_add(causes, "FieldValueRequired", "spec.group", "Required value");
    if (!plural || !*plural)
        cause_add(causes, "FieldValueRequired", "spec.names.plural", "Required value");
    if (!kind || !*kind) cause_add(causes, "FieldValueRequired", "spec.names.kind", "Required value");
    if (!scope || (strcmp(scope, "Namespaced") && strcmp(scope, "Cluster")))
        cause_add(causes, "FieldValueNotSupported", "spec.scope",
                  "Unsupported value: \"%s\": supported values: \"Cluster\", \"Namespaced\"",
                  scope ? scope : "");
    if (group && plural && name) {
        char want[512];
        snprintf(want, sizeof want, "%s.%s", plural, group);
        if (strcmp(want, name))
            cause_add(causes, "FieldValueInvalid", "metadata.name",
                      "Invalid value: \"%s\": must be spec.names.plural+\".\"+spec.group", name);
    }
    const cJSON *vers = json_path_get(crd, "spec.versions"), *v;
    int storage = 0, n = 0;
    cJSON_ArrayForEach(v, vers) {
        n++;
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "storage"))) storage++;
    }
    if (!n) cause_add(causes, "FieldValueInvalid", "spec.versions", "Invalid value: \"null\": must have exactly one version marked as storage version");
    else if (storage != 1)
        cause_add(causes, "FieldValueInvalid", "spec.versions",
                  "Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have "
                  "exactly one version marked as storage version");
    return cJSON_GetArraySize(causes);
}

void crd_defaults(cJSON *crd) {
    cJSON *spec = json_path_get(crd, "spec");
    if (!cJSON_IsObject(spec)) return;
    cJSON *names = cJSON_GetObjectItemCaseSensitive(spec, "names");
    const char *kind = str_at(crd, "spec.names.kind");
    if (cJSON_IsObject(names) && kind) {
        if (!cJSON_GetObjectItemCaseSensitive(names, "singular")) {
            char *low = strdup(kind);
            for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
            cJSON_AddStringToObject(names, "singular", low);
            free(low);
        }
        if (!cJSON_GetObjectItemCaseSensitive(names, "listKind")) {
            char lk[256];
            snprintf(lk, sizeof lk, "%sList", kind);
            cJSON_AddStringToObject(names, "listKind", lk);
        }
    }
    if (!cJSON_GetObjectItemCaseSensitive(spec, "conversion"))
        cJSON_AddItemToObject(spec, "conversion", cJSON_Parse("{\"strategy\":\"None\"}"));
    cJSON *st = cJSON_CreateObject();
    cJSON_AddNullToObject(st, "conditions");
    cJSON_AddItemToObject(st, "acceptedNames", cJSON_Parse("{\"plural\":\"\",\"kind\":\"\"}"));
    cJSON *sv = cJSON_AddArrayToObject(st, "storedVersions");
    cJSON *v;
    cJSON_ArrayForEach(v, json_path_get(crd, "spec.versions"))
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "storage")))
            cJSON_AddItemToArray(sv, cJSON_CreateString(str_at(v, "name")));
    json_set(crd, "status", st);
}

static char **str_list(const cJSON *a, size_t *n) {
    *n = 0;
    int cnt = cJSON_GetArraySize(a);
    if (cnt <= 0) return NULL;
    char **v = calloc((size_t)cnt, sizeof *v);
    if (!v) abort();
    const cJSON *e;
    cJSON_ArrayForEach(e, a) if (cJSON_IsString(e)) v[(*n)++] = strdup(e->valuestring);
    return v;
}

static void unserve(server_t *s, const char *crd_name) {
    for (resource_t *r = s->resources; r; r = r->next)
        if (r->is_crd && r->served && r->crd_name && !strcmp(r->crd_name, crd_name))
            r->served = false; /* kept allocated: in-flight requests may still point at it */
}

int crd_created(server_t *s, kobj_t *crd) {
    const cJSON *o = crd->obj;
    const char *name = meta_str(o, "name");
    unserve(s, name);
    const char *group = str_at(o, "spec.group"), *kind = str_at(o, "spec.names.kind");
    const char *storage_ver = NULL;
    const cJSON *v;
    cJSON_ArrayForEach(v, json_path_get(o, "spec.versions"))
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "storage"))) storage_ver = str_at(v, "name");
    cJSON_ArrayForEach(v, json_path_get(o, "spec.versions")) {
        if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "served"))) continue;
        resource_t *r = calloc(1, sizeof *r);
        if (!r) abort();
        r->group = strdup(group);
        r->version = strdup(str_at(v, "name"));
        r->plural = strdup(str_at(o, "spec.names.plural"));
        r->singular = strdup(str_at(o, "spec.names.singular") ? str_at(o, "spec.names.singular") : "");
        r->kind = strdup(kind);
        r->list_kind = strdup(str_at(o, "spec.names.listKind"));
        r->short_names = str_list(json_path_get(o, "spec.names.shortNames"), &r->n_short);
        r->categories = str_list(json_path_get(o, "spec.names.categories"), &r->n_cat);
        r->namespaced = !strcmp(str_at(o, "spec.scope"), "Namespaced");
        r->has_status = json_path_get(v, "subresources.status") != NULL;
        const cJSON *scale = json_path_get(v, "subresources.scale");
        if (scale) {
            r->has_scale = true;
            const char *p = str_at(scale, "specReplicasPath"), *q = str_at(scale, "statusReplicasPath"),
                       *l = str_at(scale, "labelSelectorPath");
            r->spec_replicas_path = strdup(p ? p : ".spec.replicas");
            r->status_replicas_path = strdup(q ? q : ".status.replicas");
            if (l) r->label_selector_path = strdup(l);
        }
        r->is_crd = true;
        r->served = true;
        r->storage = storage_ver && !strcmp(storage_ver, r->version);
        r->flags = r->namespaced ? 0 : RES_CLUSTER;
        r->crd_version = cJSON_Duplicate(v, true);
        r->crd_name = strdup(name);
        r->storage_hash = storage_hash(group, storage_ver ? storage_ver : r->version, kind);
        resource_add(s, r);
    }
    if (s->openapi) {
        ksrv_status_t st = KSRV_STATUS_INIT;
        ksrv_openapi_add_crd(s->openapi, o, &st);
        ksrv_status_reset(&st);
    }
    /* the apiextensions controllers accept the names and establish the CRD at once */
    cJSON *n = cJSON_Duplicate(o, true);
    cJSON *st = cJSON_GetObjectItemCaseSensitive(n, "status");
    if (!cJSON_IsObject(st)) {
        st = cJSON_CreateObject();
        json_set(n, "status", st);
    }
    char ts[32];
    now_rfc3339(ts);
    cJSON *conds = cJSON_CreateArray();
    const char *c1 = "{\"type\":\"NamesAccepted\",\"status\":\"True\",\"lastTransitionTime\":\"%s\","
                     "\"reason\":\"NoConflicts\",\"message\":\"no conflicts found\"}";
    const char *c2 = "{\"type\":\"Established\",\"status\":\"True\",\"lastTransitionTime\":\"%s\","
                     "\"reason\":\"InitialNamesAccepted\",\"message\":\"the initial names have been "
                     "accepted\"}";
    char tmp[512];
    snprintf(tmp, sizeof tmp, c1, ts);
    cJSON_AddItemToArray(conds, cJSON_Parse(tmp));
    snprintf(tmp, sizeof tmp, c2, ts);
    cJSON_AddItemToArray(conds, cJSON_Parse(tmp));
    json_set(st, "conditions", conds);
    json_set(st, "acceptedNames", cJSON_Duplicate(json_path_get(o, "spec.names"), true));
    ksrv_manage_opts_t mo = {.manager = "kube-apiserver", .api_version = "apiextensions.k8s.io/v1",
                             .kind = "CustomResourceDefinition", .subresource = "status"};
    ksrv_status_t kst = KSRV_STATUS_INIT;
    ksrv_managed_fields_update(o, n, &mo, &kst);
    ksrv_status_reset(&kst);
    rstore_t *store = store_for(s, "apiextensions.k8s.io", "customresourcedefinitions");
    kobj_unref(store_commit(s, store, n, false, EV_MODIFIED, NULL));
    return 0;
}

void crd_deleted(server_t *s, const cJSON *crd) {
    const char *name = meta_str(crd, "name");
    const char *group = str_at(crd, "spec.group"), *plural = str_at(crd, "spec.names.plural");
    unserve(s, name);
    if (s->openapi) ksrv_openapi_remove_crd(s->openapi, name);
    if (!group || !plural) return;
    rstore_t *st = store_for(s, group, plural);
    while (st->n) {
        kobj_t *o = st->items[st->n - 1];
        cJSON *last = cJSON_Duplicate(o->obj, true);
        kobj_unref(store_commit(s, st, last, true, EV_DELETED, NULL));
    }
}
