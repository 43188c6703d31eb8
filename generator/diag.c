/* diag.c - collects, sorts, de-duplicates and prints diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct diag {
    kg_pos_t pos;
    char *file;    /* owned copy of pos.file */
    char *message;
    size_t seq;    /* report order, to keep the sort stable */
    size_t parent; /* for notes: seq of the error; for errors: own seq */
    int is_note;
} diag_t;

struct kg_diags {
    diag_t *items;
    size_t n, cap;
    size_t n_errors;
    size_t last_error; /* seq of the error new notes attach to */
    int drop_notes;    /* the last error was a duplicate: so are its notes */
};

kg_diags_t *kg_diags_new(void)
{
    kg_diags_t *d = kg_xmalloc(sizeof(*d));
    memset(d, 0, sizeof(*d));
    return d;
}

void kg_diags_free(kg_diags_t *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    free(d);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *s = kg_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static int same_place(const diag_t *a, kg_pos_t pos, const char *msg)
{
    const char *fa = a->file ? a->file : "", *fb = pos.file ? pos.file : "";
    return !a->is_note && a->pos.line == pos.line && a->pos.col == pos.col &&
           strcmp(fa, fb) == 0 && strcmp(a->message, msg) == 0;
}

static void add(kg_diags_t *d, kg_pos_t pos, int is_note, char *msg)
{
    if (is_note && (d->drop_notes || d->n_errors == 0)) {
        free(msg);
        return;
    }
    if (!is_note) {
        /* clang reports an error in a shared header once per package that
         * includes it; one report is enough. */
        d->drop_notes = 0;
        for (size_t i = 0; i < d->n; i++) {
            if (same_place(&d->items[i], pos, msg)) {
                free(msg);
                d->drop_notes = 1;
                return;
            }
        }
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->items = kg_xrealloc(d->items, d->cap * sizeof(*d->items));
    }
    diag_t *x = &d->items[d->n];
    x->file = pos.file ? kg_xstrdup(pos.file) : NULL;
    x->pos = pos;
    x->pos.file = x->file;
    x->message = msg;
    x->seq = d->n;
    x->is_note = is_note;
    x->parent = is_note ? d->last_error : x->seq;
    if (!is_note) {
        d->last_error = x->seq;
        d->n_errors++;
    }
    d->n++;
}

void kg_error(kg_diags_t *d, kg_pos_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, pos, 0, vformat(fmt, ap));
    va_end(ap);
}

void kg_note(kg_diags_t *d, kg_pos_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, pos, 1, vformat(fmt, ap));
    va_end(ap);
}

size_t kg_error_count(const kg_diags_t *d)
{
    return d->n_errors;
}

static const diag_t *g_items; /* qsort has no context argument in C11 */

static int cmp_pos(kg_pos_t a, kg_pos_t b)
{
    /* errors without a file come first: they are about the whole run */
    if (!a.file || !b.file)
        return (a.file != NULL) - (b.file != NULL);
    int c = strcmp(a.file, b.file);
    if (c)
        return c;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    if (a.col != b.col)
        return a.col < b.col ? -1 : 1;
    return 0;
}

static int cmp_diag(const void *pa, const void *pb)
{
    const diag_t *a = pa, *b = pb;
    const diag_t *ea = &g_items[a->parent], *eb = &g_items[b->parent];
    int c = cmp_pos(ea->pos, eb->pos);
    if (c)
        return c;
    if (ea->seq != eb->seq)
        return ea->seq < eb->seq ? -1 : 1;
    if (a->is_note != b->is_note)
        return a->is_note - b->is_note;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void print_one(FILE *out, const diag_t *x)
{
    const char *sev = x->is_note ? "note" : "error";
    if (x->file)
        fprintf(out, "%s:%u:%u: %s: %s\n", x->file, x->pos.line, x->pos.col, sev, x->message);
    else
        fprintf(out, "kc-gen: %s: %s\n", sev, x->message);
}

void kg_diags_print(const kg_diags_t *d, FILE *out, size_t cap)
{
    if (!d->n)
        return;
    diag_t *sorted = kg_xmalloc(d->n * sizeof(*sorted));
    memcpy(sorted, d->items, d->n * sizeof(*sorted));
    g_items = d->items;
    qsort(sorted, d->n, sizeof(*sorted), cmp_diag);
    size_t shown = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!sorted[i].is_note && shown == cap)
            break;
        shown += !sorted[i].is_note;
        print_one(out, &sorted[i]);
    }
    if (d->n_errors > shown)
        fprintf(out, "kc-gen: %zu more errors not shown\n", d->n_errors - shown);
    free(sorted);
}
