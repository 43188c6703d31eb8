/*
 * util.h - the small helpers every stage of kc-gen shares: an arena that owns
 * the whole model (so no stage has to track who frees what), a growable byte
 * buffer, and growable arrays.
 */
#ifndef KCGEN_UTIL_H
#define KCGEN_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* ---- arena ------------------------------------------------------------- */

typedef struct kg_arena kg_arena_t;

kg_arena_t *kg_arena_new(void);
void kg_arena_free(kg_arena_t *a);
/* Zeroed memory that lives until kg_arena_free.  Aborts on out-of-memory:
 * kc-gen is a build tool, and a half-built model helps nobody. */
void *kg_alloc(kg_arena_t *a, size_t size);
char *kg_strdup(kg_arena_t *a, const char *s);
char *kg_strndup(kg_arena_t *a, const char *s, size_t n);
char *kg_printf(kg_arena_t *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends one element of `size` bytes to the arena-owned array *items (with
 * *n elements and room for *cap) and returns it, zeroed. */
void *kg_push(kg_arena_t *a, void *items, size_t *n, size_t *cap, size_t size);
#define KG_PUSH(arena, vec) \
    kg_push((arena), (void *)&(vec).items, &(vec).n, &(vec).cap, sizeof(*(vec).items))

/* ---- byte buffer (malloc-owned) ---------------------------------------- */

typedef struct kg_buf {
    char *data; /* NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} kg_buf_t;

void kg_buf_add(kg_buf_t *b, const char *s, size_t n);
void kg_buf_puts(kg_buf_t *b, const char *s);
void kg_buf_putc(kg_buf_t *b, char c);
void kg_buf_printf(kg_buf_t *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void kg_buf_free(kg_buf_t *b);

/* ---- misc -------------------------------------------------------------- */

void *kg_xmalloc(size_t size);
void *kg_xrealloc(void *p, size_t size);
char *kg_xstrdup(const char *s);

/* Reads a whole file; NULL (errno set) when it cannot be read. */
char *kg_read_file(const char *path, size_t *len);

bool kg_starts_with(const char *s, const char *prefix);
bool kg_ends_with(const char *s, const char *suffix);

/* Splits s at `sep` into arena strings (empty pieces dropped); returns the count. */
size_t kg_split(kg_arena_t *a, const char *s, char sep, char ***out);

/* Levenshtein distance, used for "did you mean". */
size_t kg_edit_distance(const char *a, const char *b);

#endif
