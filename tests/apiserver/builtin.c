/* builtin.c — the built-in resources: discovery facts, the defaults kube-apiserver fills in
 * (as recorded in builtin-resources.json), their few validations and field selectors. */
#define _GNU_SOURCE
#include "internal.h"

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small JSON helpers for defaulting ---- */
static cJSON *obj_child(cJSON *o, const char *k) {
    cJSON *c = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsObject(c)) {
        if (c) cJSON_DeleteItemFromObjectCaseSensitive(o, k);
        c = cJSON_AddObjectToObject(o, k);
    }
    return c;
}
static void def_str(cJSON *o, const char *k, const char *v) {
    if (!cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_AddStringToObject(o, k, v);
}
static void def_num(cJSON *o, const char *k, double v) {
    if (!cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_AddNumberToObject(o, k, v);
}
static void def_bool(cJSON *o, const char *k, bool v) {
    if (!cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_AddBoolToObject(o, k, v);
}
static void def_obj(cJSON *o, const char *k) {
    if (!cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_AddObjectToObject(o, k);
}
static void def_null(cJSON *o, const char *k) {
    if (!cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_AddNullToObject(o, k);
}

static void container_defaults(cJSON *c) {
    def_obj(c, "resources");
    def_str(c, "terminationMessagePath", "/dev/termination-log");
    def_str(c, "terminationMessagePolicy", "File");
    const char *image = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "image"));
    bool latest = false;
    if (image) {
        const char *slash = strrchr(image, '/');
        const char *tag = strchr(slash ? slash : image, ':');
        latest = !tag || !strcmp(tag, ":latest");
        if (strchr(image, '@')) latest = false;
    }
    def_str(c, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
    cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(c, "ports")) def_str(p, "protocol", "TCP");
}

static void pod_spec_defaults(cJSON *spec) {
    cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(spec, "initContainers")) container_defaults(c);
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(spec, "containers")) container_defaults(c);
    def_str(spec, "restartPolicy", "Always");
    def_num(spec, "terminationGracePeriodSeconds", 30);
    def_str(spec, "dnsPolicy", "ClusterFirst");
    def_obj(spec, "securityContext");
    def_str(spec, "schedulerName", "default-scheduler");
}

void pod_template_defaults(cJSON *tmpl) {
    cJSON *m = obj_child(tmpl, "metadata");
    def_null(m, "creationTimestamp");
    pod_spec_defaults(obj_child(tmpl, "spec"));
}

static void reset_status(cJSON *obj, const cJSON *old) {
    const cJSON *os = old ? cJSON_GetObjectItemCaseSensitive(old, "status") : NULL;
    json_set(obj, "status", os ? cJSON_Duplicate(os, true) : cJSON_CreateObject());
}

/* ---- per-kind defaults ---- */
static void ns_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    const char *name = meta_str(obj, "name");
    cJSON *labels = obj_child(meta_of(obj), "labels");
    if (name) json_set_str(labels, "kubernetes.io/metadata.name", name);
}

static void ns_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    if (!cJSON_GetObjectItemCaseSensitive(spec, "finalizers")) {
        cJSON *f = cJSON_AddArrayToObject(spec, "finalizers");
        cJSON_AddItemToArray(f, cJSON_CreateString("kubernetes"));
    }
    if (old) reset_status(obj, old);
    else json_set(obj, "status", cJSON_Parse("{\"phase\":\"Active\"}"));
}

static const char *qos_class(const cJSON *spec) {
    bool any = false, guaranteed = true;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(spec, "containers")) {
        const cJSON *res = cJSON_GetObjectItemCaseSensitive(c, "resources");
        const cJSON *lim = cJSON_GetObjectItemCaseSensitive(res, "limits");
        const cJSON *req = cJSON_GetObjectItemCaseSensitive(res, "requests");
        if (cJSON_GetArraySize(lim) || cJSON_GetArraySize(req)) any = true;
        if (!cJSON_GetObjectItemCaseSensitive(lim, "cpu") ||
            !cJSON_GetObjectItemCaseSensitive(lim, "memory"))
            guaranteed = false;
        const cJSON *q;
        cJSON_ArrayForEach(q, req) {
            const cJSON *l = cJSON_GetObjectItemCaseSensitive(lim, q->string);
            if (!l || !cJSON_Compare(l, q, true)) guaranteed = false;
        }
    }
    if (!any) return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
}

static void pod_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    cJSON *spec = obj_child(obj, "spec");
    pod_spec_defaults(spec);
    def_bool(spec, "enableServiceLinks", true);
}

static void pod_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    def_str(spec, "serviceAccountName", "default");
    const char *sa = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "serviceAccountName"));
    def_str(spec, "serviceAccount", sa);
    if (!old) {
        /* the ServiceAccount admission plugin mounts a projected token when the account exists */
        const char *ns = meta_str(obj, "namespace");
        rstore_t *sas = store_for(s, "", "serviceaccounts");
        if (ns && store_get(sas, ns, sa) &&
            !cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(spec, "automountServiceAccountToken"))) {
            char sfx[6], vname[32];
            random_suffix(sfx);
            snprintf(vname, sizeof vname, "kube-api-access-%s", sfx);
            cJSON *vol = cJSON_Parse(
                "{\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"expirationSeconds\":3607,"
                "\"path\":\"token\"}},{\"configMap\":{\"name\":\"kube-root-ca.crt\",\"items\":[{"
                "\"key\":\"ca.crt\",\"path\":\"ca.crt\"}]}},{\"downwardAPI\":{\"items\":[{\"path\":"
                "\"namespace\",\"fieldRef\":{\"apiVersion\":\"v1\",\"fieldPath\":"
                "\"metadata.namespace\"}}]}}],\"defaultMode\":420}}");
            cJSON_AddItemToObject(vol, "name", cJSON_CreateString(vname));
            cJSON *vols = cJSON_GetObjectItemCaseSensitive(spec, "volumes");
            if (!cJSON_IsArray(vols)) {
                vols = cJSON_CreateArray();
                /* volumes come first in a PodSpec */
                cJSON_AddItemToObject(spec, "volumes", vols);
                cJSON_DetachItemViaPointer(spec, vols);
                cJSON_InsertItemInArray(spec, 0, vols);
            }
            cJSON_AddItemToArray(vols, vol);
            cJSON *c;
            cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(spec, "containers")) {
                cJSON *vm = cJSON_GetObjectItemCaseSensitive(c, "volumeMounts");
                if (!cJSON_IsArray(vm)) vm = cJSON_AddArrayToObject(c, "volumeMounts");
                cJSON *m = cJSON_CreateObject();
                cJSON_AddStringToObject(m, "name", vname);
                cJSON_AddBoolToObject(m, "readOnly", true);
                cJSON_AddStringToObject(m, "mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
                cJSON_AddItemToArray(vm, m);
            }
        }
        if (!cJSON_GetObjectItemCaseSensitive(spec, "tolerations"))
            cJSON_AddItemToObject(spec, "tolerations", cJSON_Parse(
                "[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":"
                "\"NoExecute\",\"tolerationSeconds\":300},{\"key\":\"node.kubernetes.io/"
                "unreachable\",\"operator\":\"Exists\",\"effect\":\"NoExecute\","
                "\"tolerationSeconds\":300}]"));
        def_num(spec, "priority", 0);
        def_str(spec, "preemptionPolicy", "PreemptLowerPriority");
        cJSON *st = cJSON_CreateObject();
        cJSON_AddStringToObject(st, "phase", "Pending");
        cJSON_AddStringToObject(st, "qosClass", qos_class(spec));
        json_set(obj, "status", st);
    } else {
        reset_status(obj, old);
    }
}

static void job_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    cJSON *spec = obj_child(obj, "spec");
    bool has_p = cJSON_GetObjectItemCaseSensitive(spec, "parallelism") != NULL;
    bool has_c = cJSON_GetObjectItemCaseSensitive(spec, "completions") != NULL;
    if (!has_p) def_num(spec, "parallelism", 1);
    if (!has_p && !has_c) def_num(spec, "completions", 1);
    def_num(spec, "backoffLimit", 6);
    pod_template_defaults(obj_child(spec, "template"));
    def_str(spec, "completionMode", "NonIndexed");
    def_bool(spec, "suspend", false);
}

static void job_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    const char *uid = meta_str(obj, "uid"), *name = meta_str(obj, "name");
    cJSON *tmpl = obj_child(spec, "template");
    if (!old && uid && name &&
        !cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(spec, "manualSelector"))) {
        if (!cJSON_GetObjectItemCaseSensitive(spec, "selector")) {
            cJSON *sel = cJSON_CreateObject();
            cJSON *ml = cJSON_AddObjectToObject(sel, "matchLabels");
            cJSON_AddStringToObject(ml, "controller-uid", uid);
            cJSON_AddItemToObject(spec, "selector", sel);
        }
        cJSON *tm = obj_child(tmpl, "metadata");
        cJSON *labels = obj_child(tm, "labels");
        json_set_str(labels, "controller-uid", uid);
        json_set_str(labels, "job-name", name);
    }
    reset_status(obj, old);
}

static void cronjob_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    def_str(spec, "concurrencyPolicy", "Allow");
    def_bool(spec, "suspend", false);
    cJSON *jt = obj_child(spec, "jobTemplate");
    def_null(obj_child(jt, "metadata"), "creationTimestamp");
    cJSON *js = obj_child(jt, "spec");
    pod_template_defaults(obj_child(js, "template"));
    def_num(spec, "successfulJobsHistoryLimit", 3);
    def_num(spec, "failedJobsHistoryLimit", 1);
    (void)old;
}

static void status_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    reset_status(obj, old);
}

static void workload_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    cJSON *spec = obj_child(obj, "spec");
    bool deploy = !strcmp(r->plural, "deployments");
    if (strcmp(r->plural, "daemonsets")) def_num(spec, "replicas", 1);
    pod_template_defaults(obj_child(spec, "template"));
    if (deploy) {
        def_obj(spec, "strategy");
        cJSON *st = cJSON_GetObjectItemCaseSensitive(spec, "strategy");
        def_str(st, "type", "RollingUpdate");
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(st, "type"));
        if (t && !strcmp(t, "RollingUpdate")) {
            cJSON *ru = obj_child(st, "rollingUpdate");
            def_str(ru, "maxUnavailable", "25%");
            def_str(ru, "maxSurge", "25%");
        }
        def_num(spec, "revisionHistoryLimit", 10);
        def_num(spec, "progressDeadlineSeconds", 600);
    } else if (strcmp(r->plural, "replicasets") && strcmp(r->plural, "replicationcontrollers")) {
        def_num(spec, "revisionHistoryLimit", 10);
    }
    (void)old;
}

static void service_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(spec, "ports")) {
        def_str(p, "protocol", "TCP");
        const cJSON *port = cJSON_GetObjectItemCaseSensitive(p, "port");
        if (cJSON_IsNumber(port)) def_num(p, "targetPort", port->valuedouble);
    }
    def_str(spec, "type", "ClusterIP");
    const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "type"));
    if (t && strcmp(t, "ExternalName")) {
        def_str(spec, "sessionAffinity", "None");
        def_str(spec, "internalTrafficPolicy", "Cluster");
    }
    (void)s;
    (void)old;
}

static void service_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)r;
    cJSON *spec = obj_child(obj, "spec");
    const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "type"));
    const cJSON *oldspec = old ? cJSON_GetObjectItemCaseSensitive(old, "spec") : NULL;
    if (type && strcmp(type, "ExternalName")) {
        if (!cJSON_GetObjectItemCaseSensitive(spec, "clusterIP")) {
            const cJSON *oip = cJSON_GetObjectItemCaseSensitive(oldspec, "clusterIP");
            if (cJSON_IsString(oip)) {
                cJSON_AddStringToObject(spec, "clusterIP", oip->valuestring);
            } else {
                uint32_t n = ++s->svc_ip_next;
                char ip[32];
                snprintf(ip, sizeof ip, "10.96.%u.%u", (n >> 8) & 0xff, (n & 0xff) ? n & 0xff : 1);
                cJSON_AddStringToObject(spec, "clusterIP", ip);
            }
        }
        const char *ip = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "clusterIP"));
        if (ip && !cJSON_GetObjectItemCaseSensitive(spec, "clusterIPs")) {
            cJSON *a = cJSON_AddArrayToObject(spec, "clusterIPs");
            cJSON_AddItemToArray(a, cJSON_CreateString(ip));
        }
        if (!cJSON_GetObjectItemCaseSensitive(spec, "ipFamilies"))
            cJSON_AddItemToObject(spec, "ipFamilies", cJSON_Parse("[\"IPv4\"]"));
        def_str(spec, "ipFamilyPolicy", "SingleStack");
    }
    if (old) reset_status(obj, old);
    else json_set(obj, "status", cJSON_Parse("{\"loadBalancer\":{}}"));
}

static void event_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    def_null(obj, "eventTime");
}

static void secret_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    def_str(obj, "type", "Opaque");
}

static void crd_scheme_defaults(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    (void)old;
    cJSON *spec = cJSON_GetObjectItemCaseSensitive(obj, "spec");
    if (cJSON_IsObject(spec) && !cJSON_GetObjectItemCaseSensitive(spec, "conversion"))
        cJSON_AddItemToObject(spec, "conversion", cJSON_Parse("{\"strategy\":\"None\"}"));
}

static void crd_prepare(server_t *s, const resource_t *r, cJSON *obj, const cJSON *old) {
    (void)s;
    (void)r;
    if (!old) crd_defaults(obj);
    else reset_status(obj, old);
}

/* ---- validation ---- */
static void cronjob_validate(const resource_t *r, const cJSON *obj, cJSON *causes) {
    (void)r;
    const cJSON *sch = json_path_get(obj, "spec.schedule");
    if (!cJSON_IsString(sch) || !*sch->valuestring) {
        cause_add(causes, "FieldValueRequired", "spec.schedule", "Required value");
        return;
    }
    const char *s = sch->valuestring;
    if (s[0] == '@') return; /* @every, @hourly, ... */
    const char *p = s;
    if (!strncmp(p, "TZ=", 3) || !strncmp(p, "CRON_TZ=", 8)) {
        p = strchr(p, ' ');
        if (!p) p = s;
    }
    buf_t f = {0};
    int n = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        const char *st = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        if (n++) buf_puts(&f, " ");
        buf_put(&f, st, (size_t)(p - st));
    }
    if (n != 5)
        cause_add(causes, "FieldValueInvalid", "spec.schedule",
                  "Invalid value: \"%s\": expected exactly 5 fields, found %d: [%s]", s, n,
                  f.p ? f.p : "");
    free(f.p);
}

static void pod_validate(const resource_t *r, const cJSON *obj, cJSON *causes) {
    (void)r;
    if (cJSON_GetArraySize(json_path_get(obj, "spec.containers")) == 0)
        cause_add(causes, "FieldValueRequired", "spec.containers", "Required value");
}

static void workload_validate(const resource_t *r, const cJSON *obj, cJSON *causes) {
    (void)r;
    if (!json_path_get(obj, "spec.selector"))
        cause_add(causes, "FieldValueRequired", "spec.selector", "Required value");
    if (cJSON_GetArraySize(json_path_get(obj, "spec.template.spec.containers")) == 0)
        cause_add(causes, "FieldValueRequired", "spec.template.spec.containers", "Required value");
}

static const char *const pod_fields[] = {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                         "spec.serviceAccountName", "status.phase", "status.podIP",
                                         "status.nominatedNodeName", NULL};
static const char *const event_fields[] = {
    "involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type", NULL};
static const char *const ns_fields[] = {"status.phase", NULL};
static const char *const secret_fields[] = {"type", NULL};
static const char *const job_fields[] = {"status.successful", NULL};
static const char *const node_fields[] = {"spec.unschedulable", NULL};

static const builtin_ops_t ns_ops = {ns_defaults, ns_prepare, NULL, ns_fields};
static const builtin_ops_t pod_ops = {pod_defaults, pod_prepare, pod_validate, pod_fields};
static const builtin_ops_t job_ops = {job_defaults, job_prepare, NULL, job_fields};
static const builtin_ops_t cronjob_ops = {cronjob_defaults, status_prepare, cronjob_validate, NULL};
static const builtin_ops_t workload_ops = {workload_defaults, status_prepare, workload_validate, NULL};
static const builtin_ops_t service_ops = {service_defaults, service_prepare, NULL, NULL};
static const builtin_ops_t event_ops = {event_defaults, NULL, NULL, event_fields};
static const builtin_ops_t secret_ops = {secret_defaults, NULL, NULL, secret_fields};
static const builtin_ops_t crd_ops = {crd_scheme_defaults, crd_prepare, NULL, NULL};
static const builtin_ops_t node_ops = {NULL, NULL, NULL, node_fields};

typedef struct bdef {
    const char *group, *version, *plural, *kind, *shorts, *cats;
    bool namespaced;
    const char *subs; /* "status", "scale" */
    int flags;
    const builtin_ops_t *ops;
    const char *storage_gv; /* when stored under another group/version (hash input) */
} bdef_t;

#define NOGEN RES_NO_GENERATION
static const bdef_t defs[] = {
    {"", "v1", "configmaps", "ConfigMap", "cm", NULL, true, NULL, NOGEN, NULL, NULL},
    {"", "v1", "endpoints", "Endpoints", "ep", NULL, true, NULL, NOGEN, NULL, NULL},
    {"", "v1", "events", "Event", "ev", NULL, true, NULL, NOGEN, &event_ops, NULL},
    {"", "v1", "limitranges", "LimitRange", "limits", NULL, true, NULL, NOGEN, NULL, NULL},
    {"", "v1", "namespaces", "Namespace", "ns", NULL, false, "status,finalize", NOGEN | RES_RETURN_DELETED, &ns_ops, NULL},
    {"", "v1", "nodes", "Node", "no", NULL, false, "status", NOGEN, &node_ops, NULL},
    {"", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", "pvc", NULL, true, "status", NOGEN, NULL, NULL},
    {"", "v1", "persistentvolumes", "PersistentVolume", "pv", NULL, false, "status", NOGEN, NULL, NULL},
    {"", "v1", "pods", "Pod", "po", "all", true, "status", NOGEN | RES_RETURN_DELETED, &pod_ops, NULL},
    {"", "v1", "podtemplates", "PodTemplate", NULL, NULL, true, NULL, NOGEN, NULL, NULL},
    {"", "v1", "replicationcontrollers", "ReplicationController", "rc", "all", true, "scale,status", 0, NULL, NULL},
    {"", "v1", "resourcequotas", "ResourceQuota", "quota", NULL, true, "status", NOGEN, NULL, NULL},
    {"", "v1", "secrets", "Secret", NULL, NULL, true, NULL, NOGEN, &secret_ops, NULL},
    {"", "v1", "serviceaccounts", "ServiceAccount", "sa", NULL, true, NULL, NOGEN, NULL, NULL},
    {"", "v1", "services", "Service", "svc", "all", true, "status", NOGEN, &service_ops, NULL},
    {"apps", "v1", "controllerrevisions", "ControllerRevision", NULL, NULL, true, NULL, NOGEN, NULL, NULL},
    {"apps", "v1", "daemonsets", "DaemonSet", "ds", "all", true, "status", 0, &workload_ops, NULL},
    {"apps", "v1", "deployments", "Deployment", "deploy", "all", true, "scale,status", 0, &workload_ops, NULL},
    {"apps", "v1", "replicasets", "ReplicaSet", "rs", "all", true, "scale,status", 0, &workload_ops, NULL},
    {"apps", "v1", "statefulsets", "StatefulSet", "sts", "all", true, "scale,status", 0, &workload_ops, NULL},
    {"batch", "v1", "cronjobs", "CronJob", "cj", "all", true, "status", 0, &cronjob_ops, NULL},
    {"batch", "v1", "jobs", "Job", NULL, "all", true, "status", 0, &job_ops, NULL},
    {"coordination.k8s.io", "v1", "leases", "Lease", NULL, NULL, true, NULL, NOGEN, NULL, NULL},
    {"events.k8s.io", "v1", "events", "Event", "ev", NULL, true, NULL, NOGEN, NULL, "/v1"},
    {"apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition",
     "crd,crds", "api-extensions", false, "status", 0, &crd_ops, "apiextensions.k8s.io/v1beta1"},
};

static char **split_csv(const char *s, size_t *n) {
    *n = 0;
    if (!s) return NULL;
    char **v = NULL;
    const char *p = s;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t len = c ? (size_t)(c - p) : strlen(p);
        char **nv = realloc(v, (*n + 1) * sizeof *nv);
        if (!nv) abort();
        v = nv;
        v[(*n)++] = strndup(p, len);
        p += len;
        if (*p == ',') p++;
    }
    return v;
}

char *storage_hash(const char *group, const char *version, const char *kind);
char *storage_hash(const char *group, const char *version, const char *kind) {
    char in[512];
    unsigned char d[32];
    snprintf(in, sizeof in, "%s/%s/%s", group, version, kind);
    gnutls_hash_fast(GNUTLS_DIG_SHA256, in, strlen(in), d);
    gnutls_datum_t raw = {d, 8}, out = {NULL, 0};
    if (gnutls_base64_encode2(&raw, &out) < 0) return strdup("");
    char *s = strndup((const char *)out.data, out.size);
    gnutls_free(out.data);
    return s;
}

resource_t *resource_add(server_t *s, resource_t *r) {
    r->store = store_for(s, r->group, r->plural);
    resource_t **pp = &s->resources;
    while (*pp) pp = &(*pp)->next;
    *pp = r;
    return r;
}

void builtin_register(server_t *s) {
    for (size_t i = 0; i < ARRAY_LEN(defs); i++) {
        const bdef_t *d = &defs[i];
        resource_t *r = calloc(1, sizeof *r);
        if (!r) abort();
        r->group = strdup(d->group);
        r->version = strdup(d->version);
        r->plural = strdup(d->plural);
        r->singular = strdup("");
        r->kind = strdup(d->kind);
        if (asprintf(&r->list_kind, "%sList", d->kind) < 0) abort();
        r->short_names = split_csv(d->shorts, &r->n_short);
        r->categories = split_csv(d->cats, &r->n_cat);
        r->namespaced = d->namespaced;
        r->has_status = d->subs && strstr(d->subs, "status");
        r->has_scale = d->subs && strstr(d->subs, "scale");
        if (r->has_scale) {
            r->spec_replicas_path = strdup(".spec.replicas");
            r->status_replicas_path = strdup(".status.replicas");
        }
        r->served = r->storage = true;
        r->flags = d->flags | (d->namespaced ? 0 : RES_CLUSTER);
        r->ops = d->ops;
        if (d->storage_gv) {
            char g[128], v[64];
            const char *slash = strchr(d->storage_gv, '/');
            snprintf(g, sizeof g, "%.*s", (int)(slash - d->storage_gv), d->storage_gv);
            snprintf(v, sizeof v, "%s", slash + 1);
            r->storage_hash = storage_hash(g, v, d->kind);
        } else {
            r->storage_hash = storage_hash(d->group, d->version, d->kind);
        }
        resource_add(s, r);
    }
}

resource_t *resource_find(server_t *s, const char *group, const char *version,
                          const char *plural) {
    for (resource_t *r = s->resources; r; r = r->next)
        if (r->served && !strcmp(r->group, group) && !strcmp(r->version, version) &&
            !strcmp(r->plural, plural))
            return r;
    return NULL;
}

void resource_free(resource_t *r) {
    if (!r) return;
    free(r->group);
    free(r->version);
    free(r->plural);
    free(r->singular);
    free(r->kind);
    free(r->list_kind);
    for (size_t i = 0; i < r->n_short; i++) free(r->short_names[i]);
    free(r->short_names);
    for (size_t i = 0; i < r->n_cat; i++) free(r->categories[i]);
    free(r->categories);
    free(r->spec_replicas_path);
    free(r->status_replicas_path);
    free(r->label_selector_path);
    free(r->storage_hash);
    cJSON_Delete(r->crd_version);
    free(r->crd_name);
    free(r);
}

void resources_free(server_t *s) {
    resource_t *r = s->resources;
    while (r) {
        resource_t *n = r->next;
        resource_free(r);
        r = n;
    }
    s->resources = NULL;
}
