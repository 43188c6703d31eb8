/* util.c - arena, buffers and string helpers shared by all stages. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(void)
{
    fputs("kc-gen: out of memory\n", stderr);
    exit(1);
}

void *kg_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die_oom();
    return p;
}

void *kg_xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p)
        die_oom();
    return p;
}

char *kg_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(kg_xmalloc(n), s, n);
}

/* ---- arena ------------------------------------------------------------- */

typedef struct kg_block {
    struct kg_block *next;
    size_t used, size;
    max_align_t data[];
} kg_block_t;

struct kg_arena {
    kg_block_t *head;
};

#define KG_BLOCK_SIZE (64u * 1024u)

kg_arena_t *kg_arena_new(void)
{
    kg_arena_t *a = kg_xmalloc(sizeof(*a));
    a->head = NULL;
    return a;
}

void kg_arena_free(kg_arena_t *a)
{
    if (!a)
        return;
    for (kg_block_t *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *kg_alloc(kg_arena_t *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    kg_block_t *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > KG_BLOCK_SIZE ? size : KG_BLOCK_SIZE;
        b = kg_xmalloc(sizeof(*b) + cap);
        b->used = 0;
        b->size = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return memset(p, 0, size);
}

char *kg_strndup(kg_arena_t *a, const char *s, size_t n)
{
    char *p = kg_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *kg_strdup(kg_arena_t *a, const char *s)
{
    return s ? kg_strndup(a, s, strlen(s)) : NULL;
}

char *kg_printf(kg_arena_t *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = kg_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *kg_push(kg_arena_t *a, void *items, size_t *n, size_t *cap, size_t size)
{
    char **pitems = items;
    if (*n == *cap) {
        /* The old array stays in the arena: the model is small and short-lived. */
        size_t ncap = *cap ? *cap * 2 : 8;
        char *p = kg_alloc(a, ncap * size);
        if (*n)
            memcpy(p, *pitems, *n * size);
        *pitems = p;
        *cap = ncap;
    }
    return *pitems + (*n)++ * size;
}

/* ---- buffer ------------------------------------------------------------ */

/* Makes room for n more bytes plus the terminating NUL. */
static void buf_reserve(kg_buf_t *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + n + 1)
        ncap *= 2;
    b->data = kg_xrealloc(b->data, ncap);
    b->cap = ncap;
}

void kg_buf_add(kg_buf_t *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void kg_buf_puts(kg_buf_t *b, const char *s)
{
    kg_buf_add(b, s, strlen(s));
}

void kg_buf_putc(kg_buf_t *b, char c)
{
    kg_buf_add(b, &c, 1);
}

void kg_buf_printf(kg_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void kg_buf_free(kg_buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- misc -------------------------------------------------------------- */

char *kg_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    kg_buf_t b = {0};
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        kg_buf_add(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        kg_buf_free(&b);
        errno = EIO;
        return NULL;
    }
    kg_buf_add(&b, "", 0); /* an empty file is "" rather than NULL */
    if (len)
        *len = b.len;
    return b.data;
}

bool kg_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool kg_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

size_t kg_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t *row = kg_xmalloc((m + 1) * sizeof(*row));
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[m];
    free(row);
    return d;
}

size_t kg_split(kg_arena_t *a, const char *s, char sep, char ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    while (*s) {
        const char *end = strchr(s, sep);
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len)
            *(char **)kg_push(a, out, &n, &cap, sizeof(char *)) = kg_strndup(a, s, len);
        s += len + (end != NULL);
    }
    return n;
}
