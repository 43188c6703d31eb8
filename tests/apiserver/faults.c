/* faults.c — fault injection for tests: the C API of kc_apiserver.h and the loopback-only
 * admin endpoint (/kc-admin/<fault>?...) that exposes the same knobs to scripts. */
#define _GNU_SOURCE
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void kc_apiserver_fault_drop_watches(kc_apiserver_t *srv) { watchers_drop_all((server_t *)srv); }

void kc_apiserver_fault_compact(kc_apiserver_t *srv) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->mu);
    history_compact(s);
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void kc_apiserver_fault_delay(kc_apiserver_t *srv, unsigned ms) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->fmu);
    s->faults.delay_ms = ms;
    pthread_mutex_unlock(&s->fmu);
}

void kc_apiserver_fault_fail_next(kc_apiserver_t *srv, unsigned n, int code,
                                  unsigned retry_after_s) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->fmu);
    s->faults.fail_n = n;
    s->faults.fail_code = code == 429 ? 429 : 500;
    s->faults.retry_after = retry_after_s;
    pthread_mutex_unlock(&s->fmu);
}

void kc_apiserver_fault_cut_next(kc_apiserver_t *srv, unsigned n, size_t after_bytes) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->fmu);
    s->faults.cut_n = n;
    s->faults.cut_after = after_bytes;
    pthread_mutex_unlock(&s->fmu);
}

void kc_apiserver_fault_split_chunks(kc_apiserver_t *srv, size_t bytes) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->fmu);
    s->faults.split = bytes;
    pthread_mutex_unlock(&s->fmu);
}

void kc_apiserver_fault_clear(kc_apiserver_t *srv) {
    server_t *s = (server_t *)srv;
    pthread_mutex_lock(&s->fmu);
    memset(&s->faults, 0, sizeof s->faults);
    pthread_mutex_unlock(&s->fmu);
}

bool faults_take_cut(server_t *s, size_t *after) {
    bool cut = false;
    pthread_mutex_lock(&s->fmu);
    if (s->faults.cut_n) {
        s->faults.cut_n--;
        *after = s->faults.cut_after;
        cut = true;
    }
    pthread_mutex_unlock(&s->fmu);
    return cut;
}

int faults_before(req_t *r) {
    server_t *s = r->s;
    pthread_mutex_lock(&s->fmu);
    unsigned delay = s->faults.delay_ms;
    int code = 0;
    unsigned retry = 0;
    if (s->faults.fail_n) {
        s->faults.fail_n--;
        code = s->faults.fail_code;
        retry = s->faults.retry_after;
    }
    pthread_mutex_unlock(&s->fmu);
    if (delay) {
        struct timespec ts = {(time_t)(delay / 1000), (long)(delay % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    if (code == 429) {
        /* what the API priority and fairness filter answers when it rejects a request */
        cJSON *d = cJSON_CreateObject();
        cJSON_AddNumberToObject(d, "retryAfterSeconds", retry ? retry : 1);
        char ra[16];
        snprintf(ra, sizeof ra, "%u", retry ? retry : 1);
        send_status_retry(r, 429, "TooManyRequests", "Too many requests, please try again later.",
                          d, ra);
        return 1;
    }
    if (code == 500) {
        err_internal(r, "injected fault");
        return 1;
    }
    return 0;
}

/* ---- /kc-admin ---- */
static unsigned qnum(req_t *r, const char *k, unsigned dflt) {
    const char *v = q_get(r, k);
    uint64_t n;
    return v && parse_u64(v, &n) ? (unsigned)n : dflt;
}

static void *restart_later(void *arg) {
    struct timespec ts = {0, 100 * 1000000L};
    nanosleep(&ts, NULL);
    kc_apiserver_restart(arg);
    return NULL;
}

int handle_admin(req_t *r) {
    server_t *s = r->s;
    kc_apiserver_t *k = (kc_apiserver_t *)s;
    const char *what = r->url + 10;
    if (!strcmp(what, "drop-watches")) kc_apiserver_fault_drop_watches(k);
    else if (!strcmp(what, "compact")) kc_apiserver_fault_compact(k);
    else if (!strcmp(what, "delay")) kc_apiserver_fault_delay(k, qnum(r, "ms", 0));
    else if (!strcmp(what, "fail"))
        kc_apiserver_fault_fail_next(k, qnum(r, "n", 1), (int)qnum(r, "code", 500),
                                     qnum(r, "retryAfter", 1));
    else if (!strcmp(what, "cut")) kc_apiserver_fault_cut_next(k, qnum(r, "n", 1), qnum(r, "after", 10));
    else if (!strcmp(what, "split")) kc_apiserver_fault_split_chunks(k, qnum(r, "bytes", 1));
    else if (!strcmp(what, "clear")) kc_apiserver_fault_clear(k);
    else if (!strcmp(what, "restart")) {
        /* restarts from another thread after this answer has gone; kc_apiserver_stop joins
         * it (a detached one could outlive the server) */
        pthread_mutex_lock(&s->fmu);
        bool prev = s->restart_started;
        pthread_t pt = s->restart_thread;
        s->restart_started = false;
        pthread_mutex_unlock(&s->fmu);
        if (prev) pthread_join(pt, NULL); /* finished: this request came through its daemon */
        pthread_t t;
        if (pthread_create(&t, NULL, restart_later, s) == 0) {
            pthread_mutex_lock(&s->fmu);
            s->restart_thread = t;
            s->restart_started = true;
            pthread_mutex_unlock(&s->fmu);
        }
    } else if (strcmp(what, "rv")) return send_not_found_page(r);
    char out[64];
    snprintf(out, sizeof out, "{\"resourceVersion\":\"%llu\"}",
             (unsigned long long)kc_apiserver_resource_version(k));
    char *body = strdup(out);
    return send_bytes(r, 200, "application/json", body, strlen(body));
}
