/* test_watch.c - the watch-stream decoder on recorded kube-apiserver streams. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "kc/watch.h"
#include "testtypes.h"
#include "testutil.h"

typedef struct stream {
    char *text; /* the lines joined by "\n", each line ended by "\n" */
    size_t len;
    int n_lines;
    cJSON *lines; /* borrowed from the parsed fixture */
} stream_t;

/* The `lines` of the step whose label contains `label`. */
static cJSON *load_lines(const char *file, const char *label, cJSON **root)
{
    char *text = tu_read_testdata(file, NULL);
    *root = text ? cJSON_Parse(text) : NULL;
    free(text);
    const cJSON *step;
    cJSON_ArrayForEach(step, cJSON_GetObjectItem(*root, "steps"))
    {
        const cJSON *l = cJSON_GetObjectItem(step, "label");
        if (cJSON_IsString(l) && strstr(l->valuestring, label))
            return cJSON_GetObjectItem(cJSON_GetObjectItem(step, "response"), "lines");
    }
    return NULL;
}

static stream_t make_stream(cJSON *lines)
{
    stream_t s = {NULL, 0, 0, lines};
    const cJSON *l;
    cJSON_ArrayForEach(l, lines) s.len += strlen(l->valuestring) + 1;
    s.text = malloc(s.len + 1);
    size_t n = 0;
    cJSON_ArrayForEach(l, lines)
    {
        size_t k = strlen(l->valuestring);
        memcpy(s.text + n, l->valuestring, k);
        n += k;
        s.text[n++] = '\n';
        s.n_lines++;
    }
    s.text[n] = '\0';
    return s;
}

typedef struct collected {
    kc_watch_event_t ev[64];
    int n, errors;
    char last_error[KC_ERROR_MESSAGE_MAX];
} collected_t;

static void drain(kc_watch_decoder_t *d, collected_t *c)
{
    for (;;) {
        kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
        kc_error_t err = KC_ERROR_INIT;
        int rc = kc_watch_decoder_next(d, &ev, &err);
        if (rc == 0)
            return;
        if (rc < 0) {
            c->errors++;
            strcpy(c->last_error, err.message);
            kc_error_clear(&err);
            continue;
        }
        if (c->n < 64)
            c->ev[c->n++] = ev;
        else
            kc_watch_event_clear(&ev);
    }
}

/* Feeds `s` in chunks of `chunk` bytes, draining after each. */
static void feed_all(const char *text, size_t len, size_t chunk, collected_t *c,
                     const kc_watch_decoder_options_t *opts)
{
    memset(c, 0, sizeof(*c));
    kc_watch_decoder_t *d;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_watch_decoder_new(&d, &t_job_desc, opts, &err), 0);
    for (size_t off = 0; off < len; off += chunk) {
        size_t n = len - off < chunk ? len - off : chunk;
        CHECK_INT(kc_watch_decoder_feed(d, text + off, n, &err), 0);
        drain(d, c);
    }
    kc_watch_decoder_end(d);
    drain(d, c);
    CHECK_INT(kc_watch_decoder_pending(d), 0);
    kc_watch_decoder_free(d);
}

static void clear_all(collected_t *c)
{
    for (int i = 0; i < c->n; i++)
        kc_watch_event_clear(&c->ev[i]);
    c->n = 0;
}

static void test_recorded_stream_in_every_chunk_size(void)
{
    cJSON *root;
    cJSON *lines = load_lines("watch-streams.json", "bookmarks allowed", &root);
    CHECK(lines != NULL);
    if (!lines)
        return;
    stream_t s = make_stream(lines);
    CHECK_INT(s.n_lines, 8);

    /* reference: the whole stream at once; each object is what the line held */
    collected_t ref;
    feed_all(s.text, s.len, s.len, &ref, NULL);
    CHECK_INT(ref.n, 8);
    CHECK_INT(ref.errors, 0);
    static const kc_watch_event_type_t want[] = {KC_WATCH_ADDED,    KC_WATCH_MODIFIED,
                                                 KC_WATCH_MODIFIED, KC_WATCH_ADDED,
                                                 KC_WATCH_DELETED,  KC_WATCH_DELETED,
                                                 KC_WATCH_BOOKMARK, KC_WATCH_BOOKMARK};
    for (int i = 0; i < ref.n && i < 8; i++) {
        CHECK_INT(ref.ev[i].type, want[i]);
        CHECK_INT(ref.ev[i].line, i + 1);
        cJSON *line = cJSON_Parse(cJSON_GetArrayItem(lines, i)->valuestring);
        char *obj_text = cJSON_PrintUnformatted(cJSON_GetObjectItem(line, "object"));
        char *out;
        CHECK_INT(kc_json_encode(&t_job_desc, ref.ev[i].object, &out, NULL, NULL), 0);
        CHECK(tu_json_same(obj_text, out));
        kc_free(out);
        free(obj_text);
        cJSON_Delete(line);
    }
    const t_job_t *big = ref.ev[3].object;
    CHECK_STR(big->metadata.name, "watch-big");
    CHECK(big->spec.unknown.text && strlen(big->spec.unknown.text) > 300000);
    const t_job_t *bm = ref.ev[6].object;
    CHECK_STR(bm->metadata.resource_version, "216");
    CHECK_STR(kc_watch_event_type_name(ref.ev[6].type), "BOOKMARK");

    for (size_t chunk = 1; chunk <= 64; chunk++) {
        collected_t c;
        feed_all(s.text, s.len, chunk, &c, NULL);
        CHECK_INT(c.n, ref.n);
        CHECK_INT(c.errors, 0);
        for (int i = 0; i < c.n && i < ref.n; i++) {
            CHECK_INT(c.ev[i].type, ref.ev[i].type);
            CHECK(kc_object_equal(&t_job_desc, c.ev[i].object, ref.ev[i].object));
        }
        clear_all(&c);
    }
    clear_all(&ref);
    free(s.text);
    cJSON_Delete(root);
}

static void test_error_event_410(void)
{
    cJSON *root;
    cJSON *lines = load_lines("expiry-and-410.json", "very old resourceVersion", &root);
    CHECK(lines != NULL);
    if (!lines)
        return;
    stream_t s = make_stream(lines);
    for (size_t chunk = 1; chunk <= 64; chunk++) {
        collected_t c;
        feed_all(s.text, s.len, chunk, &c, NULL);
        CHECK_INT(c.n, 1);
        CHECK_INT(c.ev[0].type, KC_WATCH_ERROR);
        CHECK(c.ev[0].object == NULL);
        CHECK_INT(c.ev[0].error.code, KC_EAPI);
        CHECK_INT(c.ev[0].error.http_status, 410);
        CHECK_STR(c.ev[0].error.reason, "Expired");
        CHECK_STR(c.ev[0].error.message, "too old resource version: 2 (191)");
        CHECK(kc_error_is_gone(&c.ev[0].error));
        clear_all(&c);
    }
    free(s.text);
    cJSON_Delete(root);

    /* details and retryAfterSeconds come through */
    const char *line = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                       "\"metadata\":{},\"status\":\"Failure\",\"message\":\"slow down\","
                       "\"reason\":\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":7,"
                       "\"causes\":[{\"message\":\"x\"}]},\"code\":429}}\n";
    collected_t c;
    feed_all(line, strlen(line), 7, &c, NULL);
    CHECK_INT(c.n, 1);
    CHECK_INT(c.ev[0].error.retry_after_seconds, 7);
    CHECK_STR(c.ev[0].error.details, "{\"retryAfterSeconds\":7,\"causes\":[{\"message\":\"x\"}]}");
    CHECK(kc_error_is_too_many_requests(&c.ev[0].error));
    clear_all(&c);
}

static void test_malformed_lines_are_named_and_skipped(void)
{
    const char *text =
        "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}\n"          /* 1 */
        "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"b\"}\n"            /* 2 */
        "\r\n"                                                                      /* 3 */
        "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"generation\":\"x\"}}}\n" /* 4 */
        "{\"type\":\"EXPLODED\",\"object\":{}}\n"                                   /* 5 */
        "{\"object\":{}}\n"                                                         /* 6 */
        "{\"type\":\"DELETED\"}\n"                                                  /* 7 */
        "[1,2]\n"                                                                   /* 8 */
        "{\"type\":\"DELETED\",\"object\":null}\n"                                  /* 9 */
        "\x01\xff garbage\n"                                                        /* 10 */
        "{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"c\"}}} x\n"      /* 11 */
        "  {\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"d\"}},\"x\":1}\r\n"; /* 12 */
    kc_watch_decoder_t *d;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_watch_decoder_new(&d, &t_job_desc, NULL, &err), 0);
    CHECK_INT(kc_watch_decoder_feed(d, text, strlen(text), &err), 0);
    struct {
        int rc;
        const char *what;
    } want[] = {
        {1, "a"},
        {KC_EPARSE, "watch line 2: .object: syntax error at byte 49: unexpected end of input "
                    "(unterminated value)"},
        {KC_ETYPE, "watch line 4: .object.metadata.generation: expected integer, got string"},
        {KC_EPARSE, "watch line 5: unknown event type \"EXPLODED\""},
        {KC_EPARSE, "watch line 6: event without a \"type\""},
        {KC_EPARSE, "watch line 7: DELETED event without an \"object\""},
        {KC_ETYPE, "watch line 8: expected object, got array"},
        {KC_ETYPE, "watch line 9: .object: expected object, got null"},
        {KC_EPARSE, "watch line 10: syntax error at byte 0: unexpected byte 0x01 (expected a JSON "
                    "value)"},
        {KC_EPARSE, "watch line 11: syntax error at byte 54: unexpected 'x' (trailing characters "
                    "after the JSON value)"},
        {1, "d"},
        {0, NULL},
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
        int rc = kc_watch_decoder_next(d, &ev, &err);
        CHECK_INT(rc, want[i].rc);
        if (rc == 1)
            CHECK_STR(((t_job_t *)ev.object)->metadata.name, want[i].what);
        else if (rc < 0)
            CHECK_STR(err.message, want[i].what);
        kc_watch_event_clear(&ev);
    }
    /* a last line without a newline is decoded at the end; an incomplete one fails */
    const char *tail = "{\"type\":\"ADDED\",\"object\":{}}";
    CHECK_INT(kc_watch_decoder_feed(d, tail, strlen(tail), &err), 0);
    kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
    CHECK_INT(kc_watch_decoder_next(d, &ev, &err), 0);
    kc_watch_decoder_end(d);
    CHECK_INT(kc_watch_decoder_next(d, &ev, &err), 1);
    CHECK_INT(ev.line, 13);
    kc_watch_event_clear(&ev);
    CHECK_INT(kc_watch_decoder_next(d, &ev, &err), 0);
    CHECK_INT(kc_watch_decoder_feed(d, "x", 1, &err), KC_ECLOSED);
    kc_watch_decoder_free(d);

    CHECK_INT(kc_watch_decoder_new(&d, &t_job_desc, NULL, &err), 0);
    CHECK_INT(kc_watch_decoder_feed(d, tail, 10, &err), 0);
    kc_watch_decoder_end(d);
    CHECK_INT(kc_watch_decoder_next(d, &ev, &err), KC_EPARSE);
    CHECK_STR(err.message, "watch line 1: .type: syntax error at byte 10: unexpected end of input "
                           "(unterminated string)");
    CHECK_INT(kc_watch_decoder_next(d, &ev, &err), 0);
    kc_watch_decoder_free(d);
}

static void test_line_limit(void)
{
    kc_watch_decoder_options_t opts = KC_WATCH_DECODER_OPTIONS_INIT;
    opts.max_line = 100;
    char text[1000];
    strcpy(text, "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"");
    size_t n = strlen(text);
    memset(text + n, 'x', 300);
    strcpy(text + n + 300, "\"}}}\n{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"ok\"}}}\n");
    for (size_t chunk = 1; chunk <= 64; chunk += 7) {
        collected_t c;
        feed_all(text, strlen(text), chunk, &c, &opts);
        CHECK_INT(c.errors, 1);
        CHECK_STR(c.last_error, "watch line 1: longer than 100 bytes");
        CHECK_INT(c.n, 1);
        if (c.n)
            CHECK_STR(((t_job_t *)c.ev[0].object)->metadata.name, "ok");
        CHECK_INT(c.ev[0].line, 2);
        clear_all(&c);
    }
    kc_watch_decoder_t *d;
    kc_error_t err = KC_ERROR_INIT;
    opts.version = 99;
    CHECK_INT(kc_watch_decoder_new(&d, &t_job_desc, &opts, &err), KC_EINVAL);
    CHECK_INT(kc_watch_decoder_new(&d, NULL, NULL, &err), KC_EINVAL);
    kc_watch_decoder_free(NULL);
    kc_watch_event_clear(NULL);
    CHECK_STR(kc_watch_event_type_name((kc_watch_event_type_t)42), "UNKNOWN");
}

/* Fail the N-th allocation for every N: errors, never a crash or a leak. */
static void test_allocation_failures(void)
{
    const char *text = "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\",\"labels\":"
                       "{\"x\":\"y\"}},\"extra\":[1]}}\n{\"type\":\"ERROR\",\"object\":{\"kind\":"
                       "\"Status\",\"message\":\"m\",\"reason\":\"Expired\",\"details\":{},"
                       "\"code\":410}}\n";
    for (long n = 1;; n++) {
        long live = tu_live;
        tu_fail_reset(n);
        kc_watch_decoder_t *d = NULL;
        kc_error_t err = KC_ERROR_INIT;
        int events = 0, failures = 0;
        if (kc_watch_decoder_new(&d, &t_job_desc, NULL, &err) == 0) {
            for (size_t off = 0; off < strlen(text); off += 16) {
                size_t k = strlen(text) - off < 16 ? strlen(text) - off : 16;
                if (kc_watch_decoder_feed(d, text + off, k, &err) != 0) {
                    CHECK_INT(err.code, KC_ENOMEM);
                    failures++;
                }
                kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
                int rc;
                while ((rc = kc_watch_decoder_next(d, &ev, &err)) != 0) {
                    if (rc > 0) {
                        events++;
                        kc_watch_event_clear(&ev);
                    } else {
                        /* after a failed feed the stream has lost bytes: any error */
                        if (!failures)
                            CHECK_INT(rc, KC_ENOMEM);
                        failures++;
                    }
                }
            }
            kc_watch_decoder_free(d);
        } else {
            failures++;
        }
        tu_fail_reset(0);
        CHECK_INT(tu_live, live);
        if (events == 2 && failures == 0)
            break;
        if (n > 10000) {
            CHECK(0);
            break;
        }
    }
}

static void test_status_bodies(void)
{
    kc_error_t err = KC_ERROR_INIT;
    const char *body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":"
                       "\"Failure\",\"message\":\"ascendjobs.mindxdl.gitee.com \\\"x\\\" not found\","
                       "\"reason\":\"NotFound\",\"details\":{\"name\":\"x\",\"group\":"
                       "\"mindxdl.gitee.com\",\"kind\":\"ascendjobs\"},\"code\":404}";
    CHECK_INT(kc_error_from_status(&err, 404, body, strlen(body)), KC_EAPI);
    CHECK_INT(err.code, KC_EAPI);
    CHECK_INT(err.http_status, 404);
    CHECK_STR(err.reason, "NotFound");
    CHECK_STR(err.message, "ascendjobs.mindxdl.gitee.com \"x\" not found");
    CHECK_STR(err.details, "{\"name\":\"x\",\"group\":\"mindxdl.gitee.com\",\"kind\":\"ascendjobs\"}");
    CHECK(kc_error_is_not_found(&err));
    /* not a Status at all */
    CHECK_INT(kc_error_from_status(&err, 502, "<html>\nBad Gateway</html>", 25), KC_EAPI);
    CHECK_INT(err.http_status, 502);
    CHECK_STR(err.message, "HTTP 502: <html> Bad Gateway</html>");
    CHECK(err.details == NULL);
    CHECK_INT(kc_error_from_status(&err, 500, "", 0), KC_EAPI);
    CHECK_STR(err.message, "HTTP 500: (empty body)");
    /* a Status without message or code */
    CHECK_INT(kc_error_from_status(&err, 409, "{\"reason\":\"Conflict\"}", 21), KC_EAPI);
    CHECK_STR(err.message, "Conflict (HTTP 409)");
    CHECK(kc_error_is_conflict(&err));
    kc_error_clear(&err);
}

TU_MAIN("runtime_watch", TU_CASE(test_recorded_stream_in_every_chunk_size),
        TU_CASE(test_error_event_410), TU_CASE(test_malformed_lines_are_named_and_skipped),
        TU_CASE(test_line_limit), TU_CASE(test_allocation_failures), TU_CASE(test_status_bodies))
