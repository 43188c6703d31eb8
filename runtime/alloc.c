/* alloc.c - the process-global allocator hook behind kc_malloc & co. */
#include "kc/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* A zero-byte request is made a one-byte one, so NULL always means failure. */
void *kc_malloc(size_t size)
{
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
    return current.realloc_fn(ptr, size ? size : 1, current.ctx);
}

void kc_free(void *ptr)
{
    if (ptr)
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
