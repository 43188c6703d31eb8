/*
 * kc/alloc.h - the one allocator hook of libkc.
 *
 * Every allocation of the runtime (and of generated code) goes through these,
 * so tests can inject allocation failures and embedders can plug in their own
 * allocator.  The hook is process-global; set it before any other kc call.
 */
#ifndef KC_ALLOC_H
#define KC_ALLOC_H

#include <stddef.h>

typedef struct kc_allocator {
    void *(*malloc_fn)(size_t size, void *ctx);
    void *(*realloc_fn)(void *ptr, size_t size, void *ctx);
    void (*free_fn)(void *ptr, void *ctx);
    void *ctx;
} kc_allocator_t;

/* NULL restores the C library allocator. */
void kc_set_allocator(const kc_allocator_t *a);

void *kc_malloc(size_t size);
void *kc_calloc(size_t n, size_t size);   /* overflow-checked */
void *kc_realloc(void *ptr, size_t size);
void kc_free(void *ptr);
char *kc_strdup(const char *s);           /* NULL in, NULL out */
char *kc_strndup(const char *s, size_t n);

#endif /* KC_ALLOC_H */
