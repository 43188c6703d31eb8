/* store.c — immutable object versions, per-resource sorted stores, the global
 * resourceVersion and the bounded event history that watches and snapshots read. */
#define _GNU_SOURCE
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

kobj_t *kobj_new(cJSON *obj, bool strip_typemeta_in_lists) {
    kobj_t *o = calloc(1, sizeof *o);
    if (!o) abort();
    atomic_init(&o->refs, 1);
    o->obj = obj;
    o->json = cJSON_PrintUnformatted(obj);
    if (!o->json) abort();
    o->len = strlen(o->json);
    const char *ns = meta_str(obj, "namespace"), *name = meta_str(obj, "name");
    const char *rv = meta_str(obj, "resourceVersion");
    o->ns = ns ? ns : "";
    o->name = name ? name : "";
    if (rv) parse_u64(rv, &o->rv);
    if (ns && *ns) {
        if (asprintf(&o->key, "%s/%s", o->ns, o->name) < 0) abort();
    } else {
        o->key = strdup(o->name);
    }
    if (strip_typemeta_in_lists) {
        /* built-ins are ordered kind, apiVersion, metadata: list items start at metadata */
        const char *m = strstr(o->json, "\"metadata\":");
        if (m) o->body_off = (size_t)(m - o->json);
    }
    return o;
}

kobj_t *kobj_ref(kobj_t *o) {
    if (o) atomic_fetch_add(&o->refs, 1);
    return o;
}

void kobj_unref(kobj_t *o) {
    if (!o || atomic_fetch_sub(&o->refs, 1) != 1) return;
    cJSON_Delete(o->obj);
    free(o->json);
    free(o->key);
    free(o);
}

rstore_t *store_for(server_t *s, const char *group, const char *plural) {
    for (size_t i = 0; i < s->n_stores; i++)
        if (!strcmp(s->stores[i]->group, group) && !strcmp(s->stores[i]->plural, plural))
            return s->stores[i];
    rstore_t *st = calloc(1, sizeof *st);
    if (!st) abort();
    st->group = strdup(group);
    st->plural = strdup(plural);
    st->id = (int)s->n_stores;
    rstore_t **ns = realloc(s->stores, (s->n_stores + 1) * sizeof *ns);
    if (!ns) abort();
    s->stores = ns;
    s->stores[s->n_stores++] = st;
    return st;
}

/* index of key, or -(insertion point)-1 */
static long find(const rstore_t *st, const char *key) {
    size_t lo = 0, hi = st->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(st->items[mid]->key, key);
        if (!c) return (long)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -(long)lo - 1;
}

kobj_t *store_get(rstore_t *st, const char *ns, const char *name) {
    char stackkey[512];
    char *key = stackkey;
    size_t need = (ns ? strlen(ns) + 1 : 0) + strlen(name) + 1;
    if (need > sizeof stackkey) key = malloc(need);
    if (!key) abort();
    if (ns && *ns) snprintf(key, need, "%s/%s", ns, name);
    else snprintf(key, need, "%s", name);
    long i = find(st, key);
    if (key != stackkey) free(key);
    return i >= 0 ? st->items[i] : NULL;
}

uint64_t store_next_rv(server_t *s) { return ++s->rv; }

void history_init(server_t *s) {
    s->hist_cap = s->opt.history_size ? s->opt.history_size : 10000;
    s->hist = calloc(s->hist_cap, sizeof *s->hist);
    if (!s->hist) abort();
}

static void ev_clear(event_t *e) {
    kobj_unref(e->obj);
    kobj_unref(e->old);
    memset(e, 0, sizeof *e);
}

void history_free(server_t *s) {
    for (size_t i = 0; i < s->hist_cap; i++) ev_clear(&s->hist[i]);
    free(s->hist);
    s->hist = NULL;
}

/* Every write takes exactly one resourceVersion and leaves one event, so the ring holds the
 * events with rv in (s->rv - hist_n, s->rv] and event rv sits at slot rv % cap. */
static void history_push(server_t *s, uint64_t rv, int type, int store_id, kobj_t *obj,
                         kobj_t *old) {
    event_t *e = &s->hist[rv % s->hist_cap];
    if (e->obj) {
        /* evicting the oldest event: resuming from before it is no longer possible */
        if (e->rv > s->floor_rv) s->floor_rv = e->rv;
        ev_clear(e);
    }
    e->rv = rv;
    e->type = type;
    e->store_id = store_id;
    e->obj = kobj_ref(obj);
    e->old = kobj_ref(old);
    if (s->hist_n < s->hist_cap) s->hist_n++;
}

void history_compact(server_t *s) {
    for (size_t i = 0; i < s->hist_cap; i++) ev_clear(&s->hist[i]);
    s->hist_n = 0;
    /* compaction takes a revision of its own, so that everything issued before it
     * (continue tokens, resourceVersions to resume from) is older than the floor */
    s->compact_rv = ++s->rv;
    s->floor_rv = s->rv;
}

const event_t *history_at(const server_t *s, uint64_t rv) {
    if (rv <= s->floor_rv || rv > s->rv) return NULL;
    const event_t *e = &s->hist[rv % s->hist_cap];
    return e->obj && e->rv == rv ? e : NULL;
}

static void store_insert_at(rstore_t *st, size_t pos, kobj_t *o) {
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        kobj_t **n = realloc(st->items, st->cap * sizeof *n);
        if (!n) abort();
        st->items = n;
    }
    memmove(st->items + pos + 1, st->items + pos, (st->n - pos) * sizeof *st->items);
    st->items[pos] = o;
    st->n++;
}

void store_put(server_t *s, rstore_t *st, kobj_t *o, int evtype, kobj_t *old) {
    long i = find(st, o->key);
    if (i >= 0) {
        kobj_t *prev = st->items[i];
        st->items[i] = o;
        history_push(s, o->rv, evtype, st->id, o, old ? old : prev);
        kobj_unref(prev);
    } else {
        store_insert_at(st, (size_t)(-i - 1), o);
        history_push(s, o->rv, evtype, st->id, o, old);
    }
    pthread_cond_broadcast(&s->cv);
}

void store_remove(server_t *s, rstore_t *st, kobj_t *last) {
    long i = find(st, last->key);
    kobj_t *prev = NULL;
    if (i >= 0) {
        prev = st->items[i];
        memmove(st->items + i, st->items + i + 1, (st->n - (size_t)i - 1) * sizeof *st->items);
        st->n--;
    }
    history_push(s, last->rv, EV_DELETED, st->id, last, prev);
    kobj_unref(prev);
    kobj_unref(last);
    pthread_cond_broadcast(&s->cv);
}

/* Sets resourceVersion, orders the members like the real server, serializes and stores. */
kobj_t *store_commit(server_t *s, rstore_t *st, cJSON *obj, bool crd, int evtype, kobj_t *old) {
    char rv[24];
    snprintf(rv, sizeof rv, "%llu", (unsigned long long)store_next_rv(s));
    meta_set_str(obj, "resourceVersion", rv);
    if (crd) json_sort_keys(obj);
    else json_order_builtin(obj);
    kobj_t *o = kobj_new(obj, !crd);
    if (evtype == EV_DELETED) {
        store_remove(s, st, kobj_ref(o));
    } else {
        store_put(s, st, kobj_ref(o), evtype, old);
    }
    return o; /* one reference for the caller */
}

/* A change after the snapshot's rv: the key and what it was at rv (NULL: absent). */
typedef struct undo {
    const char *key;
    kobj_t *at_rv; /* borrowed from the history */
    uint64_t rv;
} undo_t;

static int undo_cmp(const void *a, const void *b) {
    const undo_t *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->rv < y->rv ? -1 : x->rv > y->rv;
}

/* first index in st->items whose key is >= k */
static size_t lower_bound(const rstore_t *st, const char *k) {
    size_t lo = 0, hi = st->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(st->items[mid]->key, k) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* O(log n + m + c log c) for m items returned and c changes after rv: the oldest change of
 * each key after rv tells what the key held at rv, and merging that with the (sorted) current
 * items keeps the order. */
kobj_t **store_snapshot_range(server_t *s, rstore_t *st, uint64_t rv, const char *ns,
                              const char *after, size_t max, size_t *n, size_t *total) {
    size_t nslen = ns ? strlen(ns) : 0;
    /* the current items of the namespace: keys "ns/..." are one contiguous run */
    size_t from = 0, to = st->n;
    if (ns) {
        char stackkey[256];
        char *pfx = nslen + 2 <= sizeof stackkey ? stackkey : malloc(nslen + 2);
        if (!pfx) abort();
        memcpy(pfx, ns, nslen);
        pfx[nslen] = '/';
        pfx[nslen + 1] = 0;
        from = lower_bound(st, pfx);
        pfx[nslen] = '/' + 1;
        to = lower_bound(st, pfx);
        if (pfx != stackkey) free(pfx);
    }
    if (after) {
        size_t lb = lower_bound(st, after);
        if (lb < st->n && !strcmp(st->items[lb]->key, after)) lb++;
        if (lb > from) from = lb < to ? lb : to;
    }
    undo_t *u = NULL;
    size_t nu = 0, capu = 0;
    for (uint64_t x = rv + 1; rv < s->rv && x <= s->rv; x++) {
        const event_t *e = history_at(s, x);
        if (!e || e->store_id != st->id) continue;
        const char *key = e->obj->key;
        if (ns && (strncmp(key, ns, nslen) || key[nslen] != '/')) continue;
        if (after && strcmp(key, after) <= 0) continue;
        if (nu == capu) {
            capu = capu ? capu * 2 : 64;
            undo_t *nv = realloc(u, capu * sizeof *nv);
            if (!nv) abort();
            u = nv;
        }
        u[nu++] = (undo_t){key, e->type == EV_ADDED ? NULL : e->old, x};
    }
    if (nu > 1) qsort(u, nu, sizeof *u, undo_cmp);
    size_t want = to - from + nu;
    if (max && max < want) want = max;
    kobj_t **v = malloc((want + 1) * sizeof *v);
    if (!v) abort();
    size_t cnt = 0, i = from, k = 0;
    while (i < to || k < nu) {
        int c = i >= to ? 1 : k >= nu ? -1 : strcmp(st->items[i]->key, u[k].key);
        kobj_t *o;
        if (c < 0) {
            o = st->items[i++];
        } else {
            /* key changed after rv: its oldest change holds the state at rv */
            o = u[k].at_rv;
            const char *key = u[k].key;
            while (k < nu && !strcmp(u[k].key, key)) k++;
            if (c == 0) i++;
            if (!o) continue;
        }
        /* past max only count, unless nobody asks for the count */
        if (!max || cnt < max) v[cnt] = kobj_ref(o);
        else if (!total) break;
        cnt++;
    }
    free(u);
    if (total) *total = cnt;
    *n = max && cnt > max ? max : cnt;
    return v;
}

kobj_t **store_snapshot(server_t *s, rstore_t *st, uint64_t rv, const char *ns, size_t *n) {
    return store_snapshot_range(s, st, rv, ns, NULL, 0, n, NULL);
}

void store_free_all(server_t *s) {
    for (size_t i = 0; i < s->n_stores; i++) {
        rstore_t *st = s->stores[i];
        for (size_t k = 0; k < st->n; k++) kobj_unref(st->items[k]);
        free(st->items);
        free(st->group);
        free(st->plural);
        free(st);
    }
    free(s->stores);
    s->stores = NULL;
    s->n_stores = 0;
}
