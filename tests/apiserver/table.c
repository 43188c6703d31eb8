/* table.c — meta.k8s.io/v1 Table answers for kubectl get (table.h): kube's printer columns for
 * the built-ins the server serves, CRD additionalPrinterColumns with a JSONPath subset. */
#define _POSIX_C_SOURCE 200809L
#include "table.h"
#include "yaml.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column descriptions are the API's field docs (SwaggerDoc), as in the /openapi/v2 document. */
#define D_NAME "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names"
#define D_AGE "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
#define D_POD_IP "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."
#define D_POD_NODE "NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements."
#define D_POD_NOMINATED "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled."
#define D_POD_GATES "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"
#define D_JOB_SUCCEEDED "The number of pods which reached phase Succeeded."
#define D_JOB_SELECTOR "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"
#define D_CJ_SCHEDULE "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."
#define D_CJ_SUSPEND "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."
#define D_CJ_ACTIVE "A list of pointers to currently running jobs."
#define D_CJ_LAST "Information when was the last time the job was successfully scheduled."
#define D_SVC_TYPE "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `\"ClusterIP\"` means a service will only be accessible inside the cluster, via the cluster IP.\n - `\"ExternalName\"` means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.\n - `\"LoadBalancer\"` means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.\n - `\"NodePort\"` means a service will be exposed on one port of every node, in addition to 'ClusterIP' type."
#define D_SVC_CIP "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"
#define D_SVC_EIP "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system."
#define D_SVC_PORTS "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"
#define D_SVC_SELECTOR "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/"
#define D_DEP_UPDATED "Total number of non-terminated pods targeted by this deployment that have the desired template spec."
#define D_DEP_AVAILABLE "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."
#define D_DEP_SELECTOR "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."
#define D_CM_DATA "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."
#define D_SECRET_TYPE "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"
#define D_SECRET_DATA "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"
#define D_SA_SECRETS "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret"
#define D_EV_LAST "The time at which the most recent occurrence of this event was recorded."
#define D_EV_TYPE "Type of this event (Normal, Warning), new types could be added in the future"
#define D_EV_REASON "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."
#define D_EV_OBJECT "The object that this event is about."
#define D_EV_SUBOBJECT "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object."
#define D_EV_SOURCE "The component reporting this event. Should be a short machine understandable string."
#define D_EV_MESSAGE "A human-readable description of the status of this operation."
#define D_EV_FIRST "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"
#define D_EV_COUNT "The number of times this event has occurred."
#define D_LEASE_HOLDER "holderIdentity contains the identity of the holder of a current lease."

#define D_CONTAINERS "Names of each container in the template."
#define D_IMAGES "Images referenced by each container in the template."

typedef enum cell {
    C_NAME, C_AGE, C_CONTAINERS, C_IMAGES, C_SELECTOR, C_DEP_READY, C_DEP_UPDATED,
    C_DEP_AVAILABLE, C_POD_READY, C_POD_STATUS, C_POD_RESTARTS, C_POD_IP, C_POD_NODE,
    C_POD_NOMINATED, C_POD_GATES, C_JOB_COMPLETIONS, C_JOB_DURATION, C_CJ_SCHEDULE,
    C_CJ_SUSPEND, C_CJ_ACTIVE, C_CJ_LAST, C_SVC_TYPE, C_SVC_CIP, C_SVC_EIP, C_SVC_PORTS,
    C_SVC_SELECTOR, C_NS_STATUS, C_DATA_COUNT, C_SECRET_TYPE, C_SA_SECRETS, C_EV_LAST,
    C_EV_TYPE, C_EV_REASON, C_EV_OBJECT, C_EV_SUBOBJECT, C_EV_SOURCE, C_EV_MESSAGE,
    C_EV_FIRST, C_EV_COUNT, C_LEASE_HOLDER, C_CREATED_AT
} cell_t;

typedef struct col {
    const char *name, *type, *format;
    int priority;
    const char *desc;
    cell_t cell;
} col_t;

typedef struct printer {
    const char *kind;
    col_t cols[12];
} printer_t;

#define NAMECOL {"Name", "string", "name", 0, D_NAME, C_NAME}
#define AGECOL {"Age", "string", "", 0, D_AGE, C_AGE}

static const printer_t k_printers[] = {
    {"Deployment", {NAMECOL,
        {"Ready", "string", "", 0, "Number of the pod with ready state", C_DEP_READY},
        {"Up-to-date", "string", "", 0, D_DEP_UPDATED, C_DEP_UPDATED},
        {"Available", "string", "", 0, D_DEP_AVAILABLE, C_DEP_AVAILABLE},
        AGECOL,
        {"Containers", "string", "", 1, D_CONTAINERS, C_CONTAINERS},
        {"Images", "string", "", 1, D_IMAGES, C_IMAGES},
        {"Selector", "string", "", 1, D_DEP_SELECTOR, C_SELECTOR}}},
    {"Pod", {NAMECOL,
        {"Ready", "string", "", 0, "The aggregate readiness state of this pod for accepting traffic.", C_POD_READY},
        {"Status", "string", "", 0, "The aggregate status of the containers in this pod.", C_POD_STATUS},
        {"Restarts", "string", "", 0, "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", C_POD_RESTARTS},
        AGECOL,
        {"IP", "string", "", 1, D_POD_IP, C_POD_IP},
        {"Node", "string", "", 1, D_POD_NODE, C_POD_NODE},
        {"Nominated Node", "string", "", 1, D_POD_NOMINATED, C_POD_NOMINATED},
        {"Readiness Gates", "string", "", 1, D_POD_GATES, C_POD_GATES}}},
    {"Job", {NAMECOL,
        {"Completions", "string", "", 0, D_JOB_SUCCEEDED, C_JOB_COMPLETIONS},
        {"Duration", "string", "", 0, "Time required to complete the job.", C_JOB_DURATION},
        AGECOL,
        {"Containers", "string", "", 1, D_CONTAINERS, C_CONTAINERS},
        {"Images", "string", "", 1, D_IMAGES, C_IMAGES},
        {"Selector", "string", "", 1, D_JOB_SELECTOR, C_SELECTOR}}},
    {"CronJob", {NAMECOL,
        {"Schedule", "string", "", 0, D_CJ_SCHEDULE, C_CJ_SCHEDULE},
        {"Suspend", "boolean", "", 0, D_CJ_SUSPEND, C_CJ_SUSPEND},
        {"Active", "integer", "", 0, D_CJ_ACTIVE, C_CJ_ACTIVE},
        {"Last Schedule", "string", "", 0, D_CJ_LAST, C_CJ_LAST},
        AGECOL,
        {"Containers", "string", "", 1, D_CONTAINERS, C_CONTAINERS},
        {"Images", "string", "", 1, D_IMAGES, C_IMAGES},
        {"Selector", "string", "", 1, D_JOB_SELECTOR, C_SELECTOR}}},
    {"Service", {NAMECOL,
        {"Type", "string", "", 0, D_SVC_TYPE, C_SVC_TYPE},
        {"Cluster-IP", "string", "", 0, D_SVC_CIP, C_SVC_CIP},
        {"External-IP", "string", "", 0, D_SVC_EIP, C_SVC_EIP},
        {"Port(s)", "string", "", 0, D_SVC_PORTS, C_SVC_PORTS},
        AGECOL,
        {"Selector", "string", "", 1, D_SVC_SELECTOR, C_SVC_SELECTOR}}},
    {"Namespace", {NAMECOL, {"Status", "string", "", 0, "The status of the namespace", C_NS_STATUS}, AGECOL}},
    {"ConfigMap", {NAMECOL, {"Data", "string", "", 0, D_CM_DATA, C_DATA_COUNT}, AGECOL}},
    {"Secret", {NAMECOL, {"Type", "string", "", 0, D_SECRET_TYPE, C_SECRET_TYPE},
                {"Data", "string", "", 0, D_SECRET_DATA, C_DATA_COUNT}, AGECOL}},
    {"ServiceAccount", {NAMECOL, {"Secrets", "string", "", 0, D_SA_SECRETS, C_SA_SECRETS}, AGECOL}},
    {"Event", {{"Last Seen", "string", "", 0, D_EV_LAST, C_EV_LAST},
               {"Type", "string", "", 0, D_EV_TYPE, C_EV_TYPE},
               {"Reason", "string", "", 0, D_EV_REASON, C_EV_REASON},
               {"Object", "string", "", 0, D_EV_OBJECT, C_EV_OBJECT},
               {"Subobject", "string", "", 1, D_EV_SUBOBJECT, C_EV_SUBOBJECT},
               {"Source", "string", "", 1, D_EV_SOURCE, C_EV_SOURCE},
               {"Message", "string", "", 0, D_EV_MESSAGE, C_EV_MESSAGE},
               {"First Seen", "string", "", 1, D_EV_FIRST, C_EV_FIRST},
               {"Count", "string", "", 1, D_EV_COUNT, C_EV_COUNT},
               {"Name", "string", "name", 1, D_NAME, C_NAME}}},
    {"Lease", {NAMECOL, {"Holder", "string", "", 0, D_LEASE_HOLDER, C_LEASE_HOLDER}, AGECOL}},
    {"CustomResourceDefinition", {NAMECOL, {"Created At", "date", "", 0, D_AGE, C_CREATED_AT}}},
    {NULL, {NAMECOL, AGECOL}},
};

/* ---------------- small helpers ---------------- */

static const cJSON *at(const cJSON *o, const char *path) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    const cJSON *cur = o;
    for (char *save = NULL, *tok = strtok_r(buf, ".", &save); tok && cur;
         tok = strtok_r(NULL, ".", &save))
        cur = cJSON_GetObjectItemCaseSensitive(cur, tok);
    return cur;
}

static const char *str_at(const cJSON *o, const char *path) {
    return cJSON_GetStringValue(at(o, path));
}

static int64_t int_at(const cJSON *o, const char *path, int64_t dflt) {
    int64_t v;
    return ksrv_json_int64(at(o, path), &v) ? v : dflt;
}

static cJSON *str_or(const char *s, const char *dflt) {
    return cJSON_CreateString(s && *s ? s : dflt);
}

/* RFC 3339 UTC ("2026-11-24T00:29:00Z", fractions allowed) to epoch seconds; -1 if bad. */
static int64_t parse_time(const char *s) {
    int y, mo, d, h, mi, sec;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6) return -1;
    /* days from civil (Howard Hinnant) */
    y -= mo <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    int64_t t = days * 86400 + h * 3600 + mi * 60 + sec;
    const char *z = s + 19;
    while (*z == '.' || isdigit((unsigned char)*z)) z++;
    if ((*z == '+' || *z == '-') && strlen(z) >= 6) {
        int oh = atoi(z + 1), om = atoi(z + 4);
        t -= (*z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
    return t;
}

void ksrv_human_duration(int64_t s, char *buf, size_t n) {
    if (s < -1) { snprintf(buf, n, "<invalid>"); return; }
    if (s < 0) { snprintf(buf, n, "0s"); return; }
    if (s < 120) { snprintf(buf, n, "%llds", (long long)s); return; }
    long long m = s / 60, h = s / 3600, d = h / 24;
    if (m < 10) {
        if (s % 60 == 0) snprintf(buf, n, "%lldm", m);
        else snprintf(buf, n, "%lldm%llds", m, (long long)(s % 60));
    } else if (m < 180) {
        snprintf(buf, n, "%lldm", m);
    } else if (h < 8) {
        if (m % 60 == 0) snprintf(buf, n, "%lldh", h);
        else snprintf(buf, n, "%lldh%lldm", h, m % 60);
    } else if (h < 48) {
        snprintf(buf, n, "%lldh", h);
    } else if (h < 24 * 8) {
        if (h % 24 == 0) snprintf(buf, n, "%lldd", d);
        else snprintf(buf, n, "%lldd%lldh", d, h % 24);
    } else if (h < 24 * 365 * 2) {
        snprintf(buf, n, "%lldd", d);
    } else if (h < 24 * 365 * 8) {
        long long dy = d % 365;
        if (dy == 0) snprintf(buf, n, "%lldy", d / 365);
        else snprintf(buf, n, "%lldy%lldd", d / 365, dy);
    } else {
        snprintf(buf, n, "%lldy", d / 365);
    }
}

static cJSON *since(const char *ts, time_t now, const char *missing) {
    int64_t t = parse_time(ts);
    if (t < 0) return cJSON_CreateString(missing);
    char buf[32];
    ksrv_human_duration((int64_t)now - t, buf, sizeof buf);
    return cJSON_CreateString(buf);
}

/* ---------------- built-in cells ---------------- */

static const cJSON *pod_spec_of(const cJSON *o, const char *kind) {
    if (!strcmp(kind, "CronJob")) return at(o, "spec.jobTemplate.spec.template.spec");
    if (!strcmp(kind, "Pod")) return at(o, "spec");
    return at(o, "spec.template.spec");
}

static cJSON *join_containers(const cJSON *spec, const char *field) {
    char buf[2048] = "";
    size_t o = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(spec, "containers")) {
        const char *v = str_at(c, field);
        o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s%s", o ? "," : "", v ? v : "");
        if (o >= sizeof buf) break;
    }
    return cJSON_CreateString(buf);
}

/* metav1.FormatLabelSelector */
static cJSON *label_selector(const cJSON *sel) {
    char buf[2048] = "";
    size_t o = 0;
    /* requirements sorted by key: matchLabels keys plus expression keys */
    const char *keys[128];
    int nk = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(sel, "matchLabels")) if (nk < 128) keys[nk++] = m->string;
    cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(sel, "matchExpressions")) {
        const char *k = str_at(m, "key");
        if (k && nk < 128) keys[nk++] = k;
    }
    for (int i = 1; i < nk; i++)
        for (int j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            const char *t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t;
        }
    for (int i = 0; i < nk; i++) {
        char req[512] = "";
        const cJSON *ml = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(sel, "matchLabels"), keys[i]);
        if (ml && cJSON_IsString(ml)) {
            snprintf(req, sizeof req, "%s=%s", keys[i], ml->valuestring);
        } else {
            cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(sel, "matchExpressions")) {
                if (strcmp(str_at(m, "key") ? str_at(m, "key") : "", keys[i])) continue;
                const char *op = str_at(m, "operator");
                char vals[400] = "";
                size_t vo = 0;
                const cJSON *v;
                cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "values"))
                    if (cJSON_IsString(v)) vo += (size_t)snprintf(vals + vo, vo < sizeof vals ? sizeof vals - vo : 0, "%s%s", vo ? "," : "", v->valuestring);
                if (op && !strcmp(op, "In")) snprintf(req, sizeof req, "%s in (%s)", keys[i], vals);
                else if (op && !strcmp(op, "NotIn")) snprintf(req, sizeof req, "%s notin (%s)", keys[i], vals);
                else if (op && !strcmp(op, "Exists")) snprintf(req, sizeof req, "%s", keys[i]);
                else if (op && !strcmp(op, "DoesNotExist")) snprintf(req, sizeof req, "!%s", keys[i]);
                break;
            }
        }
        o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s%s", o ? "," : "", req);
        if (o >= sizeof buf) break;
    }
    return cJSON_CreateString(o ? buf : "<none>");
}

static cJSON *map_selector(const cJSON *m) {
    char buf[2048] = "";
    size_t o = 0;
    const char *keys[128];
    int nk = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, m) if (nk < 128 && cJSON_IsString(e)) keys[nk++] = e->string;
    for (int i = 1; i < nk; i++)
        for (int j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            const char *t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t;
        }
    for (int i = 0; i < nk; i++)
        o += (size_t)snprintf(buf + o, o < sizeof buf ? sizeof buf - o : 0, "%s%s=%s", o ? "," : "",
                              keys[i], cJSON_GetObjectItemCaseSensitive(m, keys[i])->valuestring);
    return cJSON_CreateString(o ? buf : "<none>");
}

static cJSON *pod_status(const cJSON *o) {
    const char *reason = str_at(o, "status.reason");
    if (!reason || !*reason) reason = str_at(o, "status.phase");
    char buf[128];
    snprintf(buf, sizeof buf, "%s", reason ? reason : "");
    const cJSON *cs = at(o, "status.containerStatuses");
    for (int i = cJSON_GetArraySize(cs) - 1; i >= 0; i--) {
        const cJSON *c = cJSON_GetArrayItem(cs, i);
        const char *w = str_at(c, "state.waiting.reason"), *t = str_at(c, "state.terminated.reason");
        if (w && *w) snprintf(buf, sizeof buf, "%s", w);
        else if (t && *t) snprintf(buf, sizeof buf, "%s", t);
        else if (at(c, "state.terminated"))
            snprintf(buf, sizeof buf, "ExitCode:%lld", (long long)int_at(c, "state.terminated.exitCode", 0));
    }
    if (at(o, "metadata.deletionTimestamp") && !cJSON_IsNull(at(o, "metadata.deletionTimestamp")))
        snprintf(buf, sizeof buf, "%s", strcmp(buf, "NodeLost") ? "Terminating" : "Unknown");
    return cJSON_CreateString(buf);
}

static cJSON *service_ports(const cJSON *o) {
    char buf[1024] = "";
    size_t n = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, at(o, "spec.ports")) {
        const char *proto = str_at(p, "protocol");
        long long port = (long long)int_at(p, "port", 0), np = (long long)int_at(p, "nodePort", 0);
        if (np) n += (size_t)snprintf(buf + n, n < sizeof buf ? sizeof buf - n : 0, "%s%lld:%lld/%s", n ? "," : "", port, np, proto ? proto : "TCP");
        else n += (size_t)snprintf(buf + n, n < sizeof buf ? sizeof buf - n : 0, "%s%lld/%s", n ? "," : "", port, proto ? proto : "TCP");
    }
    return cJSON_CreateString(n ? buf : "<none>");
}

static cJSON *builtin_cell(cell_t c, const cJSON *o, const char *kind, time_t now) {
    char buf[256];
    switch (c) {
    case C_NAME: return str_or(str_at(o, "metadata.name"), "");
    case C_AGE: return since(str_at(o, "metadata.creationTimestamp"), now, "<unknown>");
    case C_CREATED_AT: return str_or(str_at(o, "metadata.creationTimestamp"), "<unknown>");
    case C_CONTAINERS: return join_containers(pod_spec_of(o, kind), "name");
    case C_IMAGES: return join_containers(pod_spec_of(o, kind), "image");
    case C_SELECTOR:
        return label_selector(at(o, !strcmp(kind, "CronJob") ? "spec.jobTemplate.spec.selector" : "spec.selector"));
    case C_DEP_READY:
        snprintf(buf, sizeof buf, "%lld/%lld", (long long)int_at(o, "status.readyReplicas", 0),
                 (long long)int_at(o, "spec.replicas", 1));
        return cJSON_CreateString(buf);
    case C_DEP_UPDATED: return cJSON_CreateNumber((double)int_at(o, "status.updatedReplicas", 0));
    case C_DEP_AVAILABLE: return cJSON_CreateNumber((double)int_at(o, "status.availableReplicas", 0));
    case C_POD_READY: {
        int ready = 0;
        const cJSON *cs;
        cJSON_ArrayForEach(cs, at(o, "status.containerStatuses")) if (cJSON_IsTrue(at(cs, "ready"))) ready++;
        snprintf(buf, sizeof buf, "%d/%d", ready, cJSON_GetArraySize(at(o, "spec.containers")));
        return cJSON_CreateString(buf);
    }
    case C_POD_STATUS: return pod_status(o);
    case C_POD_RESTARTS: {
        long long r = 0;
        const cJSON *cs;
        cJSON_ArrayForEach(cs, at(o, "status.containerStatuses")) r += int_at(cs, "restartCount", 0);
        snprintf(buf, sizeof buf, "%lld", r);
        return cJSON_CreateString(buf);
    }
    case C_POD_IP: return str_or(str_at(o, "status.podIP"), "<none>");
    case C_POD_NODE: return str_or(str_at(o, "spec.nodeName"), "<none>");
    case C_POD_NOMINATED: return str_or(str_at(o, "status.nominatedNodeName"), "<none>");
    case C_POD_GATES: {
        int n = cJSON_GetArraySize(at(o, "spec.readinessGates"));
        if (!n) return cJSON_CreateString("<none>");
        int t = 0;
        const cJSON *g, *cond;
        cJSON_ArrayForEach(g, at(o, "spec.readinessGates"))
            cJSON_ArrayForEach(cond, at(o, "status.conditions"))
                if (str_at(g, "conditionType") && str_at(cond, "type") && !strcmp(str_at(g, "conditionType"), str_at(cond, "type")) &&
                    str_at(cond, "status") && !strcmp(str_at(cond, "status"), "True")) t++;
        snprintf(buf, sizeof buf, "%d/%d", t, n);
        return cJSON_CreateString(buf);
    }
    case C_JOB_COMPLETIONS: {
        long long s = (long long)int_at(o, "status.succeeded", 0);
        if (at(o, "spec.completions") && !cJSON_IsNull(at(o, "spec.completions")))
            snprintf(buf, sizeof buf, "%lld/%lld", s, (long long)int_at(o, "spec.completions", 0));
        else if (int_at(o, "spec.parallelism", 0) > 1)
            snprintf(buf, sizeof buf, "%lld/1 of %lld", s, (long long)int_at(o, "spec.parallelism", 0));
        else
            snprintf(buf, sizeof buf, "%lld/1", s);
        return cJSON_CreateString(buf);
    }
    case C_JOB_DURATION: {
        int64_t st = parse_time(str_at(o, "status.startTime")), ct = parse_time(str_at(o, "status.completionTime"));
        if (st < 0) return cJSON_CreateString("");
        ksrv_human_duration((ct < 0 ? (int64_t)now : ct) - st, buf, sizeof buf);
        return cJSON_CreateString(buf);
    }
    case C_CJ_SCHEDULE: return str_or(str_at(o, "spec.schedule"), "");
    case C_CJ_SUSPEND: {
        const cJSON *s = at(o, "spec.suspend");
        return cJSON_CreateString(!cJSON_IsBool(s) ? "<unset>" : cJSON_IsTrue(s) ? "True" : "False");
    }
    case C_CJ_ACTIVE: return cJSON_CreateNumber(cJSON_GetArraySize(at(o, "status.active")));
    case C_CJ_LAST: return since(str_at(o, "status.lastScheduleTime"), now, "<none>");
    case C_SVC_TYPE: return str_or(str_at(o, "spec.type"), "");
    case C_SVC_CIP: return str_or(str_at(o, "spec.clusterIP"), "<none>");
    case C_SVC_EIP: {
        const char *t = str_at(o, "spec.type");
        if (t && !strcmp(t, "ExternalName")) return str_or(str_at(o, "spec.externalName"), "<none>");
        char ips[512] = "";
        size_t n = 0;
        const cJSON *ip;
        cJSON_ArrayForEach(ip, at(o, "spec.externalIPs")) if (cJSON_IsString(ip))
            n += (size_t)snprintf(ips + n, n < sizeof ips ? sizeof ips - n : 0, "%s%s", n ? "," : "", ip->valuestring);
        if (t && !strcmp(t, "LoadBalancer")) {
            cJSON_ArrayForEach(ip, at(o, "status.loadBalancer.ingress")) {
                const char *a = str_at(ip, "ip") ? str_at(ip, "ip") : str_at(ip, "hostname");
                if (a) n += (size_t)snprintf(ips + n, n < sizeof ips ? sizeof ips - n : 0, "%s%s", n ? "," : "", a);
            }
            if (!n) return cJSON_CreateString("<pending>");
        }
        return cJSON_CreateString(n ? ips : "<none>");
    }
    case C_SVC_PORTS: return service_ports(o);
    case C_SVC_SELECTOR: return map_selector(at(o, "spec.selector"));
    case C_NS_STATUS: return str_or(str_at(o, "status.phase"), "");
    case C_DATA_COUNT:
        return cJSON_CreateNumber(cJSON_GetArraySize(at(o, "data")) + cJSON_GetArraySize(at(o, "binaryData")));
    case C_SECRET_TYPE: return str_or(str_at(o, "type"), "");
    case C_SA_SECRETS: return cJSON_CreateNumber(cJSON_GetArraySize(at(o, "secrets")));
    case C_EV_LAST: {
        const char *t = str_at(o, "lastTimestamp");
        if (!t) t = str_at(o, "eventTime");
        return since(t, now, "<unknown>");
    }
    case C_EV_FIRST: {
        const char *t = str_at(o, "firstTimestamp");
        if (!t) t = str_at(o, "eventTime");
        return since(t, now, "<unknown>");
    }
    case C_EV_TYPE: return str_or(str_at(o, "type"), "");
    case C_EV_REASON: return str_or(str_at(o, "reason"), "");
    case C_EV_OBJECT: {
        char kind_l[128];
        const char *k = str_at(o, "involvedObject.kind");
        snprintf(kind_l, sizeof kind_l, "%s", k ? k : "");
        for (char *p = kind_l; *p; p++) *p = (char)tolower((unsigned char)*p);
        const char *n = str_at(o, "involvedObject.name");
        snprintf(buf, sizeof buf, "%s/%s", kind_l, n ? n : "");
        return cJSON_CreateString(buf);
    }
    case C_EV_SUBOBJECT: return str_or(str_at(o, "involvedObject.fieldPath"), "");
    case C_EV_SOURCE: {
        const char *comp = str_at(o, "source.component"), *host = str_at(o, "source.host");
        if (!comp || !*comp) comp = str_at(o, "reportingComponent");
        if (host && *host) snprintf(buf, sizeof buf, "%s, %s", comp ? comp : "", host);
        else snprintf(buf, sizeof buf, "%s", comp ? comp : "");
        return cJSON_CreateString(buf);
    }
    case C_EV_MESSAGE: return str_or(str_at(o, "message"), "");
    case C_EV_COUNT: return cJSON_CreateNumber((double)int_at(o, "count", 0));
    case C_LEASE_HOLDER: return str_or(str_at(o, "spec.holderIdentity"), "<none>");
    }
    return cJSON_CreateNull();
}

/* ---------------- CRD cells ---------------- */

static cJSON *crd_cell(const cJSON *o, const char *type, const char *path, time_t now) {
    const cJSON *v = NULL;
    if (ksrv_jsonpath_first(o, path, &v) <= 0) return cJSON_CreateNull();
    int64_t i;
    if (!strcmp(type, "string")) {
        if (cJSON_IsString(v)) return cJSON_CreateString(v->valuestring);
        if (cJSON_IsBool(v)) return cJSON_CreateString(cJSON_IsTrue(v) ? "true" : "false");
        if (ksrv_json_int64(v, &i)) {
            char b[32];
            snprintf(b, sizeof b, "%lld", (long long)i);
            return cJSON_CreateString(b);
        }
        char *t = cJSON_PrintUnformatted(v);
        cJSON *s = cJSON_CreateString(t ? t : "");
        free(t);
        return s;
    }
    if (!strcmp(type, "integer") && ksrv_json_is_number(v)) {
        if (ksrv_json_int64(v, &i)) return cJSON_CreateNumber((double)i);
        return cJSON_CreateNumber(trunc(v->valuedouble));
    }
    if (!strcmp(type, "number") && ksrv_json_is_number(v)) return cJSON_Duplicate(v, 1);
    if (!strcmp(type, "boolean") && cJSON_IsBool(v)) return cJSON_Duplicate(v, 1);
    if (!strcmp(type, "date") && cJSON_IsString(v)) return since(v->valuestring, now, "<invalid>");
    return cJSON_CreateNull();
}

/* ---------------- assembly ---------------- */

static cJSON *coldef(const char *name, const char *type, const char *format, const char *desc, int prio) {
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "name", name);
    cJSON_AddStringToObject(c, "type", type);
    cJSON_AddStringToObject(c, "format", format ? format : "");
    cJSON_AddStringToObject(c, "description", desc ? desc : "");
    cJSON_AddNumberToObject(c, "priority", prio);
    return c;
}

static const printer_t *printer_for(const char *kind) {
    size_t n = sizeof k_printers / sizeof k_printers[0];
    for (size_t i = 0; i + 1 < n; i++)
        if (kind && !strcmp(k_printers[i].kind, kind)) return &k_printers[i];
    return &k_printers[n - 1];
}

static bool use_crd(const ksrv_table_opts_t *o) { return o->is_crd || o->printer_columns; }

static cJSON *columns(const ksrv_table_opts_t *o) {
    cJSON *cols = cJSON_CreateArray();
    if (use_crd(o)) {
        cJSON_AddItemToArray(cols, coldef("Name", "string", "name", D_NAME, 0));
        if (cJSON_GetArraySize(o->printer_columns) == 0) {
            cJSON_AddItemToArray(cols, coldef("Age", "date", "", D_AGE, 0));
            return cols;
        }
        const cJSON *pc;
        cJSON_ArrayForEach(pc, o->printer_columns) {
            const char *jp = str_at(pc, "jsonPath"), *desc = str_at(pc, "description");
            char d[600];
            if (!desc || !*desc) {
                snprintf(d, sizeof d, "Custom resource definition column (in JSONPath format): %s", jp ? jp : "");
                desc = d;
            }
            cJSON_AddItemToArray(cols, coldef(str_at(pc, "name") ? str_at(pc, "name") : "",
                                              str_at(pc, "type") ? str_at(pc, "type") : "string",
                                              str_at(pc, "format"), desc, (int)int_at(pc, "priority", 0)));
        }
        return cols;
    }
    const printer_t *p = printer_for(o->kind);
    for (int i = 0; i < 12 && p->cols[i].name; i++)
        cJSON_AddItemToArray(cols, coldef(p->cols[i].name, p->cols[i].type, p->cols[i].format,
                                          p->cols[i].desc, p->cols[i].priority));
    return cols;
}

/* ObjectMeta in the typed (Go struct) member order; managedFields entries likewise. */
static cJSON *typed_meta(const cJSON *md) {
    static const char *const order[] = {"name", "generateName", "namespace", "selfLink", "uid",
        "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields", NULL};
    static const char *const mf_order[] = {"manager", "operation", "apiVersion", "time",
        "fieldsType", "fieldsV1", "subresource", NULL};
    cJSON *out = cJSON_CreateObject();
    for (int i = 0; order[i]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(md, order[i]);
        if (!v) continue;
        if (!strcmp(order[i], "managedFields") && cJSON_IsArray(v)) {
            cJSON *arr = cJSON_AddArrayToObject(out, "managedFields");
            const cJSON *e;
            cJSON_ArrayForEach(e, v) {
                cJSON *ne = cJSON_CreateObject();
                for (int k = 0; mf_order[k]; k++) {
                    const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, mf_order[k]);
                    if (f) cJSON_AddItemToObject(ne, mf_order[k], cJSON_Duplicate(f, 1));
                }
                cJSON_AddItemToArray(arr, ne);
            }
        } else {
            cJSON_AddItemToObject(out, order[i], cJSON_Duplicate(v, 1));
        }
    }
    return out;
}

static cJSON *row(const cJSON *obj, const ksrv_table_opts_t *o, time_t now) {
    cJSON *r = cJSON_CreateObject(), *cells = cJSON_AddArrayToObject(r, "cells");
    if (use_crd(o)) {
        cJSON_AddItemToArray(cells, str_or(str_at(obj, "metadata.name"), ""));
        if (cJSON_GetArraySize(o->printer_columns) == 0) {
            cJSON_AddItemToArray(cells, since(str_at(obj, "metadata.creationTimestamp"), now, "<unknown>"));
        } else {
            const cJSON *pc;
            cJSON_ArrayForEach(pc, o->printer_columns)
                cJSON_AddItemToArray(cells, crd_cell(obj, str_at(pc, "type") ? str_at(pc, "type") : "string",
                                                     str_at(pc, "jsonPath") ? str_at(pc, "jsonPath") : "", now));
        }
    } else {
        const printer_t *p = printer_for(o->kind);
        for (int i = 0; i < 12 && p->cols[i].name; i++)
            cJSON_AddItemToArray(cells, builtin_cell(p->cols[i].cell, obj, o->kind ? o->kind : "", now));
    }
    if (o->include == KSRV_INCLUDE_OBJECT) {
        cJSON_AddItemToObject(r, "object", cJSON_Duplicate(obj, 1));
    } else if (o->include == KSRV_INCLUDE_METADATA) {
        cJSON *pom = cJSON_AddObjectToObject(r, "object");
        cJSON_AddStringToObject(pom, "kind", "PartialObjectMetadata");
        cJSON_AddStringToObject(pom, "apiVersion", "meta.k8s.io/v1");
        cJSON_AddItemToObject(pom, "metadata", typed_meta(at(obj, "metadata")));
    }
    return r;
}

int ksrv_include_object_parse(const char *s, ksrv_include_object_t *out) {
    if (!s || !*s || !strcmp(s, "Metadata")) *out = KSRV_INCLUDE_METADATA;
    else if (!strcmp(s, "None")) *out = KSRV_INCLUDE_NONE;
    else if (!strcmp(s, "Object")) *out = KSRV_INCLUDE_OBJECT;
    else return -1;
    return 0;
}

static cJSON *table_head(cJSON *meta, const ksrv_table_opts_t *o) {
    cJSON *t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "kind", "Table");
    cJSON_AddStringToObject(t, "apiVersion", "meta.k8s.io/v1");
    cJSON_AddItemToObject(t, "metadata", meta);
    cJSON_AddItemToObject(t, "columnDefinitions", columns(o));
    cJSON_AddArrayToObject(t, "rows");
    return t;
}

cJSON *ksrv_table_from_list(const cJSON *items, const cJSON *list_metadata, const ksrv_table_opts_t *o) {
    time_t now = o->now ? o->now : time(NULL);
    cJSON *meta = cJSON_CreateObject();
    static const char *const keep[] = {"resourceVersion", "continue", "remainingItemCount", NULL};
    for (int i = 0; keep[i]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(list_metadata, keep[i]);
        if (v) cJSON_AddItemToObject(meta, keep[i], cJSON_Duplicate(v, 1));
    }
    cJSON *t = table_head(meta, o), *rows = cJSON_GetObjectItemCaseSensitive(t, "rows");
    const cJSON *it;
    cJSON_ArrayForEach(it, items) cJSON_AddItemToArray(rows, row(it, o, now));
    return t;
}

cJSON *ksrv_table_from_object(const cJSON *obj, const ksrv_table_opts_t *o) {
    time_t now = o->now ? o->now : time(NULL);
    cJSON *meta = cJSON_CreateObject();
    const char *rv = str_at(obj, "metadata.resourceVersion");
    if (rv) cJSON_AddStringToObject(meta, "resourceVersion", rv);
    cJSON *t = table_head(meta, o);
    cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(t, "rows"), row(obj, o, now));
    return t;
}
