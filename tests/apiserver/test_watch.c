/* test_watch.c — many concurrent watchers and a slow one, against the test API server.
 *
 *  1. 100 watchers follow one namespace while a writer creates objects: every watcher sees
 *     every event once, in resourceVersion order (a watcher the server closes for lagging
 *     resumes from its last resourceVersion, as client-go does, and still misses nothing).
 *  2. A watcher that never reads (a small receive window) while a writer writes megabytes:
 *     the writer's time with and without it stays bounded (writers never wait for watchers);
 *     when the slow watcher finally reads, it gets a gap-free prefix of the events and then
 *     the end of the stream (terminating chunk), like kube-apiserver closing a watcher whose
 *     buffer filled; resuming from its last resourceVersion brings the rest.
 *
 * Prints "N passed, N failed". Loopback only; every wait bounded. */
#define _GNU_SOURCE
#include "kc_apiserver.h"
#include "test_client.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdatomic.h>

#define N_WATCHERS 100
#define N_EVENTS 1000    /* phase 1: small objects */
#define N_BIG 1000       /* phase 2: objects of BIG_BYTES */
#define BIG_BYTES 8192
#define WATCH_BUFFER 64  /* events a watcher may lag before the server closes it */
#define BOUND_MS 120000  /* generous: ThreadSanitizer is slow */

static uint16_t port;
static bool t_ok;

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "    FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
            t_ok = false;                                                       \
        }                                                                       \
    } while (0)

/* Creates configmaps ns/c-0000... with `bytes` of data each; returns the time taken (ms)
 * or 0 on a failed write. */
static uint64_t write_objects(const char *ns, int n, size_t bytes) {
    char *data = malloc(bytes + 1);
    if (!data) abort();
    memset(data, 'd', bytes);
    data[bytes] = 0;
    char path[128];
    snprintf(path, sizeof path, "/api/v1/namespaces/%s/configmaps", ns);
    uint64_t t0 = tc_now_ms();
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        char *body = NULL;
        if (asprintf(&body, "{\"metadata\":{\"name\":\"c-%04d\"},\"data\":{\"d\":\"%s\"}}", i, data) < 0)
            abort();
        tc_conn_t c;
        int st = tc_request(&c, port, "POST", path, "application/json", body, 30000);
        if (st != 201) {
            fprintf(stderr, "    write %d: %d\n", i, st);
            ok = false;
        }
        tc_close(&c);
        free(body);
    }
    free(data);
    uint64_t d = tc_now_ms() - t0;
    return ok ? (d ? d : 1) : 0;
}

static void create_ns(const char *ns) {
    char body[128];
    snprintf(body, sizeof body, "{\"metadata\":{\"name\":\"%s\"}}", ns);
    tc_conn_t c;
    int st = tc_request(&c, port, "POST", "/api/v1/namespaces", "application/json", body, 30000);
    tc_close(&c);
    if (st != 201) {
        fprintf(stderr, "cannot create namespace %s: %d\n", ns, st);
        exit(1);
    }
}

/* ---- a following watcher ---- */
typedef struct follower {
    const char *ns;
    uint64_t from_rv;
    int want;
    atomic_int *ready;  /* incremented once the first watch is established */
    /* results */
    int seen, resumes, errors;
    bool in_order;
    char err[256];
} follower_t;

/* Consumes the complete lines of w's body. Returns false on a malformed or unexpected event. */
static bool consume(follower_t *f, tc_conn_t *w, uint64_t *last_rv) {
    size_t off = 0;
    for (;;) {
        char *nl = memchr(w->body + off, '\n', w->body_len - off);
        if (!nl) break;
        size_t start = off;
        cJSON *e = cJSON_ParseWithLength(w->body + off, (size_t)(nl - (w->body + off)));
        off = (size_t)(nl - w->body) + 1;
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(e, "type");
        const cJSON *md = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(e, "object"), "metadata");
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(md, "name");
        const cJSON *rv = cJSON_GetObjectItemCaseSensitive(md, "resourceVersion");
        char want[16];
        snprintf(want, sizeof want, "c-%04d", f->seen);
        if (!cJSON_IsString(type) || strcmp(type->valuestring, "ADDED") || !cJSON_IsString(name) ||
            !cJSON_IsString(rv) || strcmp(name->valuestring, want) ||
            strtoull(rv->valuestring, NULL, 10) <= *last_rv) {
            snprintf(f->err, sizeof f->err, "event %d: want ADDED %s after rv %llu, got %.120s", f->seen,
                     want, (unsigned long long)*last_rv, w->body + start);
            f->in_order = false;
            cJSON_Delete(e);
            return false;
        }
        *last_rv = strtoull(rv->valuestring, NULL, 10);
        f->seen++;
        cJSON_Delete(e);
    }
    memmove(w->body, w->body + off, w->body_len - off);
    w->body_len -= off;
    w->body[w->body_len] = 0;
    return true;
}

static int open_watch(tc_conn_t *w, const char *ns, uint64_t rv, int rcvbuf) {
    if (tc_open(w, port, rcvbuf)) return -1;
    w->keepalive = true;
    char path[256];
    snprintf(path, sizeof path, "/api/v1/namespaces/%s/configmaps?watch=1&resourceVersion=%llu&timeoutSeconds=300",
             ns, (unsigned long long)rv);
    if (tc_send(w, "GET", path, NULL, NULL)) return -1;
    return tc_wait_head(w, 30000);
}

static void *follow(void *arg) {
    follower_t *f = arg;
    f->in_order = true;
    uint64_t last = f->from_rv, end = tc_now_ms() + BOUND_MS;
    bool first = true;
    while (f->seen < f->want && tc_now_ms() < end) {
        tc_conn_t w;
        int st = open_watch(&w, f->ns, last, 0);
        if (first) {
            atomic_fetch_add(f->ready, 1);
            first = false;
        }
        if (st != 200) {
            f->errors++;
            tc_close(&w);
            struct timespec ts = {0, 50 * 1000000L};
            nanosleep(&ts, NULL);
            continue;
        }
        while (f->seen < f->want && !w.complete && !w.eof && tc_now_ms() < end) {
            tc_pump(&w, 1000);
            if (!consume(f, &w, &last)) break;
        }
        if (!f->in_order) {
            tc_close(&w);
            break;
        }
        if (f->seen < f->want) f->resumes++; /* the server ended the stream: resume */
        tc_close(&w);
    }
    return NULL;
}

static uint64_t current_rv(kc_apiserver_t *srv) { return kc_apiserver_resource_version(srv); }

/* 1: 100 watchers follow while a writer writes */
static void test_many_watchers(kc_apiserver_t *srv) {
    create_ns("many");
    atomic_int ready = 0;
    follower_t f[N_WATCHERS];
    pthread_t th[N_WATCHERS];
    uint64_t rv0 = current_rv(srv);
    for (int i = 0; i < N_WATCHERS; i++) {
        f[i] = (follower_t){.ns = "many", .from_rv = rv0, .want = N_EVENTS, .ready = &ready};
        if (pthread_create(&th[i], NULL, follow, &f[i])) abort();
    }
    uint64_t t0 = tc_now_ms();
    while (atomic_load(&ready) < N_WATCHERS && tc_now_ms() - t0 < 30000) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    uint64_t wt = write_objects("many", N_EVENTS, 64);
    CHECK(wt > 0 && wt < BOUND_MS, "writer: %llu ms", (unsigned long long)wt);
    int complete = 0, resumes = 0;
    for (int i = 0; i < N_WATCHERS; i++) {
        pthread_join(th[i], NULL);
        if (f[i].seen == N_EVENTS && f[i].in_order) complete++;
        else if (complete + 3 > i) fprintf(stderr, "    watcher %d: %d/%d events %s\n", i, f[i].seen, N_EVENTS, f[i].err);
        resumes += f[i].resumes;
    }
    printf("    %d watchers x %d events: writer %llu ms, all watchers done after %llu ms, %d resumes\n",
           N_WATCHERS, N_EVENTS, (unsigned long long)wt, (unsigned long long)(tc_now_ms() - t0), resumes);
    CHECK(complete == N_WATCHERS, "%d of %d watchers saw every event in order", complete, N_WATCHERS);
}

/* 2: a watcher that never reads */
static void test_slow_watcher(kc_apiserver_t *srv) {
    create_ns("fast");
    create_ns("slow");
    uint64_t t_without = write_objects("fast", N_BIG, BIG_BYTES);

    uint64_t rv0 = current_rv(srv);
    tc_conn_t slow;
    CHECK(open_watch(&slow, "slow", rv0, 4096) == 200, "slow watch established");
    uint64_t t_with = write_objects("slow", N_BIG, BIG_BYTES);
    printf("    writer, %d x %d bytes: %llu ms without the slow watcher, %llu ms with it\n", N_BIG,
           BIG_BYTES, (unsigned long long)t_without, (unsigned long long)t_with);
    CHECK(t_without > 0 && t_without < BOUND_MS, "writer without: %llu ms", (unsigned long long)t_without);
    CHECK(t_with > 0 && t_with < BOUND_MS, "writer with a slow watcher: %llu ms", (unsigned long long)t_with);

    /* now it reads: what was in flight, then the end of the stream */
    follower_t f = {.ns = "slow", .from_rv = rv0, .want = N_BIG, .in_order = true};
    uint64_t last = rv0, end = tc_now_ms() + 60000;
    while (!slow.complete && !slow.eof && tc_now_ms() < end) {
        tc_pump(&slow, 1000);
        if (!consume(&f, &slow, &last)) break;
    }
    CHECK(f.in_order, "%s", f.err);
    CHECK(slow.complete, "the server ended the slow watch cleanly (terminating chunk; eof=%d)", slow.eof);
    CHECK(f.seen < N_BIG, "the slow watcher was closed before the end (%d of %d events)", f.seen, N_BIG);
    printf("    slow watcher: closed after %d of %d events; resuming from rv %llu\n", f.seen, N_BIG,
           (unsigned long long)last);
    tc_close(&slow);

    /* resume from the last resourceVersion seen: the rest arrives, nothing lost */
    tc_conn_t w;
    CHECK(open_watch(&w, "slow", last, 0) == 200, "resume");
    end = tc_now_ms() + 60000;
    while (f.seen < N_BIG && !w.complete && !w.eof && tc_now_ms() < end) {
        tc_pump(&w, 1000);
        if (!consume(&f, &w, &last)) break;
    }
    CHECK(f.in_order, "%s", f.err);
    CHECK(f.seen == N_BIG, "after resuming: %d of %d events", f.seen, N_BIG);
    tc_close(&w);
}

int main(void) {
    kc_apiserver_options_t o = KC_APISERVER_OPTIONS_INIT;
    o.allow_anonymous = true;
    o.watch_buffer = WATCH_BUFFER;
    o.history_size = 20000;
    kc_apiserver_t *srv;
    if (kc_apiserver_start(&srv, &o)) {
        fprintf(stderr, "cannot start the server\n");
        return 1;
    }
    port = kc_apiserver_port(srv);
    struct {
        const char *name;
        void (*fn)(kc_apiserver_t *);
    } tests[] = {{"many_watchers", test_many_watchers}, {"slow_watcher", test_slow_watcher}};
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        t_ok = true;
        uint64_t t0 = tc_now_ms();
        tests[i].fn(srv);
        printf("%s %s (%llu ms)\n", t_ok ? "ok  " : "FAIL", tests[i].name,
               (unsigned long long)(tc_now_ms() - t0));
        fflush(stdout);
        if (t_ok) passed++;
        else failed++;
    }
    kc_apiserver_stop(srv);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
