/* internal.h — shared structures of the test API server. Not installed; not for users. */
#ifndef KC_APISERVER_INTERNAL_H
#define KC_APISERVER_INTERNAL_H

#include "kc_apiserver.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct MHD_Connection;
struct MHD_Daemon;
struct ksrv_status;

/* ---- growable byte buffer ---- */
typedef struct buf {
    char *p;
    size_t len, cap;
} buf_t;
void buf_put(buf_t *b, const void *s, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_json_str(buf_t *b, const char *s); /* a JSON string literal, quoted and escaped */
char *buf_steal(buf_t *b);                  /* NUL-terminated; buffer is reset */

/* ---- an immutable stored object version, shared by the store and the watch history ---- */
typedef struct kobj {
    atomic_int refs;
    cJSON *obj;       /* full object, kind/apiVersion included */
    char *json;       /* cJSON_PrintUnformatted(obj) */
    size_t len;
    size_t body_off;  /* built-ins: offset of "metadata" member (list items omit kind/apiVersion) */
    uint64_t rv;
    char *key;        /* "ns/name" or "name" */
    const char *ns;   /* into obj, may be "" */
    const char *name; /* into obj */
} kobj_t;
kobj_t *kobj_new(cJSON *obj, bool strip_typemeta_in_lists); /* takes obj */
kobj_t *kobj_ref(kobj_t *o);
void kobj_unref(kobj_t *o);

/* ---- objects of one resource (all versions of a CRD share one) ---- */
typedef struct rstore {
    char *group, *plural;
    kobj_t **items; /* sorted by key */
    size_t n, cap;
    int id;
} rstore_t;

enum { RES_RETURN_DELETED = 1, RES_NO_GENERATION = 2, RES_CLUSTER = 4 };

struct server;
typedef struct resource resource_t;
/* Built-in behaviour hooks; any may be NULL. They run under the store lock. */
typedef struct builtin_ops {
    /* scheme defaults on create/update (new object, old or NULL): before managedFields */
    void (*defaults)(struct server *s, const resource_t *r, cJSON *obj, const cJSON *old);
    /* strategy and admission changes (status reset, allocated values): after managedFields */
    void (*prepare)(struct server *s, const resource_t *r, cJSON *obj, const cJSON *old);
    /* validation: adds causes {reason,message,field} to `causes` */
    void (*validate)(const resource_t *r, const cJSON *obj, cJSON *causes);
    /* extra field selector labels (NULL-terminated) */
    const char *const *fields;
} builtin_ops_t;

struct resource {
    char *group, *version, *plural, *singular, *kind, *list_kind;
    char **short_names; size_t n_short;
    char **categories;  size_t n_cat;
    bool namespaced, has_status, has_scale, is_crd, served, storage;
    char *spec_replicas_path, *status_replicas_path, *label_selector_path; /* scale */
    char *storage_hash;
    int flags;
    const char *const *subresources_extra; /* discovery-only subresources of built-ins */
    rstore_t *store;
    cJSON *crd_version; /* CRDs: the spec.versions[] entry (schema, printer columns), owned */
    char *crd_name;
    const builtin_ops_t *ops;
    resource_t *next;
};

/* ---- watch history ---- */
enum { EV_ADDED = 1, EV_MODIFIED, EV_DELETED };
typedef struct event {
    uint64_t rv;
    int type;
    int store_id;
    kobj_t *obj; /* new state (DELETED: last state, with the deletion's resourceVersion) */
    kobj_t *old; /* previous state or NULL */
} event_t;

typedef struct watcher watcher_t;

typedef struct faults {
    unsigned delay_ms;
    unsigned fail_n; int fail_code; unsigned retry_after;
    unsigned cut_n; size_t cut_after;
    size_t split;
} faults_t;

typedef struct server {
    kc_apiserver_options_t opt;
    struct MHD_Daemon *daemon;
    uint16_t port;
    char url[64];
    char *cert_dir; bool cert_dir_owned;
    char *ca_pem, *cert_pem, *key_pem;      /* serving material */
    char *client_cert_pem, *client_key_pem; /* generated admin client */
    char *ca_file;
    kc_apiserver_token_t *tokens; size_t n_tokens; /* deep copies */

    pthread_mutex_t mu;   /* guards everything below */
    pthread_cond_t cv;    /* broadcast on every write and on stop/drop */
    uint64_t rv;          /* last resourceVersion handed out */
    uint64_t floor_rv;
    uint64_t compact_rv;  /* the revision the last compaction took (no event) */    /* oldest rv a watch/continue/Exact list may start from */
    event_t *hist; size_t hist_cap, hist_n; /* ring: events with rv in (rv-hist_n, rv] */
    resource_t *resources;
    rstore_t **stores; size_t n_stores;
    watcher_t *watchers;
    uint64_t drop_gen;    /* bumped by fault_drop_watches */
    bool stopping;
    uint32_t svc_ip_next;
    pthread_mutex_t fmu;  /* guards faults (taken while mu may be held) */
    faults_t faults;
    pthread_t restart_thread; bool restart_started; /* admin restart (fmu); stop joins it */
    struct ksrv_openapi *openapi;
} server_t;

int http_start(server_t *s);
void http_stop(server_t *s);

/* ---- request ---- */
typedef struct user {
    char name[128];
    char groups[256];
    bool anonymous;
} user_t;

typedef struct req {
    server_t *s;
    struct MHD_Connection *conn;
    const char *method, *url;
    buf_t body;
    bool body_too_large;
    user_t user;
    bool answered;
} req_t;

/* query parameter (decoded) or NULL */
const char *q_get(req_t *r, const char *name);
bool q_bool(req_t *r, const char *name);
const char *h_get(req_t *r, const char *name);

/* ---- responses (http.c) ---- */
int send_bytes(req_t *r, int code, const char *ctype, char *body, size_t len); /* takes body */
int send_json(req_t *r, int code, cJSON *j);        /* takes j */
int send_kobj(req_t *r, int code, kobj_t *o);       /* takes the reference */
int send_text(req_t *r, int code, const char *text);
int send_status(req_t *r, int code, const char *reason, const char *msg, cJSON *details);
int send_not_found_page(req_t *r);
struct ksrv_openapi_response;
int send_openapi(req_t *r, struct ksrv_openapi_response *o);
int send_status_retry(req_t *r, int code, const char *reason, const char *msg, cJSON *details,
                      const char *retry_after);
int send_ksrv(req_t *r, struct ksrv_status *st); /* sends st's Status, resets st */
int send_stream(req_t *r, watcher_t *w); /* chunked watch stream */
void add_warning(req_t *r, const char *msg);

/* ---- status.c: metav1.Status bodies ---- */
cJSON *status_new(int code, const char *reason, const char *msg, cJSON *details);
char *qualified_resource(const resource_t *res);        /* "ascendjobs.mindxdl.gitee.com" */
char *qualified_kind(const resource_t *res, const char *kind); /* "AscendJob.mindxdl.gitee.com" */
cJSON *details_new(const char *name, const char *group, const char *kind);
int err_not_found(req_t *r, const resource_t *res, const char *name);
int err_ns_not_found(req_t *r, const char *ns);
int err_already_exists(req_t *r, const resource_t *res, const char *name);
int err_conflict_modified(req_t *r, const resource_t *res, const char *name);
int err_invalid(req_t *r, const resource_t *res, const char *kind, const char *name,
                cJSON *causes); /* takes causes */
int err_bad_request(req_t *r, const char *msg);
int err_method_not_allowed(req_t *r);
int err_internal(req_t *r, const char *msg);
void cause_add(cJSON *causes, const char *reason, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- meta.c: metadata helpers ---- */
void now_rfc3339(char out[32]);
void new_uid(char out[37]);
void random_suffix(char out[6]);
const char *meta_str(const cJSON *obj, const char *field);
cJSON *meta_of(cJSON *obj); /* creates metadata when missing */
void meta_set_str(cJSON *obj, const char *field, const char *v);
void json_set(cJSON *parent, const char *key, cJSON *v); /* replace or add (takes v) */
void json_set_str(cJSON *parent, const char *key, const char *v);
cJSON *json_path_get(const cJSON *obj, const char *path); /* ".spec.replicas" or "spec.replicas" */
bool json_path_set(cJSON *obj, const char *path, cJSON *v); /* creates objects on the way */
void json_sort_keys(cJSON *j);                 /* recursive, like Go maps */
void json_order_builtin(cJSON *obj);           /* kind, apiVersion, metadata, spec, status ... */
bool json_equal_except(const cJSON *a, const cJSON *b, const char *const *skip_top);
bool valid_dns_subdomain(const char *s);
bool valid_dns_label(const char *s);
const char *msg_dns_subdomain(void);
const char *msg_dns_label(void);
bool parse_u64(const char *s, uint64_t *out);

/* ---- selector.c ---- */
typedef struct selector selector_t;
/* NULL/"" selects everything (returns NULL with *err NULL). On error returns NULL and sets
 * *err to a malloc'd message. */
selector_t *label_selector_parse(const char *s, char **err);
selector_t *field_selector_parse(const char *s, const resource_t *res, char **err);
bool selector_match_labels(const selector_t *sel, const cJSON *obj);
bool selector_match_fields(const selector_t *sel, const cJSON *obj);
void selector_free(selector_t *sel);
char *label_selector_string(const cJSON *label_selector); /* matchLabels -> "a=b,c=d" */

/* ---- store.c (callers hold s->mu) ---- */
rstore_t *store_for(server_t *s, const char *group, const char *plural);
kobj_t *store_get(rstore_t *st, const char *ns, const char *name); /* borrowed */
void store_put(server_t *s, rstore_t *st, kobj_t *o, int evtype, kobj_t *old); /* takes o */
void store_remove(server_t *s, rstore_t *st, kobj_t *last); /* DELETED with `last` (taken) */
uint64_t store_next_rv(server_t *s);
void history_init(server_t *s);
void history_free(server_t *s);
void history_compact(server_t *s);
const event_t *history_at(const server_t *s, uint64_t rv); /* NULL if not kept */
/* The objects of st as they were at rv (rv >= floor). Returns refs; caller unrefs. */
kobj_t **store_snapshot(server_t *s, rstore_t *st, uint64_t rv, const char *ns, size_t *n);
/* The same, only keys after `after` (a store key, NULL = from the start), at most `max`
 * objects (0 = all); *total (may be NULL) counts all of them past `after`. */
kobj_t **store_snapshot_range(server_t *s, rstore_t *st, uint64_t rv, const char *ns,
                              const char *after, size_t max, size_t *n, size_t *total);
void store_free_all(server_t *s);
kobj_t *store_commit(server_t *s, rstore_t *st, cJSON *obj, bool crd, int evtype, kobj_t *old);

/* ---- registry (builtin.c, crd.c) ---- */
void builtin_register(server_t *s);
resource_t *resource_find(server_t *s, const char *group, const char *version,
                          const char *plural);
resource_t *resource_add(server_t *s, resource_t *r); /* takes r */
void resource_free(resource_t *r);
void resources_free(server_t *s);
void pod_template_defaults(cJSON *tmpl_spec);
int crd_created(server_t *s, kobj_t *crd);   /* registers its versions; status update */
void crd_deleted(server_t *s, const cJSON *crd);
int crd_validate(const cJSON *crd, cJSON *causes);
void crd_defaults(cJSON *crd);

/* ---- discovery.c ---- */
int serve_discovery(req_t *r, const char **seg, int nseg);

/* ---- auth.c ---- */
/* fills r->user; returns 0, or sends 401 and returns 1 */
int authenticate(req_t *r);
typedef struct route route_t;
int authorize(req_t *r, const route_t *rt); /* 0 allowed, else sends 403 and returns 1 */

/* ---- tls.c ---- */
int tls_generate(server_t *s);
int tls_load(server_t *s);
int tls_peer_identity(struct MHD_Connection *c, const char *ca_pem, user_t *u); /* 0 = found */

/* ---- router.c / handlers ---- */
struct route {
    resource_t *res;
    const char *ns;   /* NULL: all namespaces / cluster scope */
    const char *name; /* NULL: collection */
    const char *sub;  /* "status", "scale" or NULL */
    const char *verb; /* get list watch create update patch delete deletecollection */
    char segbuf[1024];
};
int handle_request(req_t *r);
int handle_get(req_t *r, route_t *rt);
int handle_list(req_t *r, route_t *rt);
int handle_watch(req_t *r, route_t *rt);
int handle_create(req_t *r, route_t *rt);
int handle_update(req_t *r, route_t *rt);
int handle_patch(req_t *r, route_t *rt);
int handle_delete(req_t *r, route_t *rt);
int handle_deletecollection(req_t *r, route_t *rt);
int handle_admin(req_t *r);

/* crud.c helpers shared with list.c */
cJSON *parse_body_object(req_t *r, const resource_t *res, int *sent);
const char *field_manager(req_t *r);
bool dry_run(req_t *r);
bool wants_table(req_t *r);
cJSON *object_for_version(const resource_t *res, const kobj_t *o); /* new tree */

/* ---- watch.c ---- */
void watchers_wake_all(server_t *s);
void watchers_drop_all(server_t *s);

/* ---- faults.c ---- */
/* returns 1 if the request was answered by a fault */
int faults_before(req_t *r);
bool faults_take_cut(server_t *s, size_t *after);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
