/*
 * kc/watch.h - decoder of a kube-apiserver watch stream.
 *
 * A watch answer is newline-delimited JSON, one event a line:
 *     {"type":"ADDED","object":{...}}
 * with type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR (whose object is a
 * metav1.Status).  Feed the bytes as they arrive, in chunks of any size (an
 * event may be split anywhere, a chunk may hold several), and take the events
 * out one by one:
 *
 *     kc_watch_decoder_t *d;
 *     kc_watch_decoder_new(&d, &mindxdl_v1_ascend_job_desc, NULL, &err);
 *     while ((n = read_some(buf, sizeof buf)) > 0) {
 *         kc_watch_decoder_feed(d, buf, n, &err);
 *         kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
 *         while ((rc = kc_watch_decoder_next(d, &ev, &err)) != 0) {
 *             if (rc > 0) { handle(&ev); kc_watch_event_clear(&ev); }
 *             else        { log(err.message); }  // a bad line, skipped
 *         }
 *     }
 *     kc_watch_decoder_end(d);   // then drain next() once more
 *     kc_watch_decoder_free(d);
 *
 * The decoder never prints, never aborts on input, and stays usable after a
 * malformed line (the error names the line; the next call goes on with the
 * line after it).  It is not thread-safe: one decoder per stream.
 */
#ifndef KC_WATCH_H
#define KC_WATCH_H

#include <stddef.h>

#include "kc/error.h"
#include "kc/types.h"

typedef enum kc_watch_event_type {
    KC_WATCH_ADDED = 1,
    KC_WATCH_MODIFIED,
    KC_WATCH_DELETED,
    KC_WATCH_BOOKMARK, /* object holds only metadata.resourceVersion (and kind/apiVersion) */
    KC_WATCH_ERROR     /* no object; `error` holds the Status (410 Expired: relist) */
} kc_watch_event_type_t;

typedef struct kc_watch_event {
    kc_watch_event_type_t type;
    /* ADDED/MODIFIED/DELETED/BOOKMARK: a kc_malloc'd struct of object_type,
     * owned by the event.  To keep it, take the pointer and set it to NULL
     * (then release it yourself: kc_object_free + kc_free). */
    void *object;
    const kc_type_t *object_type;
    /* ERROR: code KC_EAPI, http_status (410), reason ("Expired"), message. */
    kc_error_t error;
    size_t line; /* 1-based line of the stream the event came from */
} kc_watch_event_t;

#define KC_WATCH_EVENT_INIT {(kc_watch_event_type_t)0, NULL, NULL, KC_ERROR_INIT, 0}

/* Releases what the event owns and resets it to KC_WATCH_EVENT_INIT.  NULL
 * is a no-op. */
void kc_watch_event_clear(kc_watch_event_t *ev);

/* "ADDED", ..., or "UNKNOWN". */
const char *kc_watch_event_type_name(kc_watch_event_type_t type);

/* Options, versioned so fields can be added: start from the _INIT macro. */
typedef struct kc_watch_decoder_options {
    unsigned version;
    size_t max_line; /* longest accepted line in bytes; 0 = KC_WATCH_DEFAULT_MAX_LINE */
} kc_watch_decoder_options_t;

#define KC_WATCH_DECODER_OPTIONS_VERSION 1
#define KC_WATCH_DECODER_OPTIONS_INIT {KC_WATCH_DECODER_OPTIONS_VERSION, 0}
#define KC_WATCH_DEFAULT_MAX_LINE ((size_t)64 << 20)

typedef struct kc_watch_decoder kc_watch_decoder_t;

/* Creates a decoder whose events carry objects of `type` (the described
 * struct of the watched resource).  opts may be NULL.  Release with
 * kc_watch_decoder_free(). */
int kc_watch_decoder_new(kc_watch_decoder_t **out, const kc_type_t *type,
                         const kc_watch_decoder_options_t *opts, kc_error_t *err);

/* NULL is a no-op. */
void kc_watch_decoder_free(kc_watch_decoder_t *d);

/* Appends bytes of the stream (copied; len 0 is fine).  KC_ECLOSED after
 * kc_watch_decoder_end(), KC_ENOMEM when the buffer cannot grow. */
int kc_watch_decoder_feed(kc_watch_decoder_t *d, const void *data, size_t len, kc_error_t *err);

/* Marks the end of the stream: a last line without a newline is then
 * decoded too, and an incomplete one is reported as a KC_EPARSE error. */
void kc_watch_decoder_end(kc_watch_decoder_t *d);

/* The next event.  Returns 1 with *ev filled (overwritten, not freed
 * first); 0 when no complete line is buffered (feed more, or after _end the
 * stream is done); or a negative KC_E* code for a line that could not be
 * decoded - err->message starts with "watch line N: " - the line is consumed
 * and the next call continues after it.  Blank lines are skipped. */
int kc_watch_decoder_next(kc_watch_decoder_t *d, kc_watch_event_t *ev, kc_error_t *err);

/* Bytes buffered and not yet returned as events (a partial line). */
size_t kc_watch_decoder_pending(const kc_watch_decoder_t *d);

#endif /* KC_WATCH_H */
