/*
 * json_token.h - the pull tokenizer under the typed decoder (json_decode.c),
 * the watch decoder's envelope walk and the encoder's unknown-member filter.
 * Internal: not installed, not part of the API.
 *
 * A kc__dec_t is a cursor over [start, end) plus the JSON path of where it
 * is, for messages.  Every function leaves the cursor after what it read;
 * on failure it returns a negative KC_E* code with a message in d->err
 * ("<prefix><path>: <what>", syntax errors with the byte offset).
 */
#ifndef KC_JSON_TOKEN_H
#define KC_JSON_TOKEN_H

#include "internal.h"
#include "kc/object.h"

typedef struct kc__dec {
    const char *p, *start, *end;
    kc_error_t *err;
    const char *prefix; /* prepended to paths (the watch decoder's ".object") */
    int depth;
    int nseg;
    kc_seg_t segs[KC_MAX_DEPTH + 2];
} kc__dec_t;

/* A cursor over [json, json+len); `prefix` (may be NULL) starts every path. */
void kc__tok_init(kc__dec_t *d, const char *json, size_t len, const char *prefix,
                  kc_error_t *err);

/* ---- errors (each returns its code) ------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int kc__tok_fail(kc__dec_t *d, int code, const char *fmt, ...);
int kc__tok_syntax(kc__dec_t *d, const char *what);       /* KC_EPARSE at d->p */
int kc__tok_nomem(kc__dec_t *d);                          /* KC_ENOMEM */
int kc__tok_mismatch(kc__dec_t *d, const char *expected); /* "expected X, got Y" */
int kc__tok_enter(kc__dec_t *d); /* one level deeper: KC_EDEPTH past KC_MAX_DEPTH */
/* Opens the container at d->p (its opening bracket already checked): one level
 * deeper, past the bracket and whitespace.  1: it was empty and is closed
 * again (`close` consumed); 0: members follow; < 0: error. */
int kc__tok_open(kc__dec_t *d, char close);

/* ---- path steps and small tokens (inline: on every member) ------------- */

static inline void kc__tok_push_name(kc__dec_t *d, const char *name, size_t len)
{
    if (d->nseg < (int)(sizeof(d->segs) / sizeof(d->segs[0])))
        d->segs[d->nseg] = (kc_seg_t){name, len};
    d->nseg++;
}

static inline void kc__tok_push_index(kc__dec_t *d, size_t i)
{
    if (d->nseg < (int)(sizeof(d->segs) / sizeof(d->segs[0])))
        d->segs[d->nseg] = (kc_seg_t){NULL, i};
    d->nseg++;
}

static inline void kc__tok_pop(kc__dec_t *d)
{
    d->nseg--;
}

static inline void kc__tok_ws(kc__dec_t *d)
{
    const char *p = d->p, *e = d->end;
    while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    d->p = p;
}

/* The next byte, or -1 at the end. */
static inline int kc__tok_peek(const kc__dec_t *d)
{
    return d->p < d->end ? (unsigned char)*d->p : -1;
}

static inline bool kc__tok_is_null(const kc__dec_t *d)
{
    return kc__tok_peek(d) == 'n';
}

int kc__tok_separator_error(kc__dec_t *d, int close);

/* After a member or an element: consumes ',' and the whitespace after it
 * (returns 1: another one follows) or the closing `close` ('}' or ']'; -1:
 * the end of the input, not consumed) and returns 0; else KC_EPARSE
 * "expected ',' or '}'". */
static inline int kc__tok_next(kc__dec_t *d, int close)
{
    kc__tok_ws(d);
    int c = kc__tok_peek(d);
    if (c == ',') {
        d->p++;
        kc__tok_ws(d);
        return 1;
    }
    if (c == close) {
        d->p += close > 0;
        return 0;
    }
    return kc__tok_separator_error(d, close);
}

/* Consumes exactly `word` (true/false/null). */
int kc__tok_literal(kc__dec_t *d, const char *word, size_t n);

/* ---- strings and numbers ----------------------------------------------- */

typedef struct kc__str_span {
    const char *raw; /* between the quotes */
    size_t len;
    bool escaped;    /* contains a backslash escape */
    bool has_nul;    /* contains \u0000 */
} kc__str_span_t;

/* Scans a string at d->p (on the opening quote), validating escapes and
 * surrogate pairs; leaves d->p after the closing quote. */
int kc__tok_string(kc__dec_t *d, kc__str_span_t *s);
/* Unescapes a scanned span into out (room for s->len bytes: decoding never
 * grows); returns the decoded length (no NUL added). */
size_t kc__tok_unescape(const kc__str_span_t *s, char *out);
/* A string as a kc_malloc'd C string; \u0000 is KC_ERANGE. */
int kc__tok_string_value(kc__dec_t *d, char **out);

typedef struct kc__num_span {
    const char *s;
    size_t len;
    bool integer; /* no fraction, no exponent */
} kc__num_span_t;

int kc__tok_number(kc__dec_t *d, kc__num_span_t *n);
/* An integer in [lo, hi], exactly (ctype names the C type in messages). */
int kc__tok_int(kc__dec_t *d, int64_t lo, int64_t hi, const char *ctype, int64_t *out);
int kc__tok_double(kc__dec_t *d, double *out);

/* ---- whole values ------------------------------------------------------- */

/* Validates the value at d->p and appends it to b without insignificant
 * whitespace (b NULL: validate only). */
int kc__tok_minify(kc__dec_t *d, kc_buf_t *b);

#endif /* KC_JSON_TOKEN_H */
