/*
 * mustache.c - the mustache renderer behind kc-gen's templates.
 *
 * A template is parsed once into a flat array of lexemes (text pieces, one
 * per source line at most, and tags); sections, parents and blocks know the
 * index of their closing tag ("mate"), so rendering is a loop over an index
 * range that jumps over bodies it does not render.  Parsing runs in three
 * small passes:
 *
 *   lex    split the source into text and tags, following set-delimiter tags;
 *   match  pair every opening tag with its closing tag (structure errors);
 *   lines  decide, line by line, which lines are "standalone" (only tags that
 *          render nothing and whitespace: the whole line disappears), which
 *          lexeme starts a line (where indentation goes), and how blocks are
 *          indented.
 *
 * Indentation (standalone partials, blocks) is applied lazily while
 * rendering: a lexeme that starts a line raises `at_bol`, and the first byte
 * written afterwards is preceded by the current indentation - unless that
 * byte ends the line, so blank lines never get trailing whitespace.
 */
#include "mustache.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Limits that keep hostile or buggy templates from exhausting the stack,
 * the heap or the clock; kc's real templates stay far below all of them. */
#ifndef MST_MAX_NEST
#define MST_MAX_NEST 256 /* sections/parents/blocks open at once in one template */
#endif
#ifndef MST_MAX_DEPTH
#define MST_MAX_DEPTH 512 /* nested renders: sections, partials, blocks */
#endif
#ifndef MST_MAX_STEPS
#define MST_MAX_STEPS (1ul << 24) /* lexemes visited in one render */
#endif
#ifndef MST_MAX_OUTPUT
#define MST_MAX_OUTPUT ((size_t)64 << 20) /* bytes of output */
#endif

#define NONE SIZE_MAX

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void set_err(mst_error_t *err, int line, int col, const char *fmt, ...)
{
    va_list ap;
    err->line = line;
    err->col = col;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Names in messages are cut so the message itself always fits. */
#define NAME_MAX_SHOWN 64
#define SHOWN(n) ((int)((n) < NAME_MAX_SHOWN ? (n) : NAME_MAX_SHOWN))

/* ------------------------------------------------------------------------ */
/* Growable byte buffer                                                     */

typedef struct buf {
    char *p;
    size_t len, cap;
    int failed; /* allocation failed or MST_MAX_OUTPUT reached */
} buf_t;

static int buf_reserve(buf_t *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (extra > MST_MAX_OUTPUT - b->len) {
        b->failed = 1;
        return -1;
    }
    if (b->len + extra <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static void buf_put(buf_t *b, const char *s, size_t n)
{
    if (n == 0 || buf_reserve(b, n) < 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* ------------------------------------------------------------------------ */
/* Lexemes                                                                  */

typedef enum kind {
    K_TEXT,     /* literal text, never more than one line */
    K_VAR,      /* {{name}}: HTML-escaped */
    K_RAW,      /* {{{name}}} or {{&name}} */
    K_SECTION,  /* {{#name}} */
    K_INVERTED, /* {{^name}} */
    K_CLOSE,    /* {{/name}} */
    K_PARTIAL,  /* {{>name}} */
    K_PARENT,   /* {{<name}} */
    K_BLOCK,    /* {{$name}} */
    K_COMMENT,  /* {{! ... }} */
    K_DELIM     /* {{=<% %>=}} */
} kind_t;

/* How a block's content is indented where the block is expanded. */
typedef enum block_mode {
    BM_INLINE, /* mid-line block: no indentation of its own */
    BM_OWN,    /* content on its own lines: indentation of its first line */
    BM_PAIR    /* "  {{$b}}...{{/b}}" alone on a line: indentation before it */
} block_mode_t;

typedef struct lex {
    const char *s;   /* text, or the trimmed tag content (the name) */
    size_t n;
    const char *ind; /* standalone partial/parent or block indentation */
    size_t ind_n;
    size_t mate;     /* opening <-> closing tag index, NONE otherwise */
    int line, col;   /* 1-based start, for error messages */
    unsigned char kind;
    unsigned char eol;        /* text that ends with '\n' */
    unsigned char dropped;    /* whitespace removed with a standalone line */
    unsigned char standalone; /* tag alone on its line */
    unsigned char bol;        /* first lexeme of a rendered line */
    unsigned char arg;        /* block directly inside a parent: an argument */
    unsigned char mode;       /* block_mode_t */
    unsigned char ind_set;    /* BM_OWN indentation known (from the next line) */
    unsigned char active;     /* argument being rendered: no self-recursion */
} lex_t;

typedef struct tmpl {
    lex_t *lx;
    size_t n, cap;
} tmpl_t;

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int all_ws(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_ws(s[i]))
            return 0;
    return 1;
}

static int is_open(const lex_t *x)
{
    return x->kind == K_SECTION || x->kind == K_INVERTED || x->kind == K_PARENT ||
           x->kind == K_BLOCK;
}

static int same_name(const lex_t *a, const lex_t *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

static lex_t *tmpl_push(tmpl_t *t)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        lex_t *lx = realloc(t->lx, cap * sizeof *lx);
        if (!lx)
            return NULL;
        t->lx = lx;
        t->cap = cap;
    }
    lex_t *x = &t->lx[t->n++];
    memset(x, 0, sizeof *x);
    x->mate = NONE;
    return x;
}

static void tmpl_free(tmpl_t *t)
{
    if (t)
        free(t->lx);
    free(t);
}

/* ------------------------------------------------------------------------ */
/* Pass 1: lex                                                              */

typedef struct parser {
    const char *src;
    size_t len;
    tmpl_t *t;
    mst_error_t *err;
    const char *otag, *ctag; /* current delimiters (slices of src) */
    size_t otag_n, ctag_n;
    int line;          /* line of src[scan] */
    size_t line_start; /* offset where that line starts */
    size_t scan;       /* newlines are counted up to here */
} parser_t;

/* Offset of needle in src[from, len) or NONE; memmem is not C11. */
static size_t find(const parser_t *p, size_t from, const char *needle, size_t nn)
{
    while (from + nn <= p->len) {
        const char *hit = memchr(p->src + from, needle[0], p->len - from - nn + 1);
        if (!hit)
            return NONE;
        size_t at = (size_t)(hit - p->src);
        if (memcmp(hit, needle, nn) == 0)
            return at;
        from = at + 1;
    }
    return NONE;
}

/* Counts lines up to `upto` so every lexeme knows its line and column. */
static void track(parser_t *p, size_t upto)
{
    for (; p->scan < upto; p->scan++) {
        if (p->src[p->scan] == '\n') {
            p->line++;
            p->line_start = p->scan + 1;
        }
    }
}

static int col_of(const parser_t *p, size_t at)
{
    return (int)(at - p->line_start) + 1;
}

static int oom(parser_t *p)
{
    set_err(p->err, 0, 0, "out of memory");
    return -1;
}

/* Text is split after every '\n' so that a lexeme never spans lines. */
static int lex_text(parser_t *p, size_t from, size_t to)
{
    while (from < to) {
        const char *nl = memchr(p->src + from, '\n', to - from);
        size_t end = nl ? (size_t)(nl - p->src) + 1 : to;
        lex_t *x = tmpl_push(p->t);
        if (!x)
            return oom(p);
        track(p, from);
        x->kind = K_TEXT;
        x->s = p->src + from;
        x->n = end - from;
        x->eol = nl != NULL;
        x->line = p->line;
        x->col = col_of(p, from);
        from = end;
    }
    return 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_ws(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_ws((*s)[*n - 1]))
        (*n)--;
}

static kind_t kind_of(char c)
{
    switch (c) {
    case '&':
    case '{': return K_RAW;
    case '#': return K_SECTION;
    case '^': return K_INVERTED;
    case '/': return K_CLOSE;
    case '>': return K_PARTIAL;
    case '<': return K_PARENT;
    case '$': return K_BLOCK;
    case '!': return K_COMMENT;
    case '=': return K_DELIM;
    default: return K_VAR;
    }
}

/* "{{=<% %>=}}": `s` is what follows the '='. */
static int set_delims(parser_t *p, const char *s, size_t n, const lex_t *x)
{
    if (n < 1 || s[n - 1] != '=')
        goto bad;
    n--;
    trim(&s, &n);
    size_t a = 0;
    while (a < n && !is_ws(s[a]))
        a++;
    const char *close = s + a;
    size_t close_n = n - a;
    trim(&close, &close_n);
    if (a == 0 || close_n == 0 || memchr(s, '=', a) || memchr(close, '=', close_n))
        goto bad;
    for (size_t i = 0; i < close_n; i++)
        if (is_ws(close[i]))
            goto bad;
    p->otag = s;
    p->otag_n = a;
    p->ctag = close;
    p->ctag_n = close_n;
    return 0;
bad:
    set_err(p->err, x->line, x->col, "invalid set-delimiter tag");
    return -1;
}

/* Names are one word; partial and parent names may start with '*' (dynamic). */
static int check_name(parser_t *p, const lex_t *x)
{
    const char *s = x->s;
    size_t n = x->n;
    if ((x->kind == K_PARTIAL || x->kind == K_PARENT) && n && s[0] == '*') {
        s++;
        n--;
        trim(&s, &n);
    }
    if (n == 0) {
        set_err(p->err, x->line, x->col, "empty tag");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (is_ws(s[i])) {
            set_err(p->err, x->line, x->col, "invalid tag name '%.*s'", SHOWN(x->n), x->s);
            return -1;
        }
    }
    return 0;
}

/* Finds where the tag content starting at `c` ends; *end is past the tag. */
static size_t tag_content_end(const parser_t *p, size_t c, int triple, size_t *end)
{
    size_t e = find(p, c, p->ctag, p->ctag_n);
    if (triple) {
        /* "{{{x}}}": the content ends before a '}' that precedes the delimiter */
        while (e != NONE && (e == c || p->src[e - 1] != '}'))
            e = find(p, e + 1, p->ctag, p->ctag_n);
        if (e == NONE)
            return NONE;
        *end = e + p->ctag_n;
        return e - 1;
    }
    if (e != NONE)
        *end = e + p->ctag_n;
    return e;
}

static int lex_tag(parser_t *p, size_t at, size_t *next)
{
    lex_t *x = tmpl_push(p->t);
    if (!x)
        return oom(p);
    track(p, at);
    x->line = p->line;
    x->col = col_of(p, at);

    size_t c = at + p->otag_n;
    char sigil = c < p->len ? p->src[c] : '\0';
    x->kind = (unsigned char)kind_of(sigil);
    if (x->kind != K_VAR)
        c++;
    size_t end = 0;
    size_t e = tag_content_end(p, c, sigil == '{', &end);
    /* Only comments may span lines: a stray "{{" must not eat the file. */
    if (e == NONE || (x->kind != K_COMMENT && memchr(p->src + c, '\n', e - c))) {
        set_err(p->err, x->line, x->col, "unclosed tag");
        return -1;
    }
    x->s = p->src + c;
    x->n = e - c;
    track(p, end);
    *next = end;

    if (x->kind == K_DELIM)
        return set_delims(p, x->s, x->n, x);
    trim(&x->s, &x->n);
    return x->kind == K_COMMENT ? 0 : check_name(p, x);
}

static int lex_all(parser_t *p)
{
    size_t pos = 0;
    while (pos < p->len) {
        size_t at = find(p, pos, p->otag, p->otag_n);
        if (lex_text(p, pos, at == NONE ? p->len : at) < 0)
            return -1;
        if (at == NONE)
            break;
        if (lex_tag(p, at, &pos) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Pass 2: match opening and closing tags                                   */

static const char *what(const lex_t *x)
{
    return x->kind == K_PARENT    ? "parent"
           : x->kind == K_BLOCK   ? "block"
           : x->kind == K_PARTIAL ? "partial"
                                  : "section";
}

static int match_close(parser_t *p, size_t *stack, size_t depth, size_t i)
{
    lex_t *lx = p->t->lx, *x = &lx[i];
    if (depth == 0) {
        set_err(p->err, x->line, x->col, "unexpected closing tag '%.*s'", SHOWN(x->n), x->s);
        return -1;
    }
    lex_t *o = &lx[stack[depth - 1]];
    if (!same_name(o, x)) {
        set_err(p->err, x->line, x->col,
                "closing tag '%.*s' does not match %s '%.*s' opened at %d:%d", SHOWN(x->n),
                x->s, what(o), SHOWN(o->n), o->s, o->line, o->col);
        return -1;
    }
    o->mate = i;
    x->mate = stack[depth - 1];
    return 0;
}

static int match_all(parser_t *p)
{
    size_t stack[MST_MAX_NEST];
    size_t depth = 0;
    lex_t *lx = p->t->lx;
    for (size_t i = 0; i < p->t->n; i++) {
        if (is_open(&lx[i])) {
            if (depth == MST_MAX_NEST) {
                set_err(p->err, lx[i].line, lx[i].col, "sections nested too deeply");
                return -1;
            }
            lx[i].arg = lx[i].kind == K_BLOCK && depth && lx[stack[depth - 1]].kind == K_PARENT;
            stack[depth++] = i;
        } else if (lx[i].kind == K_CLOSE) {
            if (match_close(p, stack, depth, i) < 0)
                return -1;
            depth--;
        }
    }
    if (depth) {
        const lex_t *o = &lx[stack[depth - 1]];
        set_err(p->err, o->line, o->col, "unclosed %s '%.*s'", what(o), SHOWN(o->n), o->s);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Pass 3: standalone lines, line starts, block indentation                 */

/* A parameter block opened and closed on one line renders inline content, so
 * it counts as content, like an interpolation: "  {{$b}}{{/b}}\n" keeps its
 * newline.  Every other tag renders nothing in place or is line-shaped. */
static int renders_inline(const lex_t *lx, size_t k, size_t line_begin, size_t line_end)
{
    const lex_t *x = &lx[k];
    if (x->kind == K_TEXT)
        return !all_ws(x->s, x->n);
    if (x->kind == K_VAR || x->kind == K_RAW)
        return 1;
    if (x->kind == K_BLOCK && !x->arg)
        return x->mate < line_end;
    if (x->kind == K_CLOSE) {
        const lex_t *o = &lx[x->mate];
        return o->kind == K_BLOCK && !o->arg && x->mate >= line_begin;
    }
    return 0;
}

/* Marks the line [b, e) standalone (its whitespace and newline vanish) or
 * flags its first lexeme as a line start.  Returns whether it is standalone. */
static int mark_line(tmpl_t *t, size_t b, size_t e)
{
    int tags = 0;
    for (size_t k = b; k < e; k++) {
        if (renders_inline(t->lx, k, b, e))
            goto not_standalone;
        tags += t->lx[k].kind != K_TEXT;
    }
    if (!tags)
        goto not_standalone;
    for (size_t k = b; k < e; k++) {
        lex_t *x = &t->lx[k];
        x->dropped = x->kind == K_TEXT;
        x->standalone = x->kind != K_TEXT;
        if ((x->kind == K_PARTIAL || x->kind == K_PARENT) && t->lx[b].kind == K_TEXT) {
            x->ind = t->lx[b].s; /* whitespace before the first tag */
            x->ind_n = t->lx[b].n;
        }
    }
    return 1;
not_standalone:
    t->lx[b].bol = 1;
    return 0;
}

static size_t ws_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Removes the indentation of the enclosing blocks (outermost first) from the
 * line starting at lexeme b: block content is re-indented where it expands.
 * A block whose content started on this line learns its indentation here. */
static void dedent_line(tmpl_t *t, size_t b, const size_t *blocks, size_t nblocks)
{
    lex_t *x = t->lx[b].kind == K_TEXT ? &t->lx[b] : NULL;
    int ok = 1;
    for (size_t i = 0; i < nblocks; i++) {
        lex_t *blk = &t->lx[blocks[i]];
        if (!blk->ind_set) {
            blk->ind = x ? x->s : "";
            blk->ind_n = x ? ws_prefix(x->s, x->n) : 0;
            blk->ind_set = 1;
        }
        if (ok && blk->ind_n && x && x->n >= blk->ind_n &&
            memcmp(x->s, blk->ind, blk->ind_n) == 0) {
            x->s += blk->ind_n;
            x->n -= blk->ind_n;
        } else if (blk->ind_n) {
            ok = 0;
        }
    }
}

/* Only whitespace text follows lexeme k up to the end of its line. */
static int ws_to_eol(const tmpl_t *t, size_t k)
{
    for (k++; k < t->n; k++) {
        const lex_t *x = &t->lx[k];
        if (x->kind != K_TEXT || !all_ws(x->s, x->n))
            return 0;
        if (x->eol)
            return 1;
    }
    return 1;
}

/* Decides how block k on line [b, e) is indented where it expands. */
static void set_block_mode(tmpl_t *t, size_t k, size_t b, size_t e, int standalone)
{
    lex_t *x = &t->lx[k];
    size_t last_tag = k;
    for (size_t i = k + 1; i < e; i++)
        if (t->lx[i].kind != K_TEXT)
            last_tag = i;
    int leading_ws = k == b || (k == b + 1 && t->lx[b].kind == K_TEXT &&
                                all_ws(t->lx[b].s, t->lx[b].n));
    if (standalone && last_tag == k) {
        x->mode = BM_OWN; /* indentation comes from the next line */
    } else if (!x->arg && leading_ws && ws_to_eol(t, x->mate)) {
        x->mode = BM_PAIR;
        x->ind_set = 1;
        if (k == b + 1) {
            x->ind = t->lx[b].s;
            x->ind_n = t->lx[b].n;
            t->lx[b].dropped = 1; /* re-emitted as the block's indentation */
        }
    } else {
        x->mode = BM_INLINE;
        x->ind_set = 1;
    }
}

static void mark_lines(tmpl_t *t)
{
    size_t blocks[MST_MAX_NEST];
    size_t nblocks = 0;
    size_t b = 0;
    while (b < t->n) {
        size_t e = b;
        while (e < t->n && !t->lx[e++].eol)
            ;
        dedent_line(t, b, blocks, nblocks);
        int standalone = mark_line(t, b, e);
        for (size_t k = b; k < e; k++) {
            lex_t *x = &t->lx[k];
            if (x->kind == K_BLOCK) {
                set_block_mode(t, k, b, e, standalone);
                blocks[nblocks++] = k;
            } else if (x->kind == K_CLOSE && t->lx[x->mate].kind == K_BLOCK) {
                nblocks--;
            }
        }
        b = e;
    }
}

/* Parses `src` into *out (caller frees with tmpl_free). */
static int parse(const char *src, size_t len, tmpl_t **out, mst_error_t *err)
{
    parser_t p = {.src = src, .len = len, .err = err, .otag = "{{", .ctag = "}}",
                  .otag_n = 2, .ctag_n = 2, .line = 1};
    *out = NULL;
    p.t = calloc(1, sizeof *p.t);
    if (!p.t)
        return oom(&p);
    if (lex_all(&p) < 0 || match_all(&p) < 0) {
        tmpl_free(p.t);
        return -1;
    }
    mark_lines(p.t);
    *out = p.t;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */

/* Arguments of the parents being expanded, innermost first. */
typedef struct frame {
    tmpl_t *t;
    size_t open; /* index of the {{<parent}} tag */
    const struct frame *outer;
} frame_t;

/* Partials are fetched and parsed once per render, however often used. */
typedef struct pentry {
    char *name;
    tmpl_t *t; /* NULL: the callback has no such partial */
    struct pentry *next;
} pentry_t;

typedef struct renderer {
    buf_t out;
    buf_t ind;       /* indentation stack; bytes from ind_base on apply */
    size_t ind_base; /* non-standalone partials start a fresh indentation */
    int at_bol;      /* indentation is due before the next output */
    const cJSON **ctx; /* context stack, top last */
    size_t nctx, capctx;
    const frame_t *chain;
    pentry_t *cache;
    mst_partial_fn partials;
    void *partials_ctx;
    mst_error_t *err;
    int depth;
    unsigned long steps;
} renderer_t;

/* Writes the indentation that is due at the start of a line. */
static void flush_indent(renderer_t *r)
{
    r->at_bol = 0;
    if (r->ind.len > r->ind_base)
        buf_put(&r->out, r->ind.p + r->ind_base, r->ind.len - r->ind_base);
}

static void emit(renderer_t *r, const char *s, size_t n, int escape)
{
    if (n == 0)
        return;
    if (r->at_bol) {
        if (s[0] == '\n' || s[0] == '\r')
            r->at_bol = 0; /* blank line: no trailing whitespace */
        else
            flush_indent(r);
    }
    if (!escape) {
        buf_put(&r->out, s, n);
        return;
    }
    size_t run = 0; /* copy unescaped runs in one go */
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '"' ? "&quot;"
                        : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" : NULL;
        if (!rep)
            continue;
        buf_put(&r->out, s + run, i - run);
        buf_put(&r->out, rep, strlen(rep));
        run = i + 1;
    }
    buf_put(&r->out, s + run, n - run);
}

/* Integral doubles print as integers; others with the fewest digits that
 * read back as the same double, so 1.21 prints "1.21", not "1.2099999...". */
static size_t format_number(double d, char *buf, size_t size)
{
    if (d > -9e15 && d < 9e15 && (double)(long long)d == d)
        return (size_t)snprintf(buf, size, "%lld", (long long)d);
    for (int prec = 1; prec < 17; prec++) {
        snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            return strlen(buf);
    }
    return (size_t)snprintf(buf, size, "%.17g", d);
}

static void emit_value(renderer_t *r, const cJSON *v, int escape)
{
    char num[64];
    if (cJSON_IsString(v) || cJSON_IsRaw(v)) {
        if (v->valuestring)
            emit(r, v->valuestring, strlen(v->valuestring), escape);
    } else if (cJSON_IsNumber(v)) {
        emit(r, num, format_number(v->valuedouble, num, sizeof num), 0);
    } else if (cJSON_IsBool(v)) {
        emit(r, cJSON_IsTrue(v) ? "true" : "false", cJSON_IsTrue(v) ? 4 : 5, 0);
    }
    /* null, missing, objects and arrays interpolate as nothing */
}

/* cJSON_GetObjectItemCaseSensitive needs a NUL-terminated key; ours are
 * slices of the template. */
static const cJSON *get_key(const cJSON *obj, const char *key, size_t n)
{
    if (!cJSON_IsObject(obj))
        return NULL;
    for (const cJSON *c = obj->child; c; c = c->next)
        if (c->string && strncmp(c->string, key, n) == 0 && c->string[n] == '\0')
            return c;
    return NULL;
}

/* "." is the top of the stack; "a.b.c" finds "a" through the stack, then
 * descends strictly: a miss below "a" is a miss, never a fallback. */
static const cJSON *resolve(const renderer_t *r, const char *name, size_t n)
{
    if (n == 1 && name[0] == '.')
        return r->nctx ? r->ctx[r->nctx - 1] : NULL;
    const char *dot = memchr(name, '.', n);
    size_t part = dot ? (size_t)(dot - name) : n;
    const cJSON *v = NULL;
    for (size_t i = r->nctx; i-- > 0 && !v;)
        v = get_key(r->ctx[i], name, part);
    while (v && part < n) {
        name += part + 1;
        n -= part + 1;
        dot = memchr(name, '.', n);
        part = dot ? (size_t)(dot - name) : n;
        v = get_key(v, name, part);
    }
    return v;
}

/* Falsey: missing, null, false, the empty list.  Everything else, including
 * "" and 0, is truthy, as in the spec's reference implementation. */
static int truthy(const cJSON *v)
{
    if (!v || cJSON_IsNull(v) || cJSON_IsFalse(v) || cJSON_IsInvalid(v))
        return 0;
    return !cJSON_IsArray(v) || v->child != NULL;
}

static int push_ctx(renderer_t *r, const cJSON *v)
{
    if (r->nctx == r->capctx) {
        size_t cap = r->capctx ? r->capctx * 2 : 16;
        const cJSON **ctx = realloc(r->ctx, cap * sizeof *ctx);
        if (!ctx) {
            set_err(r->err, 0, 0, "out of memory");
            return -1;
        }
        r->ctx = ctx;
        r->capctx = cap;
    }
    r->ctx[r->nctx++] = v;
    return 0;
}

static int render_range(renderer_t *r, tmpl_t *t, size_t i, size_t end);

/* Renders the body of the container opened at `open`; a closing tag that
 * starts a line makes the next output (next iteration, or what follows the
 * tag) start a line too. */
static int render_body(renderer_t *r, tmpl_t *t, size_t open)
{
    size_t close = t->lx[open].mate;
    int rc = render_range(r, t, open + 1, close);
    if (t->lx[close].bol)
        r->at_bol = 1;
    return rc;
}

static int render_section(renderer_t *r, tmpl_t *t, size_t i)
{
    const lex_t *x = &t->lx[i];
    const cJSON *v = resolve(r, x->s, x->n);
    if (x->kind == K_INVERTED)
        return truthy(v) ? 0 : render_body(r, t, i);
    if (!truthy(v))
        return 0;
    if (!cJSON_IsArray(v)) {
        if (push_ctx(r, v) < 0)
            return -1;
        int rc = render_body(r, t, i);
        r->nctx--;
        return rc;
    }
    for (const cJSON *item = v->child; item; item = item->next) {
        if (push_ctx(r, item) < 0)
            return -1;
        int rc = render_body(r, t, i);
        r->nctx--;
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Returns the partial named name[0..n) (NULL if there is none) in *out. */
static int get_partial(renderer_t *r, const char *name, size_t n, tmpl_t **out)
{
    pentry_t *e;
    for (e = r->cache; e; e = e->next)
        if (strncmp(e->name, name, n) == 0 && e->name[n] == '\0')
            break;
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e || !(e->name = malloc(n + 1))) {
            free(e);
            set_err(r->err, 0, 0, "out of memory");
            return -1;
        }
        memcpy(e->name, name, n);
        e->name[n] = '\0';
        e->next = r->cache;
        r->cache = e;
        const char *src = r->partials ? r->partials(e->name, r->partials_ctx) : NULL;
        mst_error_t perr = {0};
        if (src && parse(src, strlen(src), &e->t, &perr) < 0) {
            set_err(r->err, perr.line, perr.col, "in partial '%.*s': %s", SHOWN(n), name,
                    perr.message);
            return -1;
        }
    }
    *out = e->t;
    return 0;
}

/* The template a {{>name}} or {{<name}} tag refers to; "*name" takes the
 * partial's name from the data (a non-string means no partial). */
static int template_of(renderer_t *r, const lex_t *x, tmpl_t **out)
{
    const char *name = x->s;
    size_t n = x->n;
    *out = NULL;
    if (name[0] == '*') {
        name++;
        n--;
        trim(&name, &n);
        const cJSON *v = resolve(r, name, n);
        if (!cJSON_IsString(v) || !v->valuestring)
            return 0;
        name = v->valuestring;
        n = strlen(name);
    }
    return get_partial(r, name, n, out);
}

/* Expands a partial or parent template at tag x.  Standalone tags indent
 * every line of it; inline ones leave its later lines unindented. */
static int render_include(renderer_t *r, tmpl_t *sub, const lex_t *x)
{
    size_t saved_len = r->ind.len, saved_base = r->ind_base;
    if (x->standalone) {
        buf_put(&r->ind, x->ind, x->ind_n);
    } else {
        if (r->at_bol) /* this line's indentation, before the partial's own */
            flush_indent(r);
        r->ind_base = r->ind.len;
    }
    int rc = render_range(r, sub, 0, sub->n);
    r->ind.len = saved_len;
    r->ind_base = saved_base;
    r->at_bol = 0;
    return rc;
}

static int render_partial(renderer_t *r, tmpl_t *t, size_t i)
{
    tmpl_t *sub;
    if (template_of(r, &t->lx[i], &sub) < 0)
        return -1;
    return sub ? render_include(r, sub, &t->lx[i]) : 0;
}

static int render_parent(renderer_t *r, tmpl_t *t, size_t i)
{
    tmpl_t *sub;
    if (template_of(r, &t->lx[i], &sub) < 0)
        return -1;
    if (!sub)
        return 0;
    frame_t f = {t, i, r->chain};
    r->chain = &f;
    int rc = render_include(r, sub, &t->lx[i]);
    r->chain = f.outer;
    return rc;
}

/* Index of the argument block `name` directly inside parent `open`. */
static size_t find_arg(const tmpl_t *t, size_t open, const lex_t *name)
{
    for (size_t k = open + 1; k < t->lx[open].mate;) {
        const lex_t *x = &t->lx[k];
        if (x->kind == K_BLOCK && x->arg && same_name(x, name))
            return k;
        k = is_open(x) ? x->mate + 1 : k + 1;
    }
    return NONE;
}

/* Block `i` expands the outermost argument for it (the template that
 * inherits last has the last word), else its own default content. */
static int render_block(renderer_t *r, tmpl_t *t, size_t i)
{
    const lex_t *x = &t->lx[i];
    tmpl_t *bt = t;
    size_t bi = i;
    for (const frame_t *f = r->chain; f; f = f->outer) {
        size_t k = find_arg(f->t, f->open, x);
        if (k != NONE && !f->t->lx[k].active) {
            bt = f->t;
            bi = k;
        }
    }
    size_t saved = r->ind.len;
    if (x->mode != BM_INLINE) {
        buf_put(&r->ind, x->ind, x->ind_n);
        r->at_bol = 1;
    }
    bt->lx[bi].active = 1; /* an argument that names itself uses the default */
    int rc = render_body(r, bt, bi);
    bt->lx[bi].active = 0;
    r->ind.len = saved;
    return rc;
}

static int render_lexeme(renderer_t *r, tmpl_t *t, size_t i)
{
    const lex_t *x = &t->lx[i];
    if (is_open(x) || x->kind == K_PARTIAL) {
        if (r->depth >= MST_MAX_DEPTH) {
            set_err(r->err, x->line, x->col, "%s '%.*s' nested too deeply (recursive partial?)",
                    what(x), SHOWN(x->n), x->s);
            return -1;
        }
    }
    switch (x->kind) {
    case K_TEXT: emit(r, x->s, x->n, 0); return 0;
    case K_VAR:
    case K_RAW: emit_value(r, resolve(r, x->s, x->n), x->kind == K_VAR); return 0;
    case K_SECTION:
    case K_INVERTED: return render_section(r, t, i);
    case K_PARTIAL: return render_partial(r, t, i);
    case K_PARENT: return render_parent(r, t, i);
    case K_BLOCK: return render_block(r, t, i);
    default: return 0; /* comments, delimiters */
    }
}

static int render_range(renderer_t *r, tmpl_t *t, size_t i, size_t end)
{
    int rc = 0;
    r->depth++;
    while (rc == 0 && i < end) {
        const lex_t *x = &t->lx[i];
        if (++r->steps > MST_MAX_STEPS) {
            set_err(r->err, x->line, x->col, "template expansion too large");
            rc = -1;
            break;
        }
        if (!x->dropped) {
            if (x->bol)
                r->at_bol = 1;
            rc = render_lexeme(r, t, i);
        }
        if (is_open(x)) {
            if (t->lx[x->mate].bol)
                r->at_bol = 1;
            i = x->mate + 1;
        } else {
            i++;
        }
        if (rc == 0 && (r->out.failed || r->ind.failed)) {
            set_err(r->err, x->line, x->col, "out of memory or output too large");
            rc = -1;
        }
    }
    r->depth--;
    return rc;
}

static void renderer_free(renderer_t *r)
{
    while (r->cache) {
        pentry_t *e = r->cache;
        r->cache = e->next;
        tmpl_free(e->t);
        free(e->name);
        free(e);
    }
    free(r->ctx);
    free(r->ind.p);
    free(r->out.p);
}

int mst_render(const char *tmpl, const cJSON *data, mst_partial_fn partials,
               void *partials_ctx, char **out, mst_error_t *err)
{
    mst_error_t local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    if (out)
        *out = NULL;
    if (!tmpl || !out) {
        set_err(err, 0, 0, "no template or no output pointer");
        return -1;
    }
    tmpl_t *top;
    if (parse(tmpl, strlen(tmpl), &top, err) < 0)
        return -1;
    renderer_t r = {.partials = partials, .partials_ctx = partials_ctx, .err = err};
    int rc = push_ctx(&r, data);
    if (rc == 0)
        rc = render_range(&r, top, 0, top->n);
    if (rc == 0 && buf_reserve(&r.out, 1) < 0) {
        set_err(err, 0, 0, "out of memory or output too large");
        rc = -1;
    }
    if (rc == 0) {
        r.out.p[r.out.len] = '\0';
        *out = r.out.p;
        r.out.p = NULL;
    }
    renderer_free(&r);
    tmpl_free(top);
    return rc;
}
