/* http.c — libmicrohttpd glue: one thread per connection (watch streams block in their
 * content callback), request bodies, and every way an answer leaves the server (whole
 * buffers, zero-copy stored objects, cut or split bodies for the fault API). */
#define _GNU_SOURCE
#include "internal.h"
#include "openapi.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_BODY (64u << 20)

const char *q_get(req_t *r, const char *name) {
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

bool q_bool(req_t *r, const char *name) {
    const char *v = q_get(r, name);
    return v && (!strcmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "True"));
}

const char *h_get(req_t *r, const char *name) {
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

/* ---- warnings are collected per request and added as "Warning: 299 - ..." headers ---- */
typedef struct req_ctx {
    req_t r;
    char *warnings[8];
    int n_warnings;
} req_ctx_t;

void add_warning(req_t *r, const char *msg) {
    req_ctx_t *c = (req_ctx_t *)r;
    if (c->n_warnings < 8) c->warnings[c->n_warnings++] = strdup(msg);
}

static void add_headers(req_t *r, struct MHD_Response *resp, const char *ctype) {
    req_ctx_t *c = (req_ctx_t *)r;
    char uid[37];
    new_uid(uid);
    MHD_add_response_header(resp, "Audit-Id", uid);
    MHD_add_response_header(resp, "Cache-Control", "no-cache, private");
    if (ctype) MHD_add_response_header(resp, "Content-Type", ctype);
    for (int i = 0; i < c->n_warnings; i++) {
        buf_t b = {0};
        buf_puts(&b, "299 - ");
        buf_json_str(&b, c->warnings[i]);
        MHD_add_response_header(resp, "Warning", b.p);
        free(b.p);
    }
}

static int queue(req_t *r, int code, struct MHD_Response *resp) {
    if (!resp) return MHD_NO;
    if (r->s->opt.log) fprintf(stderr, "kc-apiserver: %s %s -> %d\n", r->method, r->url, code);
    enum MHD_Result rc = MHD_queue_response(r->conn, (unsigned)code, resp);
    MHD_destroy_response(resp);
    r->answered = true;
    return rc == MHD_YES ? 0 : -1;
}

/* ---- bodies delivered through a callback: cut after N bytes, or split into small chunks ---- */
typedef struct cbody {
    char *p;
    size_t len;
    size_t cut;   /* deliver at most this many bytes, then break the connection */
    size_t split; /* at most this many bytes per call */
    kobj_t *o;    /* when p points into a stored object */
} cbody_t;

static ssize_t cbody_read(void *cls, uint64_t pos, char *buf, size_t max) {
    cbody_t *b = cls;
    size_t limit = b->cut ? b->cut : b->len;
    if (pos >= limit) return b->cut ? MHD_CONTENT_READER_END_WITH_ERROR
                                    : MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = limit - (size_t)pos;
    if (n > max) n = max;
    if (b->split && n > b->split) n = b->split;
    memcpy(buf, b->p + pos, n);
    return (ssize_t)n;
}

static void cbody_free(void *cls) {
    cbody_t *b = cls;
    if (b->o) kobj_unref(b->o);
    else free(b->p);
    free(b);
}

static void kobj_release(void *cls) { kobj_unref(cls); }

static struct MHD_Response *make_body(req_t *r, char *p, size_t len, kobj_t *o) {
    size_t cut = 0, split = 0;
    bool do_cut = false;
    if (strncmp(r->url, "/kc-admin/", 10)) { /* the admin endpoint's own answers are whole */
        do_cut = faults_take_cut(r->s, &cut);
        pthread_mutex_lock(&r->s->fmu);
        split = r->s->faults.split;
        pthread_mutex_unlock(&r->s->fmu);
    }
    if (do_cut || split) {
        cbody_t *b = calloc(1, sizeof *b);
        if (!b) abort();
        b->p = p;
        b->len = len;
        b->o = o;
        b->cut = do_cut ? (cut < len ? cut : len) : 0;
        b->split = split;
        /* a cut body announces its full length, so the client notices the truncation */
        return MHD_create_response_from_callback(do_cut ? len : MHD_SIZE_UNKNOWN,
                                                 split ? split : 64 * 1024, cbody_read, b,
                                                 cbody_free);
    }
    if (o) return MHD_create_response_from_buffer_with_free_callback_cls(len, p, kobj_release, o);
    return MHD_create_response_from_buffer(len, p, MHD_RESPMEM_MUST_FREE);
}

int send_bytes(req_t *r, int code, const char *ctype, char *body, size_t len) {
    struct MHD_Response *resp = make_body(r, body, len, NULL);
    add_headers(r, resp, ctype);
    return queue(r, code, resp);
}

int send_json(req_t *r, int code, cJSON *j) {
    char *s = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (!s) return -1;
    return send_bytes(r, code, "application/json", s, strlen(s));
}

int send_kobj(req_t *r, int code, kobj_t *o) {
    struct MHD_Response *resp = make_body(r, o->json, o->len, o);
    add_headers(r, resp, "application/json");
    return queue(r, code, resp);
}

int send_text(req_t *r, int code, const char *text) {
    char *s = strdup(text);
    return send_bytes(r, code, "text/plain; charset=utf-8", s, strlen(s));
}

int send_status(req_t *r, int code, const char *reason, const char *msg, cJSON *details) {
    return send_json(r, code, status_new(code, reason, msg, details));
}

int send_status_retry(req_t *r, int code, const char *reason, const char *msg, cJSON *details,
                      const char *retry_after) {
    char *body = NULL;
    cJSON *j = status_new(code, reason, msg, details);
    body = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    struct MHD_Response *resp = make_body(r, body, strlen(body), NULL);
    add_headers(r, resp, "application/json");
    MHD_add_response_header(resp, "Retry-After", retry_after);
    return queue(r, code, resp);
}

int send_openapi(req_t *r, struct ksrv_openapi_response *o) {
    struct MHD_Response *resp;
    if (o->body) resp = make_body(r, o->body, o->len, NULL);
    else resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    o->body = NULL;
    if (!resp) return -1;
    if (o->etag[0]) MHD_add_response_header(resp, "Etag", o->etag);
    if (o->location[0]) MHD_add_response_header(resp, "Location", o->location);
    if (o->content_type) MHD_add_response_header(resp, "Content-Type", o->content_type);
    MHD_add_response_header(resp, "Cache-Control", o->cache_control ? o->cache_control : "no-cache, private");
    return queue(r, o->status ? o->status : 200, resp);
}

int send_not_found_page(req_t *r) { return send_text(r, 404, "404 page not found\n"); }

/* ---- watch streams: watch.c provides the reader ---- */
ssize_t watch_read(void *cls, uint64_t pos, char *buf, size_t max);
void watch_free(void *cls);

int send_stream(req_t *r, watcher_t *w) {
    struct MHD_Response *resp =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, watch_read, w, watch_free);
    add_headers(r, resp, "application/json");
    return queue(r, 200, resp);
}

/* ---- the access handler ---- */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls) {
    (void)version;
    server_t *s = cls;
    req_ctx_t *c = *con_cls;
    if (!c) {
        c = calloc(1, sizeof *c);
        if (!c) return MHD_NO;
        c->r.s = s;
        c->r.conn = conn;
        c->r.method = method;
        c->r.url = url;
        *con_cls = c;
        return MHD_YES;
    }
    if (*upload_size) {
        if (c->r.body.len + *upload_size > MAX_BODY) c->r.body_too_large = true;
        else buf_put(&c->r.body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (c->r.answered) return MHD_YES;
    int rc = handle_request(&c->r);
    return rc == 0 && c->r.answered ? MHD_YES : MHD_NO;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    (void)cls;
    (void)conn;
    (void)toe;
    req_ctx_t *c = *con_cls;
    if (!c) return;
    free(c->r.body.p);
    for (int i = 0; i < c->n_warnings; i++) free(c->warnings[i]);
    free(c);
    *con_cls = NULL;
}

static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len) {
    (void)cls;
    (void)len;
    /* loopback only */
    if (addr->sa_family == AF_INET) {
        const unsigned char *ip = (const unsigned char *)&((const struct sockaddr_in *)addr)->sin_addr;
        return ip[0] == 127 ? MHD_YES : MHD_NO;
    }
    return MHD_NO;
}

int http_start(server_t *s) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(s->port);
    sa.sin_addr.s_addr = htonl(0x7f000001);
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_POLL | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME;
    if (s->opt.tls) flags |= MHD_USE_TLS;
    struct MHD_OptionItem ops[16];
    int n = 0;
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, &sa};
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, s};
    /* MHD zeroes a connection's pool for every request: keep it small (headers only;
     * bodies are collected in req_t.body) */
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_MEMORY_LIMIT, 64 * 1024, NULL};
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, NULL};
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, NULL};
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, 4096, NULL};
    if (s->opt.tls) {
        ops[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, s->key_pem};
        ops[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, s->cert_pem};
        ops[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_TRUST, 0, s->ca_pem};
    }
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};
    s->daemon = MHD_start_daemon(flags, s->port, on_accept, s, on_request, s,
                                 MHD_OPTION_ARRAY, ops, MHD_OPTION_END);
    if (!s->daemon) return -1;
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    /* under mu: the daemon's threads already answer (discovery quotes the port) */
    pthread_mutex_lock(&s->mu);
    if (di) s->port = di->port;
    snprintf(s->url, sizeof s->url, "%s://127.0.0.1:%u", s->opt.tls ? "https" : "http",
             (unsigned)s->port);
    pthread_mutex_unlock(&s->mu);
    return 0;
}

void http_stop(server_t *s) {
    if (!s->daemon) return;
    /* stop accepting, then wake every blocked watch so its thread can finish */
    MHD_socket fd = MHD_quiesce_daemon(s->daemon);
    if (fd != MHD_INVALID_SOCKET) close(fd);
    pthread_mutex_lock(&s->mu);
    s->stopping = true;
    s->drop_gen++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    MHD_stop_daemon(s->daemon);
    s->daemon = NULL;
    pthread_mutex_lock(&s->mu);
    s->stopping = false;
    pthread_mutex_unlock(&s->mu);
}
