/* server.c — lifecycle of a test API server: start, restart keeping state, stop; the
 * kubeconfig it writes; the "default" namespaces a fresh kube-apiserver has. */
#define _GNU_SOURCE
#include "internal.h"
#include "openapi.h"

#include <errno.h>
#include <ftw.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void create_namespace(server_t *s, const char *name) {
    rstore_t *st = store_for(s, "", "namespaces");
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", "Namespace");
    cJSON_AddStringToObject(o, "apiVersion", "v1");
    cJSON *m = cJSON_AddObjectToObject(o, "metadata");
    char uid[37], ts[32];
    new_uid(uid);
    now_rfc3339(ts);
    cJSON_AddStringToObject(m, "name", name);
    cJSON_AddStringToObject(m, "uid", uid);
    cJSON_AddStringToObject(m, "creationTimestamp", ts);
    cJSON *l = cJSON_AddObjectToObject(m, "labels");
    cJSON_AddStringToObject(l, "kubernetes.io/metadata.name", name);
    cJSON_AddItemToObject(o, "spec", cJSON_Parse("{\"finalizers\":[\"kubernetes\"]}"));
    cJSON_AddItemToObject(o, "status", cJSON_Parse("{\"phase\":\"Active\"}"));
    kobj_unref(store_commit(s, st, o, false, EV_ADDED, NULL));
}

int kc_apiserver_start(kc_apiserver_t **out, const kc_apiserver_options_t *opts) {
    *out = NULL;
    if (!opts || opts->version != KC_APISERVER_OPTIONS_VERSION) return -EINVAL;
    server_t *s = calloc(1, sizeof *s);
    if (!s) return -ENOMEM;
    s->opt = *opts;
    s->port = opts->port;
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->fmu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_cond_init(&s->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (opts->n_tokens) {
        s->tokens = calloc(opts->n_tokens, sizeof *s->tokens);
        if (!s->tokens) abort();
        for (size_t i = 0; i < opts->n_tokens; i++) {
            s->tokens[i].token = strdup(opts->tokens[i].token);
            s->tokens[i].user = strdup(opts->tokens[i].user ? opts->tokens[i].user : "kc-admin");
            s->tokens[i].groups = opts->tokens[i].groups ? strdup(opts->tokens[i].groups) : NULL;
        }
        s->n_tokens = opts->n_tokens;
    }
    s->opt.tokens = NULL;
    s->opt.n_tokens = 0;
    history_init(s);
    builtin_register(s);
    ksrv_status_t st = KSRV_STATUS_INIT;
    s->openapi = ksrv_openapi_new(NULL, &st);
    ksrv_status_reset(&st);
    /* a fresh cluster has these namespaces */
    create_namespace(s, "default");
    create_namespace(s, "kube-system");
    create_namespace(s, "kube-public");
    create_namespace(s, "kube-node-lease");
    int rc = 0;
    if (opts->tls) {
        if (opts->cert_file && opts->key_file && opts->ca_cert_file) {
            rc = tls_load(s);
        } else {
            if (opts->cert_dir) {
                s->cert_dir = strdup(opts->cert_dir);
            } else {
                char tmpl[] = "/tmp/kc-apiserver-XXXXXX";
                if (!mkdtemp(tmpl)) rc = -errno;
                else {
                    s->cert_dir = strdup(tmpl);
                    s->cert_dir_owned = true;
                }
            }
            if (!rc) rc = tls_generate(s);
        }
    }
    s->opt.cert_dir = NULL;
    s->opt.ca_cert_file = s->opt.cert_file = s->opt.key_file = NULL;
    if (!rc && http_start(s)) rc = -EADDRINUSE;
    if (rc) {
        kc_apiserver_stop((kc_apiserver_t *)s);
        return rc < 0 ? rc : -EIO;
    }
    *out = (kc_apiserver_t *)s;
    return 0;
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw) {
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

void kc_apiserver_stop(kc_apiserver_t *srv) {
    server_t *s = (server_t *)srv;
    if (!s) return;
    pthread_mutex_lock(&s->fmu);
    bool restarting = s->restart_started;
    s->restart_started = false;
    pthread_mutex_unlock(&s->fmu);
    if (restarting) pthread_join(s->restart_thread, NULL); /* an admin restart in flight */
    http_stop(s);
    pthread_mutex_lock(&s->mu);
    history_free(s);
    store_free_all(s);
    resources_free(s);
    pthread_mutex_unlock(&s->mu);
    ksrv_openapi_free(s->openapi);
    for (size_t i = 0; i < s->n_tokens; i++) {
        free((char *)s->tokens[i].token);
        free((char *)s->tokens[i].user);
        free((char *)s->tokens[i].groups);
    }
    free(s->tokens);
    if (s->cert_dir_owned && s->cert_dir) nftw(s->cert_dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(s->cert_dir);
    free(s->ca_pem);
    free(s->cert_pem);
    free(s->key_pem);
    free(s->client_cert_pem);
    free(s->client_key_pem);
    free(s->ca_file);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->fmu);
    free(s);
}

int kc_apiserver_restart(kc_apiserver_t *srv) {
    server_t *s = (server_t *)srv;
    http_stop(s);
    for (int i = 0; i < 50; i++) {
        if (http_start(s) == 0) return 0;
        usleep(20000);
    }
    return -EADDRINUSE;
}

const char *kc_apiserver_url(const kc_apiserver_t *srv) { return ((const server_t *)srv)->url; }
uint16_t kc_apiserver_port(const kc_apiserver_t *srv) { return ((const server_t *)srv)->port; }
const char *kc_apiserver_ca_file(const kc_apiserver_t *srv) {
    return ((const server_t *)srv)->ca_file;
}

uint64_t kc_apiserver_resource_version(const kc_apiserver_t *srv) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->mu);
    uint64_t rv = s->rv;
    pthread_mutex_unlock(&s->mu);
    return rv;
}

static char *b64(const char *s) {
    gnutls_datum_t in = {(unsigned char *)s, (unsigned)strlen(s)}, out = {NULL, 0};
    if (gnutls_base64_encode2(&in, &out) < 0) return strdup("");
    char *r = strndup((const char *)out.data, out.size);
    gnutls_free(out.data);
    return r;
}

int kc_apiserver_write_kubeconfig(const kc_apiserver_t *srv, const char *path) {
    const server_t *s = (const server_t *)srv;
    FILE *f = fopen(path, "w");
    if (!f) return -errno;
    fprintf(f, "apiVersion: v1\nkind: Config\nclusters:\n- name: kc-apiserver\n  cluster:\n"
               "    server: %s\n", s->url);
    if (s->ca_pem) {
        char *ca = b64(s->ca_pem);
        fprintf(f, "    certificate-authority-data: %s\n", ca);
        free(ca);
    }
    fprintf(f, "users:\n- name: kc-admin\n  user:\n");
    if (s->n_tokens) {
        fprintf(f, "    token: %s\n", s->tokens[0].token);
    } else if (s->client_cert_pem && s->client_key_pem) {
        char *c = b64(s->client_cert_pem), *k = b64(s->client_key_pem);
        fprintf(f, "    client-certificate-data: %s\n    client-key-data: %s\n", c, k);
        free(c);
        free(k);
    } else {
        fprintf(f, "    {}\n");
    }
    fprintf(f, "contexts:\n- name: kc-apiserver\n  context:\n    cluster: kc-apiserver\n"
               "    user: kc-admin\n    namespace: default\ncurrent-context: kc-apiserver\n");
    if (fclose(f)) return -errno;
    return 0;
}
