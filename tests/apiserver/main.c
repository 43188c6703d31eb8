/* kc-apiserver — the test API server as a program: serve until SIGINT/SIGTERM. */
#define _GNU_SOURCE
#include "kc_apiserver.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static void usage(FILE *f) {
    fputs("usage: kc-apiserver [options]\n"
          "  --port N                listen on 127.0.0.1:N (default 0: a free port)\n"
          "  --tls                   serve HTTPS (certificates generated unless given)\n"
          "  --cert-dir DIR          where generated certificates go\n"
          "  --ca-cert F --cert F --key F   PEM files to use instead\n"
          "  --token T[:USER[:GROUPS]]      accept this bearer token (repeatable)\n"
          "  --anonymous             allow unauthenticated requests\n"
          "  --write-kubeconfig F    write a kubeconfig for this server\n"
          "  --history N             watch history size (default 10000)\n"
          "  --watch-buffer N        events a watcher may lag before it is closed\n"
          "  --bookmark-interval-ms N\n"
          "  --log                   log each request on stderr\n"
          "Without --tls and --token, anonymous requests are allowed (kubectl sends no token over\n"
          "plain HTTP); with --tls the kubeconfig uses the first token or a generated client cert.\n",
          f);
}

int main(int argc, char **argv) {
    kc_apiserver_options_t o = KC_APISERVER_OPTIONS_INIT;
    kc_apiserver_token_t toks[16];
    char *tokbufs[16] = {0};
    size_t nt = 0;
    const char *kubeconfig = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define ARG(name) (!strcmp(a, name) && v && ++i)
        if (ARG("--port")) o.port = (uint16_t)atoi(v);
        else if (!strcmp(a, "--tls")) o.tls = true;
        else if (ARG("--cert-dir")) o.cert_dir = v;
        else if (ARG("--ca-cert")) o.ca_cert_file = v;
        else if (ARG("--cert")) o.cert_file = v;
        else if (ARG("--key")) o.key_file = v;
        else if (ARG("--token")) {
            if (nt == 16) continue;
            char *t = strdup(v);
            tokbufs[nt] = t;
            char *user = strchr(t, ':'), *groups = NULL;
            if (user) {
                *user++ = 0;
                groups = strchr(user, ':');
                if (groups) *groups++ = 0;
            }
            toks[nt++] = (kc_apiserver_token_t){t, user ? user : "kc-admin",
                                                groups ? groups : "system:masters"};
        } else if (!strcmp(a, "--anonymous")) o.allow_anonymous = true;
        else if (ARG("--write-kubeconfig")) kubeconfig = v;
        else if (ARG("--history")) o.history_size = (size_t)atol(v);
        else if (ARG("--watch-buffer")) o.watch_buffer = (size_t)atol(v);
        else if (ARG("--bookmark-interval-ms")) o.bookmark_interval_ms = (unsigned)atoi(v);
        else if (!strcmp(a, "--log")) o.log = true;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "kc-apiserver: unknown or incomplete option %s\n", a);
            usage(stderr);
            return 2;
        }
#undef ARG
    }
    /* kubectl sends no bearer token over plain HTTP: without TLS or tokens, allow anonymous */
    if (!nt && !o.tls) o.allow_anonymous = true;
    o.tokens = toks;
    o.n_tokens = nt;
    /* SIGINT/SIGTERM are blocked in every thread (the server's threads inherit this mask)
     * and taken by sigwait below: no handler that may run on another thread while the main
     * one sleeps (which made a stop under valgrind hang) */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    kc_apiserver_t *srv;
    int rc = kc_apiserver_start(&srv, &o);
    if (rc) {
        fprintf(stderr, "kc-apiserver: cannot start: %s\n", strerror(-rc));
        return 1;
    }
    if (kubeconfig && kc_apiserver_write_kubeconfig(srv, kubeconfig)) {
        fprintf(stderr, "kc-apiserver: cannot write %s\n", kubeconfig);
        kc_apiserver_stop(srv);
        return 1;
    }
    printf("kc-apiserver listening on %s\n", kc_apiserver_url(srv));
    fflush(stdout);
    int sig = 0;
    while (sigwait(&stop_signals, &sig) != 0) {
    }
    kc_apiserver_stop(srv);
    for (size_t i = 0; i < nt; i++) free(tokbufs[i]);
    return 0;
}
