/* alloc.c - the process-global allocator hook behind kc_malloc & co., and
 * the decoder's scratch arena (internal.h). */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "kc/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

static void *std_malloc(size_t size, void *ctx)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *ctx)
{
    (void)ctx;
    free(ptr);
}

static const kc_allocator_t std_allocator = {std_malloc, std_realloc, std_free, NULL};
static kc_allocator_t current = {std_malloc, std_realloc, std_free, NULL};

void kc_set_allocator(const kc_allocator_t *a)
{
    current = a ? *a : std_allocator;
}

/* ---- the scratch arena ----------------------------------------------------
 *
 * While a thread has an arena active, kc_malloc & co. on that thread bump
 * allocate from it and kc_free of its memory does nothing; the decoder runs
 * unchanged on top (json_decode.c).  Every allocation is preceded by its size
 * (for realloc); the newest one grows and shrinks in place. */

/* Big blocks (a decoded 10,000-item list is ~50 MB) are written right after
 * they are allocated, and on fresh memory the page faults cost as much as the
 * copy; transparent huge pages make them 512 times fewer.  A hint only: where
 * it is unsupported, or the memory is not an anonymous mapping, nothing
 * changes. */
void kc__advise_large(void *p, size_t n)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (!p || n < 2 * huge)
        return;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

static _Thread_local kc__arena_t *arena_now;

typedef struct arena_chunk {
    struct arena_chunk *prev;
    size_t size; /* bytes after this header */
} arena_chunk_t;

#define ARENA_HDR ((sizeof(arena_chunk_t) + 15) & ~(size_t)15)
#define ARENA_MIN_CHUNK ((size_t)64 << 10)

void kc__arena_begin(kc__arena_t *a, void *stack, size_t n)
{
    memset(a, 0, sizeof(*a));
    a->stack = stack;
    a->stack_size = n;
    a->lo = a->p = stack;
    a->end = (char *)stack + n;
    a->outer = arena_now;
    arena_now = a;
}

void kc__arena_stop(kc__arena_t *a)
{
    if (arena_now == a)
        arena_now = a->outer;
}

void kc__arena_release(kc__arena_t *a)
{
    kc__arena_stop(a);
    for (arena_chunk_t *c = a->chunks, *prev; c; c = prev) {
        prev = c->prev;
        current.free_fn(c, current.ctx);
    }
    a->chunks = NULL;
    a->lo = a->p = a->end = a->last = NULL;
}

static bool arena_owns(const kc__arena_t *a, const void *p)
{
    uintptr_t x = (uintptr_t)p;
    if (x >= (uintptr_t)a->stack && x < (uintptr_t)a->stack + a->stack_size)
        return true;
    for (const arena_chunk_t *c = a->chunks; c; c = c->prev)
        if (x >= (uintptr_t)c && x < (uintptr_t)c + ARENA_HDR + c->size)
            return true;
    return false;
}

static void *arena_alloc(kc__arena_t *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t need = 8 + ((size + 7) & ~(size_t)7);
    if ((size_t)(a->end - a->p) < need) {
        size_t cs = a->chunks ? a->chunks->size * 2 : ARENA_MIN_CHUNK;
        if (cs < need)
            cs = need;
        arena_chunk_t *c = current.malloc_fn(ARENA_HDR + cs, current.ctx);
        if (!c)
            return NULL;
        kc__advise_large(c, ARENA_HDR + cs);
        c->prev = a->chunks;
        c->size = cs;
        a->chunks = c;
        a->lo = a->p = (char *)c + ARENA_HDR;
        a->end = a->p + cs;
    }
    memcpy(a->p, &size, sizeof(size));
    char *r = a->p + 8;
    a->p += need;
    a->last = r;
    return r;
}

static void *arena_realloc(kc__arena_t *a, char *p, size_t size)
{
    size_t old;
    memcpy(&old, p - 8, sizeof(old));
    if (p == a->last && size <= SIZE_MAX / 2 &&
        (size_t)(a->end - p) >= ((size + 7) & ~(size_t)7)) { /* the newest: in place */
        memcpy(p - 8, &size, sizeof(size));
        a->p = p + ((size + 7) & ~(size_t)7);
        return p;
    }
    if (size <= old)
        return p;
    char *q = arena_alloc(a, size);
    if (q)
        memcpy(q, p, old);
    return q;
}

/* A zero-byte request is made a one-byte one, so NULL always means failure. */
void *kc_malloc(size_t size)
{
    if (arena_now)
        return arena_alloc(arena_now, size ? size : 1);
    return current.malloc_fn(size ? size : 1, current.ctx);
}

void *kc_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = kc_malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *kc_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return kc_malloc(size);
    if (arena_now && arena_owns(arena_now, ptr))
        return arena_realloc(arena_now, ptr, size ? size : 1);
    return current.realloc_fn(ptr, size ? size : 1, current.ctx);
}

void kc_free(void *ptr)
{
    if (ptr && !(arena_now && arena_owns(arena_now, ptr)))
        current.free_fn(ptr, current.ctx);
}

char *kc_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    const char *nul = memchr(s, '\0', n); /* like strndup: stop at a NUL */
    if (nul)
        n = (size_t)(nul - s);
    char *p = kc_malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *kc_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = kc_malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}
