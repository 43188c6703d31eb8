/* test_faults.c — each fault of the test API server (kc_apiserver.h, and the loopback-only
 * /kc-admin endpoint) shown from a client's side, on the wire: the bytes a client receives
 * are what a real kube-apiserver sends in that situation (410 answers compared with the
 * recorded ones in tests/testdata/kube-apiserver/expiry-and-410.json).
 *
 *   apiserver_faults_test [TESTDATA_DIR]
 *
 * Every test starts its own server on a free loopback port and stops it (so the valgrind
 * run also checks that start/stop frees everything). Prints "N passed, N failed". */
#define _GNU_SOURCE
#include "kc_apiserver.h"
#include "test_client.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>

#ifndef KC_TESTDATA
#define KC_TESTDATA "tests/testdata/kube-apiserver"
#endif

static const char *testdata = KC_TESTDATA;
static bool t_ok;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "    FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            t_ok = false;                                                   \
        }                                                                   \
    } while (0)

#define T_MS 10000 /* bound for any single wait (valgrind is slow) */

/* ---- helpers ---- */

static kc_apiserver_t *start_server(void) {
    kc_apiserver_options_t o = KC_APISERVER_OPTIONS_INIT;
    o.allow_anonymous = true;
    kc_apiserver_t *srv = NULL;
    if (kc_apiserver_start(&srv, &o) != 0) {
        fprintf(stderr, "cannot start the server\n");
        exit(1);
    }
    return srv;
}

/* A request on a fresh connection; returns the status. */
static int req(uint16_t port, tc_conn_t *c, const char *method, const char *path, const char *body) {
    return tc_request(c, port, method, path, body ? "application/json" : NULL, body, T_MS);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    char *s = NULL;
    if (vasprintf(&s, f, ap) < 0) abort();
    va_end(ap);
    return s;
}

static const char *jstr(const cJSON *j, const char *a, const char *b) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(j, a);
    if (b) x = cJSON_GetObjectItemCaseSensitive(x, b);
    return cJSON_IsString(x) ? x->valuestring : NULL;
}

/* Creates (or, with rv, updates) configmap ns/name; returns its resourceVersion (0 on error). */
static uint64_t put_cm(uint16_t port, const char *ns, const char *name, const char *value) {
    char *body = fmt("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\","
                     "\"labels\":{\"app\":\"faults\"}},\"data\":{\"v\":\"%s\"}}",
                     name, value);
    char *path = fmt("/api/v1/namespaces/%s/configmaps", ns);
    tc_conn_t c;
    int st = req(port, &c, "POST", path, body);
    uint64_t rv = 0;
    if (st == 201) {
        cJSON *j = cJSON_Parse(c.body);
        const char *r = jstr(cJSON_GetObjectItemCaseSensitive(j, "metadata"), "resourceVersion", NULL);
        if (r) rv = strtoull(r, NULL, 10);
        cJSON_Delete(j);
    } else {
        fprintf(stderr, "    create %s: %d %s\n", name, st, c.body ? c.body : "");
    }
    tc_close(&c);
    free(body);
    free(path);
    return rv;
}

/* Opens a watch (keep-alive, like client-go) and waits for its head. */
static int open_watch(tc_conn_t *w, uint16_t port, const char *query) {
    if (tc_open(w, port, 0)) return -1;
    w->keepalive = true;
    char *path = fmt("/api/v1/namespaces/default/configmaps?watch=1&%s", query);
    int rc = tc_send(w, "GET", path, NULL, NULL);
    free(path);
    if (rc) return -1;
    return tc_wait_head(w, T_MS);
}

/* The n-th (0-based) line of a watch body, parsed. */
static cJSON *event_at(const tc_conn_t *w, size_t n) {
    const char *p = w->body;
    for (size_t i = 0; p && i < n; i++) {
        p = strchr(p, '\n');
        if (p) p++;
    }
    if (!p || !*p) return NULL;
    const char *e = strchr(p, '\n');
    return cJSON_ParseWithLength(p, e ? (size_t)(e - p) : strlen(p));
}

static bool event_is(const tc_conn_t *w, size_t n, const char *type, const char *name) {
    cJSON *e = event_at(w, n);
    const char *t = jstr(e, "type", NULL);
    const char *nm = jstr(cJSON_GetObjectItemCaseSensitive(e, "object"), "metadata", "name");
    bool ok = t && !strcmp(t, type) && (!name || (nm && !strcmp(nm, name)));
    cJSON_Delete(e);
    return ok;
}

/* digits runs → "0": compares messages that quote resourceVersions */
static char *digits_norm(const char *s) {
    char *o = malloc(strlen(s) + 1), *q = o;
    if (!o) abort();
    while (*s) {
        if (isdigit((unsigned char)*s)) {
            *q++ = '0';
            while (isdigit((unsigned char)*s)) s++;
        } else {
            *q++ = *s++;
        }
    }
    *q = 0;
    return o;
}

/* The recorded response of a step of a scenario file (a new reference), or NULL. */
static cJSON *recorded(const char *file, const char *label) {
    char *p = fmt("%s/%s", testdata, file);
    FILE *f = fopen(p, "rb");
    free(p);
    if (!f) return NULL;
    char *data = NULL;
    size_t len = 0, cap = 0, n;
    char tmp[65536];
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            data = realloc(data, cap);
            if (!data) abort();
        }
        memcpy(data + len, tmp, n);
        len += n;
    }
    fclose(f);
    if (!data) return NULL;
    data[len] = 0;
    cJSON *doc = cJSON_Parse(data);
    free(data);
    cJSON *out = NULL, *step;
    cJSON_ArrayForEach(step, cJSON_GetObjectItemCaseSensitive(doc, "steps")) {
        const char *l = jstr(step, "label", NULL);
        if (l && !strcmp(l, label)) {
            out = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(step, "response"), true);
            break;
        }
    }
    cJSON_Delete(doc);
    return out;
}

static char *b64url_decode(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 1), *q = out;
    if (!out) abort();
    unsigned v = 0;
    int bits = 0;
    for (; *s; s++) {
        const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        const char *d = strchr(al, *s);
        if (!d) break;
        v = (v << 6) | (unsigned)(d - al);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *q++ = (char)((v >> bits) & 0xff);
        }
    }
    *q = 0;
    return out;
}

/* ---- the tests ---- */

/* drop-watches: every open watch ends now, cleanly: the events already sent stay whole and
 * the chunked body ends with its terminating chunk (what a client sees when kube-apiserver
 * ends watches, e.g. when its watch cache re-initializes); the client then resumes. */
static void test_drop_watches(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    tc_conn_t w;
    CHECK(open_watch(&w, port, "timeoutSeconds=60") == 200, "watch head");
    CHECK(w.chunked, "watch streams are chunked");
    uint64_t rv_a = put_cm(port, "default", "drop-a", "1");
    CHECK(tc_wait_lines(&w, 1, T_MS) == 1, "ADDED drop-a arrives");
    CHECK(event_is(&w, 0, "ADDED", "drop-a"), "first event %s", w.body);
    uint64_t t0 = tc_now_ms();
    kc_apiserver_fault_drop_watches(srv);
    CHECK(tc_finish(&w, T_MS) == 0, "the stream ends with its terminating chunk (eof=%d)", w.eof);
    CHECK(tc_now_ms() - t0 < 5000, "ended promptly");
    CHECK(tc_count_lines(&w) == 1 && w.body[w.body_len - 1] == '\n', "only whole events: %s", w.body);
    tc_close(&w);

    /* a client resumes from the last resourceVersion it saw and misses nothing */
    put_cm(port, "default", "drop-b", "1");
    char *q = fmt("resourceVersion=%llu&timeoutSeconds=60", (unsigned long long)rv_a);
    CHECK(open_watch(&w, port, q) == 200, "resume");
    free(q);
    CHECK(tc_wait_lines(&w, 1, T_MS) == 1 && event_is(&w, 0, "ADDED", "drop-b"), "resumed: %s", w.body);

    /* the same through the admin endpoint */
    tc_conn_t a;
    CHECK(req(port, &a, "POST", "/kc-admin/drop-watches", NULL) == 200, "admin drop-watches");
    tc_close(&a);
    CHECK(tc_finish(&w, T_MS) == 0, "admin: the stream ends with its terminating chunk");
    tc_close(&w);
    kc_apiserver_stop(srv);
}

/* compact: resuming from an older resourceVersion gets the ERROR event with the 410 Expired
 * Status, a continue token issued earlier gets 410 with an inconsistent-continue token, an
 * Exact list at an older rv gets 410 — each byte for byte as recorded (numbers aside). */
static void test_compact(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    uint64_t rv1 = put_cm(port, "default", "churn-0", "0");
    put_cm(port, "default", "churn-1", "1");
    put_cm(port, "default", "churn-2", "2");
    tc_conn_t c;
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps?limit=2", NULL) == 200, "list");
    cJSON *l = cJSON_Parse(c.body);
    const char *lc = jstr(cJSON_GetObjectItemCaseSensitive(l, "metadata"), "continue", NULL);
    const char *lr = jstr(cJSON_GetObjectItemCaseSensitive(l, "metadata"), "resourceVersion", NULL);
    char *cont = strdup(lc ? lc : ""), *list_rv = strdup(lr ? lr : "");
    cJSON_Delete(l);
    tc_close(&c);
    CHECK(*cont && *list_rv, "continue token and list resourceVersion");

    tc_conn_t live;
    CHECK(open_watch(&live, port, "timeoutSeconds=60") == 200, "live watch");
    kc_apiserver_fault_compact(srv);

    /* watch from an old rv */
    tc_conn_t w;
    char *q = fmt("resourceVersion=%llu&timeoutSeconds=3", (unsigned long long)rv1);
    CHECK(open_watch(&w, port, q) == 200, "watch from an old rv answers 200 (the error is in the stream)");
    free(q);
    CHECK(tc_finish(&w, T_MS) == 0, "the stream ends cleanly after the ERROR event");
    cJSON *rec = recorded("expiry-and-410.json", "watch from a very old resourceVersion");
    const char *rec_line = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(rec, "lines"), 0)->valuestring;
    char *want = digits_norm(rec_line), *got_line = strndup(w.body, w.body_len ? w.body_len - 1 : 0);
    char *got = digits_norm(got_line);
    CHECK(!strcmp(want, got), "ERROR event\n      got  %s\n      want %s", got_line, rec_line);
    CHECK(tc_count_lines(&w) == 1, "exactly one line");
    unsigned long long a = 0, b = 0;
    const char *msg = strstr(got_line, "too old resource version: ");
    CHECK(msg && sscanf(msg, "too old resource version: %llu (%llu)", &a, &b) == 2, "message numbers");
    CHECK(a == rv1 && b > rv1, "too old resource version: %llu (%llu), asked %llu", a, b, (unsigned long long)rv1);
    free(want);
    free(got);
    free(got_line);
    cJSON_Delete(rec);
    tc_close(&w);

    /* a continue token from before the compaction */
    char *path = fmt("/api/v1/namespaces/default/configmaps?limit=2&continue=%s", cont);
    CHECK(req(port, &c, "GET", path, NULL) == 410, "old continue token: 410");
    free(path);
    char ct[128];
    CHECK(tc_header(&c, "Content-Type", ct, sizeof ct) && !strcmp(ct, "application/json"), "Content-Type");
    rec = recorded("expiry-and-410.json", "continue token after etcd compaction: Expired");
    cJSON *rj = cJSON_GetObjectItemCaseSensitive(rec, "json"), *oj = cJSON_Parse(c.body);
    cJSON *rm = cJSON_GetObjectItemCaseSensitive(rj, "metadata"), *om = cJSON_GetObjectItemCaseSensitive(oj, "metadata");
    const char *otok = jstr(om, "continue", NULL);
    CHECK(otok && *otok, "a fresh continue token in metadata");
    char *dec = otok ? b64url_decode(otok) : strdup("");
    cJSON *dj = cJSON_Parse(dec);
    CHECK(dj && cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(dj, "rv")) == -1 &&
              jstr(dj, "v", NULL) && !strcmp(jstr(dj, "v", NULL), "meta.k8s.io/v1"),
          "the new token is an inconsistent-continue token (rv -1): %s", dec);
    cJSON_Delete(dj);
    free(dec);
    cJSON_ReplaceItemInObjectCaseSensitive(rm, "continue", cJSON_CreateString("T"));
    if (om) cJSON_ReplaceItemInObjectCaseSensitive(om, "continue", cJSON_CreateString("T"));
    char *rs = cJSON_PrintUnformatted(rj), *os = cJSON_PrintUnformatted(oj);
    CHECK(os && !strcmp(rs, os), "410 body\n      got  %s\n      want %s", os, rs);
    free(rs);
    free(os);
    cJSON_Delete(oj);
    cJSON_Delete(rec);
    tc_close(&c);

    /* an Exact list at the old rv */
    path = fmt("/api/v1/namespaces/default/configmaps?resourceVersion=%s&resourceVersionMatch=Exact", list_rv);
    CHECK(req(port, &c, "GET", path, NULL) == 410, "Exact list at an old rv: 410");
    free(path);
    rec = recorded("expiry-and-410.json", "list exact resourceVersion after compaction");
    rs = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(rec, "json"));
    CHECK(c.body && !strcmp(rs, c.body), "410 body\n      got  %s\n      want %s", c.body, rs);
    free(rs);
    cJSON_Delete(rec);
    tc_close(&c);

    /* a watch that was open during the compaction goes on */
    put_cm(port, "default", "after-compact", "x");
    /* (a watch without resourceVersion starts with the 3 current objects as ADDED) */
    CHECK(tc_wait_lines(&live, 4, T_MS) == 4 && event_is(&live, 3, "ADDED", "after-compact"),
          "live watch outlives the compaction: %s", live.body);
    tc_close(&live);

    /* the admin endpoint compacts too */
    uint64_t rv_now = kc_apiserver_resource_version(srv);
    put_cm(port, "default", "before-admin-compact", "x");
    CHECK(req(port, &c, "POST", "/kc-admin/compact", NULL) == 200, "admin compact");
    tc_close(&c);
    q = fmt("resourceVersion=%llu&timeoutSeconds=3", (unsigned long long)rv_now);
    CHECK(open_watch(&w, port, q) == 200, "watch");
    free(q);
    tc_finish(&w, T_MS);
    CHECK(strstr(w.body ? w.body : "", "\"type\":\"ERROR\"") && strstr(w.body, "\"code\":410"),
          "admin compact: ERROR 410: %s", w.body);
    tc_close(&w);
    free(cont);
    free(list_rv);
    kc_apiserver_stop(srv);
}

/* delay: every answer is late by at least the configured time (and not unboundedly). */
static void test_delay(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    tc_conn_t c;
    kc_apiserver_fault_delay(srv, 300);
    uint64_t t0 = tc_now_ms();
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default", NULL) == 200, "GET");
    uint64_t d = tc_now_ms() - t0;
    tc_close(&c);
    CHECK(d >= 300 && d < 300 + T_MS, "delayed %llu ms, want >= 300", (unsigned long long)d);
    kc_apiserver_fault_delay(srv, 0);
    t0 = tc_now_ms();
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default", NULL) == 200, "GET");
    uint64_t d0 = tc_now_ms() - t0;
    tc_close(&c);
    CHECK(d0 < d, "undelayed %llu ms < delayed %llu ms", (unsigned long long)d0, (unsigned long long)d);
    /* through the admin endpoint (which is itself never delayed) */
    CHECK(req(port, &c, "POST", "/kc-admin/delay?ms=200", NULL) == 200, "admin delay");
    tc_close(&c);
    t0 = tc_now_ms();
    CHECK(req(port, &c, "GET", "/api/v1/namespaces", NULL) == 200, "GET");
    d = tc_now_ms() - t0;
    tc_close(&c);
    CHECK(d >= 200 && d < 200 + T_MS, "admin: delayed %llu ms, want >= 200", (unsigned long long)d);
    kc_apiserver_stop(srv);
}

/* N × 429: Retry-After header and the Status kube-apiserver writes for a TooManyRequests error
 * (apierrors.NewTooManyRequests: reason TooManyRequests, details.retryAfterSeconds; the
 * header comes from details.retryAfterSeconds), then normal answers again. */
static void test_429(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    tc_conn_t c;
    char v[256];
    kc_apiserver_fault_fail_next(srv, 2, 429, 3);
    for (int i = 0; i < 2; i++) {
        CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps", NULL) == 429, "429 #%d", i);
        CHECK(tc_header(&c, "Retry-After", v, sizeof v) && !strcmp(v, "3"), "Retry-After: 3");
        CHECK(tc_header(&c, "Content-Type", v, sizeof v) && !strcmp(v, "application/json"), "Content-Type");
        CHECK(c.body && !strcmp(c.body,
                  "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                  "\"message\":\"Too many requests, please try again later.\",\"reason\":"
                  "\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":3},\"code\":429}"),
              "body %s", c.body);
        tc_close(&c);
    }
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps", NULL) == 200, "then 200");
    tc_close(&c);
    /* a watch request is refused the same way */
    kc_apiserver_fault_fail_next(srv, 1, 429, 1);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1", NULL) == 429,
          "watch: 429");
    CHECK(tc_header(&c, "Retry-After", v, sizeof v) && !strcmp(v, "1"), "Retry-After: 1");
    tc_close(&c);
    /* through the admin endpoint */
    CHECK(req(port, &c, "POST", "/kc-admin/fail?n=1&code=429&retryAfter=2", NULL) == 200, "admin fail");
    tc_close(&c);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces", NULL) == 429, "admin: 429");
    CHECK(tc_header(&c, "Retry-After", v, sizeof v) && !strcmp(v, "2"), "admin: Retry-After: 2");
    CHECK(c.body && strstr(c.body, "\"details\":{\"retryAfterSeconds\":2}"), "admin: body %s", c.body);
    tc_close(&c);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces", NULL) == 200, "admin: then 200");
    tc_close(&c);
    kc_apiserver_stop(srv);
}

/* N × 500: the InternalError Status (apierrors.NewInternalError), no Retry-After. */
static void test_500(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    tc_conn_t c;
    char v[64];
    kc_apiserver_fault_fail_next(srv, 3, 500, 0);
    for (int i = 0; i < 3; i++) {
        const char *m = i == 1 ? "POST" : "GET";
        CHECK(req(port, &c, m, "/api/v1/namespaces/default/configmaps",
                  i == 1 ? "{\"metadata\":{\"name\":\"x\"}}" : NULL) == 500, "500 #%d", i);
        CHECK(!tc_header(&c, "Retry-After", v, sizeof v), "no Retry-After");
        CHECK(c.body && !strcmp(c.body,
                  "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                  "\"message\":\"Internal error occurred: injected fault\",\"reason\":\"InternalError\","
                  "\"details\":{\"causes\":[{\"message\":\"injected fault\"}]},\"code\":500}"),
              "body %s", c.body);
        tc_close(&c);
    }
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/x", NULL) == 404,
          "the failed POST created nothing");
    tc_close(&c);
    kc_apiserver_stop(srv);
}

/* cut: the body stops after N bytes and the connection closes. A whole answer announces its
 * Content-Length, so the client knows it is short; a watch stream stops without its
 * terminating chunk. */
static void test_cut(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    char big[4097];
    memset(big, 'x', 4096);
    big[4096] = 0;
    put_cm(port, "default", "big", big);
    tc_conn_t c;
    kc_apiserver_fault_cut_next(srv, 1, 100);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/big", NULL) == 200, "head 200");
    CHECK(c.eof && !c.complete, "connection closed before the body was whole");
    CHECK(c.body_len == 100, "got %zu bytes, want 100", c.body_len);
    CHECK(c.clen > 4096, "Content-Length announces the whole body (%lld)", c.clen);
    tc_close(&c);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/big", NULL) == 200 && c.complete &&
              (long long)c.body_len == c.clen,
          "the next answer is whole");
    tc_close(&c);

    /* a watch stream cut mid-event */
    tc_conn_t w;
    kc_apiserver_fault_cut_next(srv, 1, 300);
    CHECK(open_watch(&w, port, "resourceVersion=0&timeoutSeconds=30") == 200, "watch head");
    tc_finish(&w, T_MS);
    CHECK(w.eof && !w.complete, "watch: closed without the terminating chunk");
    CHECK(w.body_len == 300, "watch: got %zu bytes, want 300", w.body_len);
    tc_close(&w);

    /* through the admin endpoint */
    CHECK(req(port, &c, "POST", "/kc-admin/cut?n=1&after=10", NULL) == 200, "admin cut");
    tc_close(&c);
    req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/big", NULL);
    CHECK(c.eof && !c.complete && c.body_len == 10, "admin: cut after 10 bytes (%zu)", c.body_len);
    tc_close(&c);
    kc_apiserver_stop(srv);
}

/* split: bodies arrive in chunks of at most N bytes, splitting JSON documents and watch
 * events anywhere; reassembled, they are byte for byte what arrives unsplit. */
static void test_split(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    uint64_t rv0 = kc_apiserver_resource_version(srv);
    put_cm(port, "default", "s-1", "one");
    put_cm(port, "default", "s-2", "two");
    tc_conn_t ref, c;
    CHECK(req(port, &ref, "GET", "/api/v1/namespaces/default/configmaps", NULL) == 200, "list");
    kc_apiserver_fault_split_chunks(srv, 7);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps", NULL) == 200, "split list");
    CHECK(c.complete && c.chunked, "split list is complete and chunked");
    CHECK(c.max_chunk <= 7 && c.n_chunks >= c.body_len / 7, "chunks: %zu, largest %zu", c.n_chunks, c.max_chunk);
    CHECK(ref.body && c.body && !strcmp(ref.body, c.body), "reassembled list equals the unsplit one");
    tc_close(&c);
    tc_close(&ref);

    char *q = fmt("resourceVersion=%llu&timeoutSeconds=1", (unsigned long long)rv0);
    kc_apiserver_fault_split_chunks(srv, 0);
    CHECK(open_watch(&ref, port, q) == 200, "watch");
    CHECK(tc_finish(&ref, T_MS) == 0, "watch ends at its timeout");
    kc_apiserver_fault_split_chunks(srv, 5);
    CHECK(open_watch(&c, port, q) == 200, "split watch");
    CHECK(tc_finish(&c, T_MS) == 0, "split watch ends at its timeout");
    free(q);
    CHECK(tc_count_lines(&c) == 2 && event_is(&c, 0, "ADDED", "s-1") && event_is(&c, 1, "ADDED", "s-2"),
          "events: %s", c.body);
    CHECK(c.max_chunk <= 5 && c.n_chunks >= c.body_len / 5, "watch chunks: %zu, largest %zu", c.n_chunks,
          c.max_chunk);
    CHECK(ref.body && c.body && !strcmp(ref.body, c.body), "reassembled events equal the unsplit ones");
    tc_close(&c);
    tc_close(&ref);

    /* through the admin endpoint */
    CHECK(req(port, &c, "POST", "/kc-admin/split?bytes=3", NULL) == 200, "admin split");
    tc_close(&c);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/s-1", NULL) == 200 && c.complete &&
              c.max_chunk <= 3 && c.n_chunks > 10,
          "admin: chunks of 3 (%zu, largest %zu)", c.n_chunks, c.max_chunk);
    tc_close(&c);
    CHECK(req(port, &c, "POST", "/kc-admin/clear", NULL) == 200, "admin clear");
    tc_close(&c);
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/s-1", NULL) == 200 && !c.chunked,
          "cleared: whole body with Content-Length");
    tc_close(&c);
    kc_apiserver_stop(srv);
}

/* restart: connections close (watches too, mid-stream, like a server that went away), the
 * same port answers again with the same objects and resourceVersions, and a watch resumed
 * from the last resourceVersion a client saw continues without a gap. */
static void test_restart(void) {
    kc_apiserver_t *srv = start_server();
    uint16_t port = kc_apiserver_port(srv);
    uint64_t rv1 = put_cm(port, "default", "keep", "1");
    tc_conn_t c, w;
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/keep", NULL) == 200, "get");
    char *before = c.body ? strdup(c.body) : strdup("");
    tc_close(&c);
    char *q = fmt("resourceVersion=%llu&timeoutSeconds=60", (unsigned long long)rv1);
    CHECK(open_watch(&w, port, q) == 200, "watch");
    uint64_t grv = kc_apiserver_resource_version(srv);

    CHECK(kc_apiserver_restart(srv) == 0, "restart");
    CHECK(kc_apiserver_port(srv) == port, "same port");
    tc_finish(&w, T_MS);
    CHECK(w.eof, "the watch connection closed");
    tc_close(&w);
    CHECK(kc_apiserver_resource_version(srv) == grv, "resourceVersion kept");
    CHECK(req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/keep", NULL) == 200, "get after restart");
    CHECK(c.body && !strcmp(c.body, before), "the object is unchanged (uid, resourceVersion...)");
    tc_close(&c);
    free(before);
    uint64_t rv2 = put_cm(port, "default", "after", "2");
    CHECK(rv2 > grv, "resourceVersions go on increasing (%llu > %llu)", (unsigned long long)rv2,
          (unsigned long long)grv);
    CHECK(open_watch(&w, port, q) == 200, "resume");
    CHECK(tc_wait_lines(&w, 1, T_MS) == 1 && event_is(&w, 0, "ADDED", "after"), "resumed: %s", w.body);
    tc_close(&w);
    free(q);
    CHECK(req(port, &c, "GET", "/kc-admin/rv", NULL) == 200, "admin rv");
    char *want = fmt("{\"resourceVersion\":\"%llu\"}", (unsigned long long)kc_apiserver_resource_version(srv));
    CHECK(c.body && !strcmp(c.body, want), "admin rv: %s", c.body);
    free(want);
    tc_close(&c);
    CHECK(req(port, &c, "POST", "/kc-admin/no-such-fault", NULL) == 404, "admin: unknown fault 404");
    tc_close(&c);
    /* the admin endpoint restarts too (shortly after answering) */
    CHECK(open_watch(&w, port, "timeoutSeconds=60") == 200, "watch");
    CHECK(req(port, &c, "POST", "/kc-admin/restart", NULL) == 200, "admin restart");
    tc_close(&c);
    tc_finish(&w, T_MS);
    CHECK(w.eof, "admin restart: the watch connection closed");
    tc_close(&w);
    int st = -1;
    for (uint64_t end = tc_now_ms() + T_MS; st != 200 && tc_now_ms() < end;) {
        st = req(port, &c, "GET", "/api/v1/namespaces/default/configmaps/keep", NULL);
        tc_close(&c);
        if (st != 200) {
            struct timespec ts = {0, 20 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    CHECK(st == 200, "admin restart: the object is served again");
    /* stopping with a watch and an idle keep-alive connection still open frees them too
     * (the valgrind run checks) */
    CHECK(open_watch(&w, port, "timeoutSeconds=60") == 200, "watch left open");
    tc_conn_t idle;
    CHECK(tc_open(&idle, port, 0) == 0, "idle connection");
    kc_apiserver_stop(srv);
    tc_finish(&w, T_MS);
    CHECK(w.eof, "stop closed the watch");
    tc_close(&w);
    tc_close(&idle);
}

/* TLS: generated CA, serving and client certificates; start, a connection that never
 * completes its handshake, stop (the valgrind run checks that MHD and GnuTLS let go). */
static void test_tls_start_stop(void) {
    kc_apiserver_options_t o = KC_APISERVER_OPTIONS_INIT;
    kc_apiserver_token_t tok = {"t", "u", NULL};
    o.tls = true;
    o.tokens = &tok;
    o.n_tokens = 1;
    kc_apiserver_t *srv = NULL;
    CHECK(kc_apiserver_start(&srv, &o) == 0, "TLS start");
    if (!srv) return;
    CHECK(!strncmp(kc_apiserver_url(srv), "https://127.0.0.1:", 18), "url %s", kc_apiserver_url(srv));
    const char *ca = kc_apiserver_ca_file(srv);
    CHECK(ca && access(ca, R_OK) == 0, "CA file");
    char kc[] = "/tmp/kc-faults-kubeconfig-XXXXXX";
    int fd = mkstemp(kc);
    if (fd >= 0) close(fd);
    CHECK(fd >= 0 && kc_apiserver_write_kubeconfig(srv, kc) == 0, "kubeconfig");
    unlink(kc);
    tc_conn_t c;
    CHECK(tc_open(&c, kc_apiserver_port(srv), 0) == 0, "connect");
    tc_send(&c, "GET", "/version", NULL, NULL); /* plain HTTP at a TLS port */
    tc_pump(&c, 200);
    kc_apiserver_stop(srv);
    tc_close(&c);
}

int main(int argc, char **argv) {
    if (argc > 1) testdata = argv[1];
    struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"drop_watches", test_drop_watches}, {"compact", test_compact}, {"delay", test_delay},
        {"429", test_429}, {"500", test_500}, {"cut", test_cut}, {"split", test_split},
        {"restart", test_restart}, {"tls_start_stop", test_tls_start_stop},
    };
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        t_ok = true;
        uint64_t t0 = tc_now_ms();
        tests[i].fn();
        printf("%s %s (%llu ms)\n", t_ok ? "ok  " : "FAIL", tests[i].name,
               (unsigned long long)(tc_now_ms() - t0));
        fflush(stdout);
        if (t_ok) passed++;
        else failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
