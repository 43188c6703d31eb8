/*
 * watch.c - the watch-stream decoder: bytes in, one event per line out.
 *
 * Bytes are buffered until a newline; `scan` remembers how far the buffer is
 * known to hold no newline, so feeding a 300 KB event one byte at a time
 * stays linear.  A line is split into its members without a tree; the
 * object's byte span goes straight to the typed decoder.
 */
#include "kc/watch.h"

#include <string.h>

#include "internal.h"
#include "kc/alloc.h"
#include "kc/object.h"

struct kc_watch_decoder {
    const kc_type_t *type;
    size_t max_line;
    char *buf;
    size_t start, len, cap; /* pending bytes are buf[start, len) */
    size_t scan;            /* buf[start, scan) holds no newline */
    size_t line;            /* lines consumed so far */
    bool skipping;          /* dropping the rest of an over-long line */
    bool ended;
};

static const char *const type_names[] = {"UNKNOWN", "ADDED", "MODIFIED", "DELETED", "BOOKMARK",
                                         "ERROR"};

const char *kc_watch_event_type_name(kc_watch_event_type_t type)
{
    return (type >= KC_WATCH_ADDED && type <= KC_WATCH_ERROR) ? type_names[type] : type_names[0];
}

void kc_watch_event_clear(kc_watch_event_t *ev)
{
    if (!ev)
        return;
    if (ev->object) {
        if (ev->object_type)
            kc_object_free(ev->object_type, ev->object);
        kc_free(ev->object);
    }
    kc_error_clear(&ev->error);
    kc_watch_event_t zero = KC_WATCH_EVENT_INIT;
    *ev = zero;
}

int kc_watch_decoder_new(kc_watch_decoder_t **out, const kc_type_t *type,
                         const kc_watch_decoder_options_t *opts, kc_error_t *err)
{
    if (!out || !type)
        return kc_error_set(err, KC_EINVAL, "kc_watch_decoder_new: NULL argument");
    *out = NULL;
    if (opts && opts->version != KC_WATCH_DECODER_OPTIONS_VERSION)
        return kc_error_set(err, KC_EINVAL, "kc_watch_decoder_new: options version %u, expected %u",
                            opts->version, KC_WATCH_DECODER_OPTIONS_VERSION);
    kc_watch_decoder_t *d = kc_calloc(1, sizeof(*d));
    if (!d)
        return kc_error_set(err, KC_ENOMEM, "out of memory");
    d->type = type;
    d->max_line = opts && opts->max_line ? opts->max_line : KC_WATCH_DEFAULT_MAX_LINE;
    *out = d;
    return 0;
}

void kc_watch_decoder_free(kc_watch_decoder_t *d)
{
    if (!d)
        return;
    kc_free(d->buf);
    kc_free(d);
}

void kc_watch_decoder_end(kc_watch_decoder_t *d)
{
    if (d)
        d->ended = true;
}

size_t kc_watch_decoder_pending(const kc_watch_decoder_t *d)
{
    return d ? d->len - d->start : 0;
}

static int append(kc_watch_decoder_t *d, const char *data, size_t n, kc_error_t *err)
{
    if (d->cap - d->len < n && d->start > 0) { /* reclaim consumed bytes first */
        memmove(d->buf, d->buf + d->start, d->len - d->start);
        d->len -= d->start;
        d->scan -= d->start;
        d->start = 0;
    }
    if (d->cap - d->len < n) {
        size_t need = d->len + n, cap = d->cap ? d->cap : 4096;
        if (need < n)
            return kc_error_set(err, KC_ENOMEM, "out of memory");
        while (cap < need)
            cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        char *b = kc_realloc(d->buf, cap);
        if (!b)
            return kc_error_set(err, KC_ENOMEM, "out of memory");
        d->buf = b;
        d->cap = cap;
    }
    memcpy(d->buf + d->len, data, n);
    d->len += n;
    return 0;
}

int kc_watch_decoder_feed(kc_watch_decoder_t *d, const void *data, size_t len, kc_error_t *err)
{
    if (!d || (!data && len))
        return kc_error_set(err, KC_EINVAL, "kc_watch_decoder_feed: NULL argument");
    if (d->ended)
        return kc_error_set(err, KC_ECLOSED, "watch stream already ended");
    const char *p = data;
    if (d->skipping) {
        const char *nl = len ? memchr(p, '\n', len) : NULL;
        if (!nl)
            return 0;
        d->skipping = false;
        len -= (size_t)(nl + 1 - p);
        p = nl + 1;
    }
    return len ? append(d, p, len, err) : 0;
}

/* ---- one line ---------------------------------------------------------- */

typedef struct envelope {
    const char *type, *object;
    size_t type_len, object_len;
} envelope_t;

static int on_member(void *ctx, const char *name, size_t name_len, const char *value,
                     size_t value_len)
{
    envelope_t *env = ctx;
    if (name_len == 4 && memcmp(name, "type", 4) == 0) {
        env->type = value;
        env->type_len = value_len;
    } else if (name_len == 6 && memcmp(name, "object", 6) == 0) {
        env->object = value;
        env->object_len = value_len;
    }
    return 0;
}

static kc_watch_event_type_t event_type(const char *s, size_t n)
{
    for (int t = KC_WATCH_ADDED; t <= KC_WATCH_ERROR; t++) {
        size_t k = strlen(type_names[t]);
        if (n == k + 2 && s[0] == '"' && memcmp(s + 1, type_names[t], k) == 0)
            return (kc_watch_event_type_t)t;
    }
    return (kc_watch_event_type_t)0;
}

static int decode_line(kc_watch_decoder_t *d, const char *s, size_t n, kc_watch_event_t *ev,
                       kc_error_t *err)
{
    envelope_t env = {NULL, NULL, 0, 0};
    kc_error_t lerr = KC_ERROR_INIT;
    int rc = kc__json_members(s, n, on_member, &env, &lerr);
    if (rc)
        return kc_error_set(err, rc, "watch line %zu: %s", d->line, lerr.message);
    if (!env.type)
        return kc_error_set(err, KC_EPARSE, "watch line %zu: event without a \"type\"", d->line);
    kc_watch_event_type_t type = event_type(env.type, env.type_len);
    if (!type)
        return kc_error_set(err, KC_EPARSE, "watch line %zu: unknown event type %.*s", d->line,
                            (int)(env.type_len > 40 ? 40 : env.type_len), env.type);
    if (!env.object)
        return kc_error_set(err, KC_EPARSE, "watch line %zu: %s event without an \"object\"",
                            d->line, type_names[type]);
    kc_watch_event_t out = KC_WATCH_EVENT_INIT;
    out.type = type;
    out.line = d->line;
    if (type == KC_WATCH_ERROR) {
        if (kc_error_from_status(&out.error, 0, env.object, env.object_len) == KC_ENOMEM)
            return kc_error_set(err, KC_ENOMEM, "watch line %zu: out of memory", d->line);
    } else {
        void *obj = kc_malloc(d->type->size);
        if (!obj)
            return kc_error_set(err, KC_ENOMEM, "watch line %zu: out of memory", d->line);
        rc = kc__json_decode_prefixed(d->type, obj, env.object, env.object_len, ".object", &lerr);
        if (rc) {
            kc_free(obj);
            return kc_error_set(err, rc, "watch line %zu: %s", d->line, lerr.message);
        }
        out.object = obj;
        out.object_type = d->type;
    }
    *ev = out;
    return 1;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

int kc_watch_decoder_next(kc_watch_decoder_t *d, kc_watch_event_t *ev, kc_error_t *err)
{
    if (!d || !ev)
        return kc_error_set(err, KC_EINVAL, "kc_watch_decoder_next: NULL argument");
    for (;;) {
        if (d->start == d->len) /* all consumed: rewind for free */
            d->start = d->len = d->scan = 0;
        if (d->skipping || d->start == d->len)
            return 0;
        const char *nl = memchr(d->buf + d->scan, '\n', d->len - d->scan);
        size_t end, next;
        if (nl) {
            end = (size_t)(nl - d->buf);
            next = end + 1;
        } else {
            d->scan = d->len;
            if (d->len - d->start > d->max_line) {
                /* drop what we have and the rest of the line as it arrives */
                d->line++;
                d->start = d->len = d->scan = 0;
                d->skipping = !d->ended;
                return kc_error_set(err, KC_EPARSE, "watch line %zu: longer than %zu bytes",
                                    d->line, d->max_line);
            }
            if (!d->ended)
                return 0;
            end = next = d->len;
        }
        const char *s = d->buf + d->start;
        size_t n = end - d->start;
        d->start = d->scan = next;
        d->line++;
        if (n > d->max_line)
            return kc_error_set(err, KC_EPARSE, "watch line %zu: longer than %zu bytes", d->line,
                                d->max_line);
        if (blank(s, n))
            continue;
        return decode_line(d, s, n, ev, err);
    }
}
