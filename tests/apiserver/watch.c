/* watch.c — chunked NDJSON watch streams read straight from the shared event history.
 *
 * Writers never wait for watchers: every write appends one event to the bounded ring in
 * store.c and broadcasts. Each watcher keeps only a cursor (the last resourceVersion it has
 * looked at) and copies events out under the lock when its connection thread asks for more
 * bytes. A watcher that falls further behind than its bound, or whose next event has left
 * the ring, is ended the way kube-apiserver ends an unresponsive watcher: the stream
 * closes and the client resumes (or gets 410 and relists). */
#define _GNU_SOURCE
#include "internal.h"
#include "table.h"

#include <errno.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct watcher {
    server_t *s;
    resource_t *res;
    int store_id;
    char *ns;
    selector_t *ls, *fs;
    uint64_t cursor;
    kobj_t **initial;
    size_t n_initial, i_initial;
    bool bookmarks;
    uint64_t next_bookmark_ms, deadline_ms;
    uint64_t drop_gen;
    buf_t out;
    size_t out_off;
    int end; /* 0 running, 1 clean end after pending bytes, 2 abort */
    size_t lag_bound;
    char *version_override; /* apiVersion to serve when not the storage version */
    bool table;             /* Accept: ...;as=Table (kubectl get -w): events carry Tables */
    bool table_headers_sent;
    ksrv_table_opts_t topts;
    uint64_t start_rv;      /* s->rv when the watch began: older events are a replay */
    bool cut;               /* fault: the stream breaks after cut_left more bytes */
    size_t cut_left;
};

static uint64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static bool matches(const watcher_t *w, const kobj_t *o) {
    if (!o) return false;
    if (w->ns && strcmp(o->ns, w->ns)) return false;
    return selector_match_labels(w->ls, o->obj) && selector_match_fields(w->fs, o->obj);
}

/* kubectl get -w asks for Tables: each event's object is a one-row Table. Like
 * kube-apiserver's watch encoder (TableOptions.NoHeaders after the first event), only the
 * first event carries columnDefinitions; later ones have null and kubectl reuses the first. */
static void emit_table(watcher_t *w, const kobj_t *o, uint64_t rv_override) {
    cJSON *c = NULL;
    if (rv_override || w->version_override) {
        c = cJSON_Duplicate(o->obj, true);
        if (w->version_override) json_set_str(c, "apiVersion", w->version_override);
        if (rv_override) {
            char rv[24];
            snprintf(rv, sizeof rv, "%llu", (unsigned long long)rv_override);
            meta_set_str(c, "resourceVersion", rv);
        }
    }
    cJSON *t = ksrv_table_from_object(c ? c : o->obj, &w->topts);
    if (w->table_headers_sent) json_set(t, "columnDefinitions", cJSON_CreateNull());
    w->table_headers_sent = true;
    char *js = cJSON_PrintUnformatted(t);
    buf_puts(&w->out, js);
    free(js);
    cJSON_Delete(t);
    cJSON_Delete(c);
}

static void emit(watcher_t *w, const char *type, const kobj_t *o, uint64_t rv_override) {
    buf_printf(&w->out, "{\"type\":\"%s\",\"object\":", type);
    if (w->table) {
        emit_table(w, o, rv_override);
    } else if (!rv_override && !w->version_override) {
        buf_put(&w->out, o->json, o->len);
    } else {
        cJSON *c = cJSON_Duplicate(o->obj, true);
        if (w->version_override) json_set_str(c, "apiVersion", w->version_override);
        if (rv_override) {
            char rv[24];
            snprintf(rv, sizeof rv, "%llu", (unsigned long long)rv_override);
            meta_set_str(c, "resourceVersion", rv);
        }
        char *s = cJSON_PrintUnformatted(c);
        buf_puts(&w->out, s);
        free(s);
        cJSON_Delete(c);
    }
    buf_put(&w->out, "}\n", 2);
}

static void emit_bookmark(watcher_t *w, uint64_t rv) {
    const resource_t *r = w->res;
    char gv[256];
    if (r->group[0]) snprintf(gv, sizeof gv, "%s/%s", r->group, r->version);
    else snprintf(gv, sizeof gv, "%s", r->version);
    if (r->is_crd)
        buf_printf(&w->out,
                   "{\"type\":\"BOOKMARK\",\"object\":{\"apiVersion\":\"%s\",\"kind\":\"%s\","
                   "\"metadata\":{\"resourceVersion\":\"%llu\"}}}\n",
                   gv, r->kind, (unsigned long long)rv);
    else
        buf_printf(&w->out,
                   "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"%s\",\"apiVersion\":\"%s\","
                   "\"metadata\":{\"resourceVersion\":\"%llu\",\"creationTimestamp\":null}}}\n",
                   r->kind, gv, (unsigned long long)rv);
}

/* Formats one history event for this watcher (outside the lock; objects are immutable). */
static void emit_event(watcher_t *w, const event_t *e) {
    if (e->store_id != w->store_id) return;
    bool nm = matches(w, e->obj), om = matches(w, e->old);
    switch (e->type) {
    case EV_ADDED:
        if (nm) emit(w, "ADDED", e->obj, 0);
        break;
    case EV_MODIFIED:
        if (nm && om) emit(w, "MODIFIED", e->obj, 0);
        else if (nm) emit(w, "ADDED", e->obj, 0);
        else if (om) emit(w, "DELETED", e->old, e->rv); /* left the selector */
        break;
    case EV_DELETED:
        if (nm) emit(w, "DELETED", e->obj, 0);
        break;
    }
}

#define BATCH 256

ssize_t watch_read(void *cls, uint64_t pos, char *buf, size_t max);
ssize_t watch_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    watcher_t *w = cls;
    server_t *s = w->s;
    for (;;) {
        if (w->cut && !w->cut_left) return MHD_CONTENT_READER_END_WITH_ERROR;
        if (w->out_off < w->out.len) {
            size_t n = w->out.len - w->out_off, split;
            pthread_mutex_lock(&s->fmu);
            split = s->faults.split;
            pthread_mutex_unlock(&s->fmu);
            pthread_mutex_lock(&s->mu);
            bool stopping = s->stopping, dropped = s->drop_gen != w->drop_gen;
            pthread_mutex_unlock(&s->mu);
            if (stopping) return MHD_CONTENT_READER_END_WITH_ERROR;
            /* dropped: the whole events already formatted go out, then the stream ends */
            if (dropped && !w->end) w->end = 1;
            if (n > max) n = max;
            if (split && n > split) n = split;
            if (w->cut && n > w->cut_left) n = w->cut_left;
            if (w->cut) w->cut_left -= n;
            memcpy(buf, w->out.p + w->out_off, n);
            w->out_off += n;
            if (w->out_off == w->out.len) w->out_off = w->out.len = 0;
            return (ssize_t)n;
        }
        if (w->end == 2) return MHD_CONTENT_READER_END_WITH_ERROR;
        if (w->end == 1) return MHD_CONTENT_READER_END_OF_STREAM;
        if (w->i_initial < w->n_initial) {
            size_t stop = w->i_initial + 64;
            while (w->i_initial < w->n_initial && w->i_initial < stop) {
                kobj_t *o = w->initial[w->i_initial++];
                if (matches(w, o)) emit(w, "ADDED", o, 0);
            }
            continue;
        }
        event_t got[BATCH];
        size_t ngot = 0;
        pthread_mutex_lock(&s->mu);
        for (;;) {
            if (s->stopping || s->drop_gen != w->drop_gen) {
                /* a stopping server breaks the connection; dropped watches end cleanly, the
                 * way kube-apiserver ends watches it terminates (terminating chunk sent) */
                w->end = s->stopping ? 2 : 1;
                break;
            }
            if (w->cursor < s->rv) {
                if (w->cursor + 1 == s->compact_rv && w->cursor + 1 == s->floor_rv) {
                    w->cursor++; /* a live watch outlives a compaction */
                    continue;
                }
                /* lag counts the events written since the watch began that it has not
                 * taken yet; replaying older history (a resume) is not lagging */
                uint64_t base = w->cursor > w->start_rv ? w->cursor : w->start_rv;
                if (s->rv - base > w->lag_bound || !history_at(s, w->cursor + 1)) {
                    w->end = 1; /* too slow: close like an unresponsive watcher */
                    break;
                }
                while (w->cursor < s->rv && ngot < BATCH) {
                    const event_t *e = history_at(s, ++w->cursor);
                    if (!e || e->store_id != w->store_id) continue;
                    got[ngot] = *e;
                    kobj_ref(got[ngot].obj);
                    kobj_ref(got[ngot].old);
                    ngot++;
                }
                if (ngot) break;
                continue;
            }
            uint64_t t = now_ms();
            if (t >= w->deadline_ms) {
                w->end = 1;
                break;
            }
            if (w->bookmarks && t >= w->next_bookmark_ms) {
                emit_bookmark(w, s->rv);
                w->next_bookmark_ms = t + (s->opt.bookmark_interval_ms ? s->opt.bookmark_interval_ms : 1500);
                break;
            }
            uint64_t wake = w->deadline_ms;
            if (w->bookmarks && w->next_bookmark_ms < wake) wake = w->next_bookmark_ms;
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            uint64_t d = wake - t;
            ts.tv_sec += (time_t)(d / 1000);
            ts.tv_nsec += (long)(d % 1000) * 1000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&s->cv, &s->mu, &ts);
        }
        pthread_mutex_unlock(&s->mu);
        for (size_t i = 0; i < ngot; i++) {
            emit_event(w, &got[i]);
            kobj_unref(got[i].obj);
            kobj_unref(got[i].old);
        }
    }
}

void watch_free(void *cls);
void watch_free(void *cls) {
    watcher_t *w = cls;
    for (size_t i = w->i_initial; i < w->n_initial; i++) kobj_unref(w->initial[i]);
    for (size_t i = 0; i < w->i_initial; i++) kobj_unref(w->initial[i]);
    free(w->initial);
    free(w->ns);
    free(w->version_override);
    selector_free(w->ls);
    selector_free(w->fs);
    free(w->out.p);
    free(w);
}

/* GET ...?watch=true */
int handle_watch(req_t *r, route_t *rt) {
    server_t *s = r->s;
    resource_t *res = rt->res;
    char *err = NULL;
    selector_t *ls = label_selector_parse(q_get(r, "labelSelector"), &err);
    if (err) {
        int rc = err_bad_request(r, err);
        free(err);
        return rc;
    }
    selector_t *fs = field_selector_parse(q_get(r, "fieldSelector"), res, &err);
    if (err) {
        selector_free(ls);
        int rc = err_bad_request(r, err);
        free(err);
        return rc;
    }
    const char *rvs = q_get(r, "resourceVersion");
    uint64_t rv = 0;
    bool from_now = !rvs || !*rvs || !strcmp(rvs, "0");
    if (!from_now && !parse_u64(rvs, &rv)) {
        selector_free(ls);
        selector_free(fs);
        char *msg = NULL;
        if (asprintf(&msg, "resourceVersion: Invalid value: \"%s\": strconv.ParseUint: parsing "
                     "\"%s\": invalid syntax", rvs, rvs) < 0)
            abort();
        int rc = send_status(r, 500, NULL, msg, NULL);
        free(msg);
        return rc;
    }
    watcher_t *w = calloc(1, sizeof *w);
    if (!w) abort();
    w->s = s;
    w->res = res;
    w->store_id = res->store->id;
    w->ns = rt->ns ? strdup(rt->ns) : NULL;
    w->ls = ls;
    w->fs = fs;
    w->bookmarks = q_bool(r, "allowWatchBookmarks");
    const char *ts = q_get(r, "timeoutSeconds");
    uint64_t tsec = 0;
    if (!ts || !parse_u64(ts, &tsec) || !tsec) tsec = 1800;
    uint64_t t = now_ms();
    w->deadline_ms = t + tsec * 1000u;
    w->next_bookmark_ms = t + (s->opt.bookmark_interval_ms ? s->opt.bookmark_interval_ms : 1500);
    w->lag_bound = s->opt.watch_buffer ? s->opt.watch_buffer : s->hist_cap;
    if (res->is_crd && !res->storage) {
        char gv[256];
        snprintf(gv, sizeof gv, "%s/%s", res->group, res->version);
        w->version_override = strdup(gv);
    }
    if (wants_table(r)) {
        w->table = true;
        w->topts.kind = res->kind;
        w->topts.is_crd = res->is_crd;
        w->topts.printer_columns =
            res->crd_version
                ? cJSON_GetObjectItemCaseSensitive(res->crd_version, "additionalPrinterColumns")
                : NULL;
        ksrv_include_object_parse(q_get(r, "includeObject"), &w->topts.include);
    }

    size_t cut;
    if (faults_take_cut(s, &cut)) {
        w->cut = true;
        w->cut_left = cut;
    }
    pthread_mutex_lock(&s->mu);
    w->drop_gen = s->drop_gen;
    w->start_rv = s->rv;
    if (from_now) {
        w->cursor = s->rv;
        w->initial = store_snapshot(s, res->store, s->rv, rt->ns, &w->n_initial);
    } else if (rv < s->floor_rv) {
        char msg[128];
        snprintf(msg, sizeof msg, "too old resource version: %llu (%llu)",
                 (unsigned long long)rv, (unsigned long long)s->floor_rv);
        cJSON *st = status_new(410, "Expired", msg, NULL);
        char *js = cJSON_PrintUnformatted(st);
        cJSON_Delete(st);
        buf_printf(&w->out, "{\"type\":\"ERROR\",\"object\":%s}\n", js);
        free(js);
        w->end = 1;
    } else {
        w->cursor = rv > s->rv ? s->rv : rv;
    }
    pthread_mutex_unlock(&s->mu);
    return send_stream(r, w);
}

void watchers_drop_all(server_t *s) {
    pthread_mutex_lock(&s->mu);
    s->drop_gen++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void watchers_wake_all(server_t *s) {
    pthread_mutex_lock(&s->mu);
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}
