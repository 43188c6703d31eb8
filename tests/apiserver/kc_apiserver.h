/*
 * kc_apiserver.h — an in-process kube-apiserver for tests (an envtest without binaries).
 *
 * The server keeps every object in memory (as cJSON plus its serialized bytes), speaks the
 * kube-apiserver wire protocol over HTTP or HTTPS on loopback, and is accepted unchanged by
 * kubectl 1.32 and the Python kubernetes client. See docs/apiserver.md.
 *
 *   kc_apiserver_options_t o = KC_APISERVER_OPTIONS_INIT;
 *   kc_apiserver_t *srv;
 *   if (kc_apiserver_start(&srv, &o) != 0) ...;
 *   kc_apiserver_write_kubeconfig(srv, "/tmp/kubeconfig");
 *   ... point a client at kc_apiserver_url(srv) ...
 *   kc_apiserver_stop(srv);
 *
 * Every function returns 0 or a negative errno-style code; the server never prints unless
 * options.log is set, and never exits the process.
 */
#ifndef KC_APISERVER_H
#define KC_APISERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KC_APISERVER_OPTIONS_VERSION 1

/* A static bearer token: "Authorization: Bearer <token>" authenticates as user/groups. */
typedef struct kc_apiserver_token {
    const char *token;
    const char *user;
    const char *groups; /* comma-separated, may be NULL */
} kc_apiserver_token_t;

typedef struct kc_apiserver_options {
    unsigned version;          /* KC_APISERVER_OPTIONS_VERSION */
    uint16_t port;             /* 0 = pick a free port */
    bool tls;                  /* serve HTTPS */
    /* TLS material. With tls and all of these NULL, a CA, a serving certificate for
     * 127.0.0.1/localhost and an admin client certificate are generated into cert_dir. */
    const char *ca_cert_file;  /* PEM; also the trust anchor for client certificates */
    const char *cert_file;     /* PEM serving certificate */
    const char *key_file;      /* PEM serving key */
    const char *cert_dir;      /* where generated material goes (NULL = a fresh mkdtemp dir) */
    const kc_apiserver_token_t *tokens; /* static tokens, may be NULL */
    size_t n_tokens;
    bool allow_anonymous;      /* unauthenticated requests act as system:anonymous, allowed */
    size_t history_size;       /* watch event history (resume window); 0 = 10000 */
    size_t watch_buffer;       /* events written since a watch began that it may lag behind
                                * before it is closed (kube-apiserver's bounded watcher
                                * buffer); 0 = history_size */
    unsigned bookmark_interval_ms; /* BOOKMARK period for allowWatchBookmarks; 0 = 1500 */
    bool admin_endpoint;       /* serve /kc-admin/... (faults) to loopback peers; default on */
    bool log;                  /* one line per request on stderr */
} kc_apiserver_options_t;

#define KC_APISERVER_OPTIONS_INIT                                                          \
    { KC_APISERVER_OPTIONS_VERSION, 0, false, NULL, NULL, NULL, NULL, NULL, 0, false, 0, 0, 0, \
      true, false }

typedef struct kc_apiserver kc_apiserver_t;

/* Starts listening on 127.0.0.1. *out is owned by the caller: release with kc_apiserver_stop. */
int kc_apiserver_start(kc_apiserver_t **out, const kc_apiserver_options_t *opts);
/* Closes every connection, stops the threads and frees everything. NULL is a no-op. */
void kc_apiserver_stop(kc_apiserver_t *srv);
/* Closes every connection and listens again on the same port; objects, resourceVersions
 * and the watch history are kept (what a client sees when a real apiserver restarts). */
int kc_apiserver_restart(kc_apiserver_t *srv);

/* "http://127.0.0.1:PORT" or "https://...". Valid until kc_apiserver_stop. */
const char *kc_apiserver_url(const kc_apiserver_t *srv);
uint16_t kc_apiserver_port(const kc_apiserver_t *srv);
/* Path of the CA certificate (PEM) when TLS is on, else NULL. */
const char *kc_apiserver_ca_file(const kc_apiserver_t *srv);
/* Writes a kubeconfig (context "kc-apiserver") authenticating with the first static token,
 * else the generated admin client certificate, else nothing (anonymous). */
int kc_apiserver_write_kubeconfig(const kc_apiserver_t *srv, const char *path);
/* The current (global, monotonically increasing) resourceVersion. */
uint64_t kc_apiserver_resource_version(const kc_apiserver_t *srv);

/* ---- Faults, for tests. Each is also reachable as POST /kc-admin/<name>?... from loopback. */

/* Ends every open watch now, the way kube-apiserver ends the watches it terminates: the
 * events already formatted go out whole, then the chunked stream ends (terminating chunk).
 * Clients resume from the last resourceVersion they saw. */
void kc_apiserver_fault_drop_watches(kc_apiserver_t *srv);
/* Forgets the watch history and every continue token's snapshot: a watch resumed from any
 * earlier resourceVersion, or a continue token issued earlier, answers 410 Expired. */
void kc_apiserver_fault_compact(kc_apiserver_t *srv);
/* Delays every answer by ms milliseconds (0 turns it off). */
void kc_apiserver_fault_delay(kc_apiserver_t *srv, unsigned ms);
/* Answers the next n API requests with code 429 (with Retry-After: retry_after_s) or 500. */
void kc_apiserver_fault_fail_next(kc_apiserver_t *srv, unsigned n, int code,
                                  unsigned retry_after_s);
/* Cuts the next n responses after `after_bytes` bytes of body (the connection is closed):
 * a whole answer announces its full Content-Length, a watch stream stops without its
 * terminating chunk. */
void kc_apiserver_fault_cut_next(kc_apiserver_t *srv, unsigned n, size_t after_bytes);
/* Sends every response body (watch streams included) in chunks of at most `bytes` bytes,
 * so that events and JSON documents are split at arbitrary places. 0 turns it off. */
void kc_apiserver_fault_split_chunks(kc_apiserver_t *srv, size_t bytes);
/* Clears every fault above. */
void kc_apiserver_fault_clear(kc_apiserver_t *srv);

#ifdef __cplusplus
}
#endif
#endif
