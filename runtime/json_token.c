/*
 * json_token.c - the pull tokenizer: errors with JSON paths, strings (escapes,
 * surrogates), numbers (exact int64), validated minified copies of free-form
 * values, and walks over the members of an object.  The typed decoder
 * (json_decode.c) drives it; see json_token.h.
 */
#include "json_token.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"

void kc__tok_init(kc__dec_t *d, const char *json, size_t len, const char *prefix, kc_error_t *err)
{
    d->p = d->start = json ? json : "";
    d->end = d->p + len;
    d->err = err;
    d->prefix = prefix ? prefix : "";
    d->depth = 0;
    d->nseg = 0;
}

/* ---- errors ------------------------------------------------------------ */

void kc__path_format(char *buf, size_t cap, const char *prefix, const kc_seg_t *segs, int n)
{
    int w = snprintf(buf, cap, "%s", prefix ? prefix : "");
    size_t len = w > 0 ? (size_t)w : 0;
    for (int i = 0; i < n && len < cap; i++) {
        const kc_seg_t *s = &segs[i];
        if (s->name)
            w = snprintf(buf + len, cap - len, ".%.*s", (int)(s->len > 200 ? 200 : s->len),
                         s->name);
        else
            w = snprintf(buf + len, cap - len, "[%zu]", s->len);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

static void path_string(const kc__dec_t *d, char *buf, size_t cap)
{
    int n = d->nseg;
    int max = (int)(sizeof(d->segs) / sizeof(d->segs[0]));
    kc__path_format(buf, cap, d->prefix, d->segs, n < max ? n : max);
}

int kc__tok_fail(kc__dec_t *d, int code, const char *fmt, ...)
{
    if (!d->err)
        return code;
    char path[256], msg[KC_ERROR_MESSAGE_MAX];
    path_string(d, path, sizeof(path));
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (path[0])
        return kc_error_set(d->err, code, "%s: %s", path, msg);
    return kc_error_set(d->err, code, "%s", msg);
}

int kc__tok_syntax(kc__dec_t *d, const char *what)
{
    if (d->p >= d->end)
        return kc__tok_fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected end of input (%s)",
                            (size_t)(d->p - d->start), what);
    unsigned char c = (unsigned char)*d->p;
    if (c >= 0x20 && c < 0x7f)
        return kc__tok_fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected '%c' (%s)",
                            (size_t)(d->p - d->start), c, what);
    return kc__tok_fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected byte 0x%02x (%s)",
                        (size_t)(d->p - d->start), c, what);
}

int kc__tok_nomem(kc__dec_t *d)
{
    return kc__tok_fail(d, KC_ENOMEM, "out of memory");
}

/* What the next value is, for "expected X, got Y". */
static const char *value_name(const kc__dec_t *d)
{
    if (d->p >= d->end)
        return "end of input";
    switch (*d->p) {
    case '"': return "string";
    case '{': return "object";
    case '[': return "array";
    case 't':
    case 'f': return "boolean";
    case 'n': return "null";
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': return "number";
    default: return NULL;
    }
}

int kc__tok_mismatch(kc__dec_t *d, const char *expected)
{
    const char *got = d->p < d->end ? value_name(d) : NULL;
    if (!got)
        return kc__tok_syntax(d, "expected a JSON value");
    return kc__tok_fail(d, KC_ETYPE, "expected %s, got %s", expected, got);
}

int kc__tok_enter(kc__dec_t *d)
{
    if (++d->depth > KC_MAX_DEPTH)
        return kc__tok_fail(d, KC_EDEPTH, "nesting deeper than %d at byte %zu", KC_MAX_DEPTH,
                            (size_t)(d->p - d->start));
    return 0;
}

int kc__tok_open(kc__dec_t *d, char close)
{
    int rc = kc__tok_enter(d);
    if (rc)
        return rc;
    d->p++;
    kc__tok_ws(d);
    if (kc__tok_peek(d) != close)
        return 0;
    d->p++;
    d->depth--;
    return 1;
}

/* ---- tokens ------------------------------------------------------------ */

int kc__tok_separator_error(kc__dec_t *d, int close)
{
    return kc__tok_syntax(d, close == '}'   ? "expected ',' or '}'"
                             : close == ']' ? "expected ',' or ']'"
                                            : "expected ','");
}

int kc__tok_literal(kc__dec_t *d, const char *word, size_t n)
{
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, word, n) != 0)
        return kc__tok_syntax(d, "invalid literal");
    d->p += n;
    return 0;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)s[i], h;
        if (c >= '0' && c <= '9')
            h = c - '0';
        else if (c >= 'a' && c <= 'f')
            h = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            h = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Scans a string at d->p (on the opening quote), validating escapes and
 * surrogate pairs; leaves d->p after the closing quote. */
int kc__tok_string(kc__dec_t *d, kc__str_span_t *s)
{
    const char *p = d->p + 1, *e = d->end;
    s->raw = p;
    s->escaped = false;
    s->has_nul = false;
    for (;;) {
        while (e - p >= 8) {
            uint64_t v;
            memcpy(&v, p, 8);
            if (kc__swar_special(v))
                break;
            p += 8;
        }
        while (p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
            p++;
        if (p >= e) {
            d->p = p;
            return kc__tok_syntax(d, "unterminated string");
        }
        if (*p == '"')
            break;
        if (*p != '\\') {
            d->p = p;
            return kc__tok_syntax(d, "control character in string");
        }
        s->escaped = true;
        if (e - p < 2) {
            d->p = e;
            return kc__tok_syntax(d, "unterminated string");
        }
        switch (p[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            p += 2;
            continue;
        case 'u':
            break;
        default:
            d->p = p;
            return kc__tok_syntax(d, "invalid escape");
        }
        int u = e - p >= 6 ? hex4(p + 2) : -1;
        if (u < 0) {
            d->p = p;
            return kc__tok_syntax(d, "invalid \\u escape");
        }
        if (u == 0)
            s->has_nul = true;
        if (u >= 0xDC00 && u <= 0xDFFF) {
            d->p = p;
            return kc__tok_syntax(d, "lone low surrogate");
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            int lo = (e - p >= 12 && p[6] == '\\' && p[7] == 'u') ? hex4(p + 8) : -1;
            if (lo < 0xDC00 || lo > 0xDFFF) {
                d->p = p;
                return kc__tok_syntax(d, "lone high surrogate");
            }
            p += 12;
        } else {
            p += 6;
        }
    }
    s->len = (size_t)(p - s->raw);
    d->p = p + 1;
    return 0;
}

static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Unescapes a validated span into out (room for s->len bytes: decoding
 * never grows); returns the decoded length. */
size_t kc__tok_unescape(const kc__str_span_t *s, char *out)
{
    const char *p = s->raw, *e = s->raw + s->len;
    char *o = out;
    while (p < e) {
        const char *bs = memchr(p, '\\', (size_t)(e - p));
        size_t run = bs ? (size_t)(bs - p) : (size_t)(e - p);
        memcpy(o, p, run);
        o += run;
        p += run;
        if (p >= e)
            break;
        char c = p[1];
        p += 2;
        switch (c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp = (unsigned)hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo = (unsigned)hex4(p + 2);
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            o = put_utf8(o, cp);
            break;
        }
        default: *o++ = c; break; /* " \ / */
        }
    }
    return (size_t)(o - out);
}

/* A decoded C string; \u0000 cannot live in one (KC_ERANGE). */
int kc__tok_string_value(kc__dec_t *d, char **out)
{
    const char *at = d->p;
    kc__str_span_t s;
    int rc = kc__tok_string(d, &s);
    if (rc)
        return rc;
    if (s.has_nul) {
        d->p = at;
        return kc__tok_fail(d, KC_ERANGE, "string contains \\u0000, which a C string cannot hold");
    }
    char *p = kc_malloc(s.len + 1);
    if (!p)
        return kc__tok_nomem(d);
    size_t n = s.escaped ? kc__tok_unescape(&s, p) : (memcpy(p, s.raw, s.len), s.len);
    p[n] = '\0';
    *out = p;
    return 0;
}

int kc__tok_number(kc__dec_t *d, kc__num_span_t *n)
{
    const char *p = d->p, *e = d->end;
    n->s = p;
    n->integer = true;
    if (p < e && *p == '-')
        p++;
    if (p < e && *p == '0') {
        p++;
    } else if (p < e && *p >= '1' && *p <= '9') {
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    } else {
        d->p = p;
        return kc__tok_syntax(d, "invalid number");
    }
    if (p < e && *p == '.') {
        n->integer = false;
        p++;
        if (p >= e || *p < '0' || *p > '9') {
            d->p = p;
            return kc__tok_syntax(d, "digit expected after '.'");
        }
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        n->integer = false;
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || *p < '0' || *p > '9') {
            d->p = p;
            return kc__tok_syntax(d, "digit expected in exponent");
        }
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    n->len = (size_t)(p - n->s);
    d->p = p;
    return 0;
}

/* An integer in [lo, hi], exactly. */
int kc__tok_int(kc__dec_t *d, int64_t lo, int64_t hi, const char *ctype, int64_t *out)
{
    if (kc__tok_peek(d) != '-' && (kc__tok_peek(d) < '0' || kc__tok_peek(d) > '9'))
        return kc__tok_mismatch(d, "integer");
    const char *at = d->p;
    kc__num_span_t n;
    int rc = kc__tok_number(d, &n);
    if (rc)
        return rc;
    if (!n.integer) {
        d->p = at;
        return kc__tok_fail(d, KC_ETYPE, "expected integer, got %.*s",
                            (int)(n.len > 40 ? 40 : n.len), n.s);
    }
    bool neg = n.s[0] == '-';
    uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    bool over = false;
    for (size_t i = neg; i < n.len; i++) {
        unsigned dgt = (unsigned)(n.s[i] - '0');
        if (v > (limit - dgt) / 10) {
            over = true;
            break;
        }
        v = v * 10 + dgt;
    }
    int64_t x = 0;
    if (!over)
        x = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    if (over || x < lo || x > hi) {
        d->p = at;
        return kc__tok_fail(d, KC_ERANGE, "%.*s out of range for %s",
                            (int)(n.len > 40 ? 40 : n.len), n.s, ctype);
    }
    *out = x;
    return 0;
}

int kc__tok_double(kc__dec_t *d, double *out)
{
    if (kc__tok_peek(d) != '-' && (kc__tok_peek(d) < '0' || kc__tok_peek(d) > '9'))
        return kc__tok_mismatch(d, "number");
    const char *at = d->p;
    kc__num_span_t n;
    int rc = kc__tok_number(d, &n);
    if (rc)
        return rc;
    char stack[64], *buf = n.len < sizeof(stack) ? stack : kc_malloc(n.len + 1);
    if (!buf)
        return kc__tok_nomem(d);
    memcpy(buf, n.s, n.len);
    buf[n.len] = '\0';
    if (!n.integer) {
        /* strtod follows LC_NUMERIC; JSON's decimal point is always '.' */
        char dp = localeconv()->decimal_point[0];
        char *dot = dp != '.' ? memchr(buf, '.', n.len) : NULL;
        if (dot)
            *dot = dp;
    }
    double v = strtod(buf, NULL);
    if (buf != stack)
        kc_free(buf);
    if (isinf(v)) {
        d->p = at;
        return kc__tok_fail(d, KC_ERANGE, "%.*s out of range for double",
                            (int)(n.len > 40 ? 40 : n.len), n.s);
    }
    *out = v;
    return 0;
}

/* ---- free-form values: validate and copy minified ------------------------ */

/* Copies the value at d->p into b without insignificant whitespace (b NULL:
 * validate only). */
int kc__tok_minify(kc__dec_t *d, kc_buf_t *b)
{
    int c = kc__tok_peek(d), rc;
    switch (c) {
    case '"': {
        const char *at = d->p;
        kc__str_span_t s;
        if ((rc = kc__tok_string(d, &s)))
            return rc;
        if (b)
            kc__buf_put(b, at, (size_t)(d->p - at));
        return 0;
    }
    case 't': case 'f': case 'n': {
        const char *w = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t n = strlen(w);
        if ((rc = kc__tok_literal(d, w, n)))
            return rc;
        if (b)
            kc__buf_put(b, w, n);
        return 0;
    }
    case '{':
    case '[': {
        char close = c == '{' ? '}' : ']';
        if ((rc = kc__tok_enter(d)))
            return rc;
        d->p++;
        if (b)
            kc__buf_putc(b, (char)c);
        kc__tok_ws(d);
        if (kc__tok_peek(d) == close) {
            d->p++;
        } else {
            for (;;) {
                if (c == '{') {
                    if (kc__tok_peek(d) != '"')
                        return kc__tok_syntax(d, "expected member name");
                    if ((rc = kc__tok_minify(d, b)))
                        return rc;
                    kc__tok_ws(d);
                    if (kc__tok_peek(d) != ':')
                        return kc__tok_syntax(d, "expected ':'");
                    d->p++;
                    if (b)
                        kc__buf_putc(b, ':');
                    kc__tok_ws(d);
                }
                if ((rc = kc__tok_minify(d, b)))
                    return rc;
                kc__tok_ws(d);
                if (kc__tok_peek(d) == ',') {
                    d->p++;
                    if (b)
                        kc__buf_putc(b, ',');
                    kc__tok_ws(d);
                    continue;
                }
                if (kc__tok_peek(d) == close) {
                    d->p++;
                    break;
                }
                return kc__tok_syntax(d, c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
        if (b)
            kc__buf_putc(b, close);
        d->depth--;
        return 0;
    }
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            kc__num_span_t n;
            if ((rc = kc__tok_number(d, &n)))
                return rc;
            if (b)
                kc__buf_put(b, n.s, n.len);
            return 0;
        }
        return kc__tok_syntax(d, "expected a JSON value");
    }
}


/* ---- envelopes ----------------------------------------------------------- */

/* Skips an object or array by its brackets only (strings are scanned, so
 * brackets inside them do not count): for a span that a typed decode will
 * validate afterwards. */
static int skip_structure(kc__dec_t *d)
{
    const char *p = d->p, *e = d->end;
    size_t depth = 0;
    while (p < e) {
        char c = *p;
        if (c == '"') {
            d->p = p;
            kc__str_span_t s;
            int rc = kc__tok_string(d, &s);
            if (rc)
                return rc;
            p = d->p;
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                d->p = p + 1;
                return 0;
            }
        }
        p++;
    }
    d->p = p;
    return kc__tok_syntax(d, "unterminated value");
}

/* The members of an object after its '{' (close = '}') or of a bare member
 * list up to the end of the input (close = -1, what peek gives there). */
static int walk_members(kc__dec_t *d, int close, kc__member_fn fn, void *ctx)
{
    int rc;
    kc__tok_ws(d);
    if (kc__tok_peek(d) == close) {
        d->p += close > 0;
        return 0;
    }
    for (;;) {
        if (kc__tok_peek(d) != '"')
            return kc__tok_syntax(d, "expected member name");
        kc__str_span_t key;
        if ((rc = kc__tok_string(d, &key)))
            return rc;
        kc__tok_ws(d);
        if (kc__tok_peek(d) != ':')
            return kc__tok_syntax(d, "expected ':'");
        d->p++;
        kc__tok_ws(d);
        const char *v = d->p;
        int c = kc__tok_peek(d);
        kc__tok_push_name(d, key.raw, key.len);
        if (c == '{' || c == '[')
            rc = skip_structure(d);
        else
            rc = kc__tok_minify(d, NULL);
        kc__tok_pop(d);
        if (rc)
            return rc;
        if ((rc = fn(ctx, key.raw, key.len, v, (size_t)(d->p - v))) ||
            (rc = kc__tok_next(d, close)) <= 0)
            return rc;
    }
}

int kc__json_members(const char *json, size_t len, kc__member_fn fn, void *ctx, kc_error_t *err)
{
    kc__dec_t d;
    kc__tok_init(&d, json, len, "", err);
    kc__tok_ws(&d);
    if (kc__tok_peek(&d) != '{')
        return kc__tok_mismatch(&d, "object");
    d.p++;
    int rc = walk_members(&d, '}', fn, ctx);
    if (rc)
        return rc;
    kc__tok_ws(&d);
    if (d.p != d.end)
        return kc__tok_syntax(&d, "trailing characters after the JSON value");
    return 0;
}

int kc__json_member_list(const char *text, size_t len, kc__member_fn fn, void *ctx,
                         kc_error_t *err)
{
    kc__dec_t d;
    kc__tok_init(&d, text, len, "", err);
    return walk_members(&d, -1, fn, ctx);
}
