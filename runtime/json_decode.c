/*
 * json_decode.c - JSON text straight into described structs.
 *
 * A small pull parser over the input bytes: no intermediate tree, integers
 * parsed exactly as int64, strings copied once.  Declared members are found
 * by binary search over the type's by_name table (then in +json:inline
 * members); the others are appended, minified, to the struct's kc_unknown_t.
 *
 * Failure handling: every member is kept consistent at all times (a list's
 * count covers each element as soon as it is zeroed, a PTR's target is
 * attached before it is filled), so on any error kc_json_decode() releases
 * the partly filled struct with kc_object_free() and nothing leaks.
 */
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kc/alloc.h"
#include "kc/object.h"

typedef kc_seg_t seg_t;

typedef struct dec {
    const char *p, *start, *end;
    kc_error_t *err;
    const char *prefix; /* prepended to paths (the watch decoder's ".object") */
    int depth;
    int nseg;
    seg_t segs[KC_MAX_DEPTH + 2];
} dec_t;

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

static void path_string(const dec_t *d, char *buf, size_t cap)
{
    int n = d->nseg;
    int max = (int)(sizeof(d->segs) / sizeof(d->segs[0]));
    kc__path_format(buf, cap, d->prefix, d->segs, n < max ? n : max);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(dec_t *d, int code, const char *fmt, ...)
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

static int syntax(dec_t *d, const char *what)
{
    if (d->p >= d->end)
        return fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected end of input (%s)",
                    (size_t)(d->p - d->start), what);
    unsigned char c = (unsigned char)*d->p;
    if (c >= 0x20 && c < 0x7f)
        return fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected '%c' (%s)",
                    (size_t)(d->p - d->start), c, what);
    return fail(d, KC_EPARSE, "syntax error at byte %zu: unexpected byte 0x%02x (%s)",
                (size_t)(d->p - d->start), c, what);
}

static int nomem(dec_t *d)
{
    return fail(d, KC_ENOMEM, "out of memory");
}

/* What the next value is, for "expected X, got Y". */
static const char *value_name(const dec_t *d)
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

static int mismatch(dec_t *d, const char *expected)
{
    const char *got = d->p < d->end ? value_name(d) : NULL;
    if (!got)
        return syntax(d, "expected a JSON value");
    return fail(d, KC_ETYPE, "expected %s, got %s", expected, got);
}

static void push_name(dec_t *d, const char *name, size_t len)
{
    if (d->nseg < (int)(sizeof(d->segs) / sizeof(d->segs[0])))
        d->segs[d->nseg] = (seg_t){name, len};
    d->nseg++;
}

static void push_index(dec_t *d, size_t i)
{
    if (d->nseg < (int)(sizeof(d->segs) / sizeof(d->segs[0])))
        d->segs[d->nseg] = (seg_t){NULL, i};
    d->nseg++;
}

static inline void pop(dec_t *d)
{
    d->nseg--;
}

static int enter(dec_t *d)
{
    if (++d->depth > KC_MAX_DEPTH)
        return fail(d, KC_EDEPTH, "nesting deeper than %d at byte %zu", KC_MAX_DEPTH,
                    (size_t)(d->p - d->start));
    return 0;
}

/* ---- tokens ------------------------------------------------------------ */

static inline void ws(dec_t *d)
{
    const char *p = d->p, *e = d->end;
    while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    d->p = p;
}

static inline int peek(const dec_t *d)
{
    return d->p < d->end ? (unsigned char)*d->p : -1;
}

static int literal(dec_t *d, const char *word, size_t n)
{
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, word, n) != 0)
        return syntax(d, "invalid literal");
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

typedef struct str_span {
    const char *raw; /* between the quotes */
    size_t len;
    bool escaped;    /* contains a backslash escape */
    bool has_nul;    /* contains \u0000 */
} str_span_t;

/* Scans a string at d->p (on the opening quote), validating escapes and
 * surrogate pairs; leaves d->p after the closing quote. */
static int scan_string(dec_t *d, str_span_t *s)
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
            return syntax(d, "unterminated string");
        }
        if (*p == '"')
            break;
        if (*p != '\\') {
            d->p = p;
            return syntax(d, "control character in string");
        }
        s->escaped = true;
        if (e - p < 2) {
            d->p = e;
            return syntax(d, "unterminated string");
        }
        switch (p[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            p += 2;
            continue;
        case 'u':
            break;
        default:
            d->p = p;
            return syntax(d, "invalid escape");
        }
        int u = e - p >= 6 ? hex4(p + 2) : -1;
        if (u < 0) {
            d->p = p;
            return syntax(d, "invalid \\u escape");
        }
        if (u == 0)
            s->has_nul = true;
        if (u >= 0xDC00 && u <= 0xDFFF) {
            d->p = p;
            return syntax(d, "lone low surrogate");
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            int lo = (e - p >= 12 && p[6] == '\\' && p[7] == 'u') ? hex4(p + 8) : -1;
            if (lo < 0xDC00 || lo > 0xDFFF) {
                d->p = p;
                return syntax(d, "lone high surrogate");
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
static size_t unescape(const str_span_t *s, char *out)
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
static int string_value(dec_t *d, char **out)
{
    const char *at = d->p;
    str_span_t s;
    int rc = scan_string(d, &s);
    if (rc)
        return rc;
    if (s.has_nul) {
        d->p = at;
        return fail(d, KC_ERANGE, "string contains \\u0000, which a C string cannot hold");
    }
    char *p = kc_malloc(s.len + 1);
    if (!p)
        return nomem(d);
    size_t n = s.escaped ? unescape(&s, p) : (memcpy(p, s.raw, s.len), s.len);
    p[n] = '\0';
    *out = p;
    return 0;
}

typedef struct num_span {
    const char *s;
    size_t len;
    bool integer; /* no fraction, no exponent */
} num_span_t;

static int scan_number(dec_t *d, num_span_t *n)
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
        return syntax(d, "invalid number");
    }
    if (p < e && *p == '.') {
        n->integer = false;
        p++;
        if (p >= e || *p < '0' || *p > '9') {
            d->p = p;
            return syntax(d, "digit expected after '.'");
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
            return syntax(d, "digit expected in exponent");
        }
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    n->len = (size_t)(p - n->s);
    d->p = p;
    return 0;
}

/* An integer in [lo, hi], exactly. */
static int int_value(dec_t *d, int64_t lo, int64_t hi, const char *ctype, int64_t *out)
{
    if (peek(d) != '-' && (peek(d) < '0' || peek(d) > '9'))
        return mismatch(d, "integer");
    const char *at = d->p;
    num_span_t n;
    int rc = scan_number(d, &n);
    if (rc)
        return rc;
    if (!n.integer) {
        d->p = at;
        return fail(d, KC_ETYPE, "expected integer, got %.*s", (int)(n.len > 40 ? 40 : n.len), n.s);
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
        return fail(d, KC_ERANGE, "%.*s out of range for %s", (int)(n.len > 40 ? 40 : n.len), n.s,
                    ctype);
    }
    *out = x;
    return 0;
}

static int double_value(dec_t *d, double *out)
{
    if (peek(d) != '-' && (peek(d) < '0' || peek(d) > '9'))
        return mismatch(d, "number");
    const char *at = d->p;
    num_span_t n;
    int rc = scan_number(d, &n);
    if (rc)
        return rc;
    char stack[64], *buf = n.len < sizeof(stack) ? stack : kc_malloc(n.len + 1);
    if (!buf)
        return nomem(d);
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
        return fail(d, KC_ERANGE, "%.*s out of range for double", (int)(n.len > 40 ? 40 : n.len),
                    n.s);
    }
    *out = v;
    return 0;
}

/* ---- free-form values: validate and copy minified ------------------------ */

/* Copies the value at d->p into b without insignificant whitespace (b NULL:
 * validate only). */
static int minify(dec_t *d, kc_buf_t *b)
{
    int c = peek(d), rc;
    switch (c) {
    case '"': {
        const char *at = d->p;
        str_span_t s;
        if ((rc = scan_string(d, &s)))
            return rc;
        if (b)
            kc__buf_put(b, at, (size_t)(d->p - at));
        return 0;
    }
    case 't': case 'f': case 'n': {
        const char *w = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t n = strlen(w);
        if ((rc = literal(d, w, n)))
            return rc;
        if (b)
            kc__buf_put(b, w, n);
        return 0;
    }
    case '{':
    case '[': {
        char close = c == '{' ? '}' : ']';
        if ((rc = enter(d)))
            return rc;
        d->p++;
        if (b)
            kc__buf_putc(b, (char)c);
        ws(d);
        if (peek(d) == close) {
            d->p++;
        } else {
            for (;;) {
                if (c == '{') {
                    if (peek(d) != '"')
                        return syntax(d, "expected member name");
                    if ((rc = minify(d, b)))
                        return rc;
                    ws(d);
                    if (peek(d) != ':')
                        return syntax(d, "expected ':'");
                    d->p++;
                    if (b)
                        kc__buf_putc(b, ':');
                    ws(d);
                }
                if ((rc = minify(d, b)))
                    return rc;
                ws(d);
                if (peek(d) == ',') {
                    d->p++;
                    if (b)
                        kc__buf_putc(b, ',');
                    ws(d);
                    continue;
                }
                if (peek(d) == close) {
                    d->p++;
                    break;
                }
                return syntax(d, c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
        if (b)
            kc__buf_putc(b, close);
        d->depth--;
        return 0;
    }
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            num_span_t n;
            if ((rc = scan_number(d, &n)))
                return rc;
            if (b)
                kc__buf_put(b, n.s, n.len);
            return 0;
        }
        return syntax(d, "expected a JSON value");
    }
}

/* ---- typed values -------------------------------------------------------- */

static int decode_struct(dec_t *d, const kc_type_t *t, void *base);

/* One element of `kind` at d->p (not null: callers handle null). */
static int decode_elem(dec_t *d, unsigned kind, const kc_type_t *type, void *p)
{
    int c = peek(d), rc;
    switch (kind) {
    case KC_KIND_STRING:
        if (c != '"')
            return mismatch(d, "string");
        return string_value(d, (char **)p);
    case KC_KIND_BOOL:
        if (c == 't') {
            *(bool *)p = true;
            return literal(d, "true", 4);
        }
        if (c == 'f') {
            *(bool *)p = false;
            return literal(d, "false", 5);
        }
        return mismatch(d, "boolean");
    case KC_KIND_INT32: {
        int64_t v;
        if ((rc = int_value(d, INT32_MIN, INT32_MAX, "int32", &v)))
            return rc;
        *(int32_t *)p = (int32_t)v;
        return 0;
    }
    case KC_KIND_INT64:
        return int_value(d, INT64_MIN, INT64_MAX, "int64", (int64_t *)p);
    case KC_KIND_DOUBLE:
        return double_value(d, (double *)p);
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        if (c != '"')
            return mismatch(d, "RFC 3339 time string");
        const char *at = d->p;
        str_span_t s;
        if ((rc = scan_string(d, &s)))
            return rc;
        char tmp[64];
        size_t n = s.len;
        if (s.escaped && n < sizeof(tmp))
            n = unescape(&s, tmp);
        if (n >= sizeof(tmp) || kc__time_parse(s.escaped ? tmp : s.raw, n, p) != 0) {
            d->p = at;
            return fail(d, KC_ETYPE, "expected RFC 3339 time, got \"%.*s\"",
                        (int)(s.len > 40 ? 40 : s.len), s.raw);
        }
        return 0;
    }
    case KC_KIND_QUANTITY: {
        kc_quantity_t *q = p;
        if (c == '"') {
            q->number = false;
            return string_value(d, &q->str);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            num_span_t n;
            if ((rc = scan_number(d, &n)))
                return rc;
            if (!(q->str = kc_strndup(n.s, n.len)))
                return nomem(d);
            q->number = true;
            return 0;
        }
        return mismatch(d, "quantity (string or number)");
    }
    case KC_KIND_INT_OR_STRING: {
        kc_int_or_string_t *v = p;
        if (c == '"') {
            v->type = KC_INT_OR_STRING_STRING;
            return string_value(d, &v->str_val);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int64_t x;
            if ((rc = int_value(d, INT32_MIN, INT32_MAX, "int32", &x)))
                return rc;
            v->type = KC_INT_OR_STRING_INT;
            v->int_val = (int32_t)x;
            return 0;
        }
        return mismatch(d, "integer or string");
    }
    case KC_KIND_JSON: {
        kc_buf_t b = {0};
        if ((rc = minify(d, &b))) {
            kc_free(b.p);
            return rc;
        }
        if (!kc__buf_reserve(&b, 0)) {
            kc_free(b.p);
            return nomem(d);
        }
        b.p[b.len] = '\0';
        ((kc_json_t *)p)->text = b.p;
        return 0;
    }
    case KC_KIND_STRUCT:
        if (!type)
            return fail(d, KC_EINVAL, "descriptor has a struct member without a type");
        if (c != '{')
            return mismatch(d, "object");
        return decode_struct(d, type, p);
    default:
        return fail(d, KC_EINVAL, "descriptor has an invalid kind %u", kind);
    }
}

static inline bool is_null(const dec_t *d)
{
    return peek(d) == 'n';
}

/* An element of a list or a map value: null leaves the zero value. */
static int decode_elem_or_null(dec_t *d, unsigned kind, const kc_type_t *type, void *p)
{
    if (is_null(d))
        return literal(d, "null", 4);
    return decode_elem(d, kind, type, p);
}

/* Grows a list/map array by one zeroed element that the count already
 * covers, so a failure inside it is released with the rest. */
static void *append_elem(dec_t *d, void **arr, size_t *count, size_t *cap, size_t es)
{
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        if (ncap > SIZE_MAX / es) {
            nomem(d);
            return NULL;
        }
        void *a = kc_realloc(*arr, ncap * es);
        if (!a) {
            nomem(d);
            return NULL;
        }
        *arr = a;
        *cap = ncap;
    }
    void *e = (char *)*arr + *count * es;
    memset(e, 0, es);
    (*count)++;
    return e;
}

/* Gives back the unused tail of a list grown by doubling (decoded objects
 * are long-lived in caches); if realloc fails the larger block is kept. */
static void shrink(void **arr, size_t count, size_t cap, size_t es)
{
    if (cap - count > 1 || (cap > count && es >= 64)) {
        void *a = kc_realloc(*arr, count * es);
        if (a)
            *arr = a;
    }
}

static int decode_list(dec_t *d, const kc_field_t *f, void *base)
{
    if (peek(d) != '[')
        return mismatch(d, "array");
    int rc;
    if ((rc = enter(d)))
        return rc;
    void **arr = KC_AT(base, f->offset);
    size_t *count = KC_AT(base, f->count_offset), cap = 0;
    size_t es = kc__elem_size(f->kind, f->type);
    if (!es)
        return fail(d, KC_EINVAL, "descriptor has a list member without an element type");
    d->p++;
    ws(d);
    if (peek(d) == ']') {
        d->p++;
        d->depth--;
        return 0;
    }
    for (;;) {
        void *e = append_elem(d, arr, count, &cap, es);
        if (!e)
            return KC_ENOMEM;
        push_index(d, *count - 1);
        rc = decode_elem_or_null(d, f->kind, f->type, e);
        pop(d);
        if (rc)
            return rc;
        ws(d);
        if (peek(d) == ',') {
            d->p++;
            ws(d);
            continue;
        }
        if (peek(d) == ']') {
            d->p++;
            break;
        }
        return syntax(d, "expected ',' or ']'");
    }
    shrink(arr, *count, cap, es);
    d->depth--;
    return 0;
}

/* Map keys are unique (last wins, like Go): a small map is searched
 * linearly, a large one through an open-addressing table of entry indices. */
typedef struct key_index {
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t mask;
} key_index_t;

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

#define KEY_INDEX_MIN 16

static const char *entry_key(const kc_type_t *et, const char *arr, size_t es, size_t i)
{
    return *(char *const *)(arr + i * es + et->fields[0].offset);
}

static bool key_index_insert(key_index_t *ki, const kc_type_t *et, const char *arr, size_t es,
                             size_t i, size_t *dup)
{
    const char *k = entry_key(et, arr, es, i);
    for (size_t s = hash_key(k) & ki->mask;; s = (s + 1) & ki->mask) {
        if (!ki->slots[s]) {
            ki->slots[s] = (uint32_t)(i + 1);
            return false;
        }
        if (strcmp(entry_key(et, arr, es, ki->slots[s] - 1), k) == 0) {
            *dup = ki->slots[s] - 1;
            return true;
        }
    }
}

static int key_index_build(dec_t *d, key_index_t *ki, const kc_type_t *et, const char *arr,
                           size_t es, size_t n)
{
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    uint32_t *slots = kc_calloc(cap, sizeof(*slots));
    if (!slots || n >= UINT32_MAX) {
        kc_free(slots);
        return nomem(d);
    }
    kc_free(ki->slots);
    ki->slots = slots;
    ki->mask = cap - 1;
    size_t dup;
    for (size_t i = 0; i < n; i++)
        key_index_insert(ki, et, arr, es, i, &dup);
    return 0;
}

/* Finds an earlier entry with the same key as entry n (the newest). */
static int find_dup(dec_t *d, key_index_t *ki, const kc_type_t *et, const char *arr, size_t es,
                    size_t n, size_t *dup)
{
    if (n < KEY_INDEX_MIN) {
        const char *k = entry_key(et, arr, es, n);
        for (size_t i = 0; i < n; i++)
            if (strcmp(entry_key(et, arr, es, i), k) == 0) {
                *dup = i;
                return 1;
            }
        return 0;
    }
    if (!ki->slots || (n + 1) * 2 > ki->mask + 1) {
        int rc = key_index_build(d, ki, et, arr, es, n);
        if (rc)
            return rc;
    }
    return key_index_insert(ki, et, arr, es, n, dup) ? 1 : 0;
}

static int decode_map(dec_t *d, const kc_field_t *f, void *base)
{
    const kc_type_t *et = f->type;
    if (!et || et->n_fields < 2)
        return fail(d, KC_EINVAL, "map member %s has no entry type", f->c_name ? f->c_name : "?");
    if (peek(d) != '{')
        return mismatch(d, "object");
    int rc;
    if ((rc = enter(d)))
        return rc;
    const kc_field_t *kf = &et->fields[0], *vf = &et->fields[1];
    void **arr = KC_AT(base, f->offset);
    size_t *count = KC_AT(base, f->count_offset), cap = 0, es = et->size;
    key_index_t ki = {NULL, 0};
    d->p++;
    ws(d);
    if (peek(d) == '}') {
        d->p++;
        d->depth--;
        return 0;
    }
    for (;;) {
        if (peek(d) != '"') {
            rc = syntax(d, "expected member name");
            break;
        }
        const char *name = d->p + 1;
        char *e = append_elem(d, arr, count, &cap, es);
        if (!e) {
            rc = KC_ENOMEM;
            break;
        }
        if ((rc = string_value(d, (char **)(e + kf->offset))))
            break;
        size_t name_len = (size_t)(d->p - 1 - name);
        ws(d);
        if (peek(d) != ':') {
            rc = syntax(d, "expected ':'");
            break;
        }
        d->p++;
        ws(d);
        push_name(d, name, name_len);
        void *vp = e + vf->offset;
        if (vf->shape == KC_SHAPE_PTR && !is_null(d)) {
            void *q = kc_calloc(1, kc__elem_size(vf->kind, vf->type));
            if (!q) {
                rc = nomem(d);
                pop(d);
                break;
            }
            *(void **)vp = q;
            vp = q;
        }
        rc = decode_elem_or_null(d, vf->kind, vf->type, vp);
        pop(d);
        if (rc)
            break;
        size_t dup;
        rc = find_dup(d, &ki, et, (const char *)*arr, es, *count - 1, &dup);
        if (rc < 0)
            break;
        if (rc == 1) { /* last wins: the new entry replaces the old in place */
            char *old = (char *)*arr + dup * es;
            kc__elem_free(KC_KIND_STRUCT, et, old);
            memcpy(old, e, es);
            (*count)--;
        }
        rc = 0;
        ws(d);
        if (peek(d) == ',') {
            d->p++;
            ws(d);
            continue;
        }
        if (peek(d) == '}') {
            d->p++;
            break;
        }
        rc = syntax(d, "expected ',' or '}'");
        break;
    }
    kc_free(ki.slots);
    if (rc)
        return rc;
    shrink(arr, *count, cap, es);
    d->depth--;
    return 0;
}

/* A declared member: null sets the presence and null bits and leaves the
 * member zeroed; a repeated member replaces the earlier value. */
static int decode_member(dec_t *d, const kc_field_t *f, void *base, kc_unknown_t *u, uint32_t idx)
{
    uint64_t bit = idx < 64 ? (uint64_t)1 << idx : 0;
    /* members start zeroed; only a repeated one holds a value to release */
    if (!u || !bit || (u->present & bit))
        kc__field_free(f, base);
    if (u)
        u->present |= bit;
    if (is_null(d)) {
        if (u)
            u->nulls |= bit;
        return literal(d, "null", 4);
    }
    if (u)
        u->nulls &= ~bit;
    void *p = KC_AT(base, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        return decode_elem(d, f->kind, f->type, p);
    case KC_SHAPE_PTR: {
        void *q = kc_calloc(1, kc__elem_size(f->kind, f->type));
        if (!q)
            return nomem(d);
        *(void **)p = q;
        return decode_elem(d, f->kind, f->type, q);
    }
    case KC_SHAPE_LIST:
        return decode_list(d, f, base);
    case KC_SHAPE_MAP:
        return decode_map(d, f, base);
    default:
        return fail(d, KC_EINVAL, "descriptor has an invalid shape %u", f->shape);
    }
}

static inline int name_cmp(const kc_field_t *f, const char *name, size_t len)
{
    size_t n = f->json_name_len < len ? f->json_name_len : len;
    int c = memcmp(f->json_name, name, n);
    if (c)
        return c;
    return f->json_name_len < len ? -1 : f->json_name_len > len;
}

static inline bool name_is(const kc_field_t *f, const char *name, size_t len)
{
    return f->json_name_len == len && memcmp(f->json_name, name, len) == 0 &&
           !(f->flags & KC_FIELD_INLINE); /* an inline member has no name of its own */
}

/* Finds a declared member by JSON name: binary search over by_name, then the
 * +json:inline members (recursively).  Returns the field index in *owner_t,
 * whose struct is at *owner_base (and its by_name position in *pos), or -1. */
static int lookup(const kc_type_t *t, void *base, const char *name, size_t len,
                  const kc_type_t **owner_t, void **owner_base, uint32_t *pos)
{
    uint32_t lo = 0, hi = t->n_by_name;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        uint16_t i = t->by_name[mid];
        int c = name_cmp(&t->fields[i], name, len);
        if (c == 0) {
            *owner_t = t;
            *owner_base = base;
            *pos = mid;
            return i;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (t->n_by_name == t->n_fields)
        return -1;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if ((f->flags & KC_FIELD_INLINE) && f->kind == KC_KIND_STRUCT && f->type &&
            f->shape == KC_SHAPE_VALUE) {
            int r = lookup(f->type, KC_AT(base, f->offset), name, len, owner_t, owner_base, pos);
            if (r >= 0)
                return r;
        }
    }
    return -1;
}

static int decode_struct(dec_t *d, const kc_type_t *t, void *base)
{
    int rc;
    if ((rc = enter(d)))
        return rc;
    kc_unknown_t *u = kc__unknown(t, base);
    kc_buf_t ub = {0};
    uint32_t next_field = 0, next_sorted = 0;
    if (u)
        u->decoded = true;
    d->p++;
    ws(d);
    if (peek(d) == '}') {
        d->p++;
        d->depth--;
        return 0;
    }
    for (;;) {
        if (peek(d) != '"') {
            rc = syntax(d, "expected member name");
            break;
        }
        const char *key_at = d->p;
        str_span_t key;
        if ((rc = scan_string(d, &key)))
            break;
        const char *key_end = d->p;
        ws(d);
        if (peek(d) != ':') {
            rc = syntax(d, "expected ':'");
            break;
        }
        d->p++;
        ws(d);

        const char *name = key.raw;
        size_t name_len = key.len;
        char small[128], *heap = NULL;
        if (key.escaped) {
            char *tmp = key.len < sizeof(small) ? small : (heap = kc_malloc(key.len));
            if (!tmp) {
                rc = nomem(d);
                break;
            }
            name_len = unescape(&key, tmp);
            name = tmp;
        }
        /* Objects usually list members in declaration order (Go structs)
         * or sorted by name (CRDs, unstructured): try the member after the
         * previous match in both orders before searching. */
        const kc_type_t *ot = t;
        void *ob = base;
        int idx = -1;
        uint32_t pos = UINT32_MAX;
        if (next_field < t->n_fields && name_is(&t->fields[next_field], name, name_len)) {
            idx = (int)next_field;
        } else if (next_sorted < t->n_by_name &&
                   name_is(&t->fields[t->by_name[next_sorted]], name, name_len)) {
            idx = t->by_name[next_sorted];
            pos = next_sorted;
        } else {
            idx = lookup(t, base, name, name_len, &ot, &ob, &pos);
        }
        kc_free(heap);
        if (idx >= 0 && ot == t) {
            next_field = (uint32_t)idx + 1;
            if (pos != UINT32_MAX)
                next_sorted = pos + 1;
        }

        push_name(d, key.raw, key.len);
        if (idx >= 0) {
            rc = decode_member(d, &ot->fields[idx], ob, kc__unknown(ot, ob), (uint32_t)idx);
        } else if (u) {
            if (ub.len)
                kc__buf_putc(&ub, ',');
            kc__buf_put(&ub, key_at, (size_t)(key_end - key_at));
            kc__buf_putc(&ub, ':');
            rc = minify(d, &ub);
            if (!rc && ub.oom)
                rc = nomem(d);
        } else {
            rc = minify(d, NULL);
        }
        pop(d);
        if (rc)
            break;
        ws(d);
        if (peek(d) == ',') {
            d->p++;
            ws(d);
            continue;
        }
        if (peek(d) == '}') {
            d->p++;
            break;
        }
        rc = syntax(d, "expected ',' or '}'");
        break;
    }
    if (rc) {
        kc_free(ub.p);
        return rc;
    }
    if (ub.len) {
        ub.p[ub.len] = '\0'; /* kc__buf_reserve always leaves room for it */
        kc_free(u->text);
        u->text = ub.p;
    }
    d->depth--;
    return 0;
}

/* ---- envelopes ----------------------------------------------------------- */

/* Skips an object or array by its brackets only (strings are scanned, so
 * brackets inside them do not count): for a span that a typed decode will
 * validate afterwards. */
static int skip_structure(dec_t *d)
{
    const char *p = d->p, *e = d->end;
    size_t depth = 0;
    while (p < e) {
        char c = *p;
        if (c == '"') {
            d->p = p;
            str_span_t s;
            int rc = scan_string(d, &s);
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
    return syntax(d, "unterminated value");
}

int kc__json_members(const char *json, size_t len, kc__member_fn fn, void *ctx, kc_error_t *err)
{
    dec_t d;
    d.p = d.start = json;
    d.end = json + len;
    d.err = err;
    d.prefix = "";
    d.depth = 0;
    d.nseg = 0;
    int rc;
    ws(&d);
    if (peek(&d) != '{')
        return mismatch(&d, "object");
    d.p++;
    ws(&d);
    if (peek(&d) == '}') {
        d.p++;
    } else {
        for (;;) {
            if (peek(&d) != '"')
                return syntax(&d, "expected member name");
            str_span_t key;
            if ((rc = scan_string(&d, &key)))
                return rc;
            ws(&d);
            if (peek(&d) != ':')
                return syntax(&d, "expected ':'");
            d.p++;
            ws(&d);
            const char *v = d.p;
            int c = peek(&d);
            push_name(&d, key.raw, key.len);
            if (c == '{' || c == '[')
                rc = skip_structure(&d);
            else
                rc = minify(&d, NULL);
            pop(&d);
            if (rc)
                return rc;
            if ((rc = fn(ctx, key.raw, key.len, v, (size_t)(d.p - v))))
                return rc;
            ws(&d);
            if (peek(&d) == ',') {
                d.p++;
                ws(&d);
                continue;
            }
            if (peek(&d) == '}') {
                d.p++;
                break;
            }
            return syntax(&d, "expected ',' or '}'");
        }
    }
    ws(&d);
    if (d.p != d.end)
        return syntax(&d, "trailing characters after the JSON value");
    return 0;
}

/* ---- entry points ------------------------------------------------------ */

int kc__json_decode_prefixed(const kc_type_t *t, void *out, const char *json, size_t len,
                             const char *path, kc_error_t *err)
{
    if (!t || !out || (!json && len))
        return kc_error_set(err, KC_EINVAL, "kc_json_decode: NULL argument");
    memset(out, 0, t->size);
    dec_t d;
    d.p = d.start = json ? json : "";
    d.end = d.p + len;
    d.err = err;
    d.prefix = path ? path : "";
    d.depth = 0;
    d.nseg = 0;
    ws(&d);
    int rc;
    if (peek(&d) != '{') {
        rc = mismatch(&d, "object");
    } else if (!(rc = decode_struct(&d, t, out))) {
        ws(&d);
        if (d.p != d.end)
            rc = syntax(&d, "trailing characters after the JSON value");
    }
    if (rc)
        kc_object_free(t, out);
    return rc;
}

int kc_json_decode(const kc_type_t *t, void *out, const char *json, size_t len, kc_error_t *err)
{
    return kc__json_decode_prefixed(t, out, json, len, "", err);
}
