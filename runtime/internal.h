/*
 * internal.h - helpers shared by the runtime's engine files (not installed,
 * not part of the API).
 */
#ifndef KC_INTERNAL_H
#define KC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kc/error.h"
#include "kc/types.h"

#define KC_AT(base, off) ((void *)((char *)(base) + (off)))
#define KC_CAT(base, off) ((const void *)((const char *)(base) + (off)))

/* Size of one element of `kind` (lists hold these back to back; PTR points
 * to one). */
static inline size_t kc__elem_size(unsigned kind, const kc_type_t *type)
{
    switch (kind) {
    case KC_KIND_STRING: return sizeof(char *);
    case KC_KIND_BOOL: return sizeof(bool);
    case KC_KIND_INT32: return sizeof(int32_t);
    case KC_KIND_INT64: return sizeof(int64_t);
    case KC_KIND_DOUBLE: return sizeof(double);
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: return sizeof(kc_time_t);
    case KC_KIND_QUANTITY: return sizeof(kc_quantity_t);
    case KC_KIND_INT_OR_STRING: return sizeof(kc_int_or_string_t);
    case KC_KIND_JSON: return sizeof(kc_json_t);
    case KC_KIND_STRUCT: return type ? type->size : 0;
    default: return 0;
    }
}

/* The element kind of a field: a map's elements are its entry structs. */
static inline unsigned kc__elem_kind(const kc_field_t *f)
{
    return f->shape == KC_SHAPE_MAP ? KC_KIND_STRUCT : f->kind;
}

/* True for kinds whose values own no heap memory. */
static inline bool kc__kind_is_plain(unsigned kind)
{
    return kind == KC_KIND_BOOL || kind == KC_KIND_INT32 || kind == KC_KIND_INT64 ||
           kind == KC_KIND_DOUBLE || kind == KC_KIND_TIME || kind == KC_KIND_MICRO_TIME;
}

/* A +json:inline member whose members are spliced into its parent's. */
static inline bool kc__field_is_inline(const kc_field_t *f)
{
    return (f->flags & KC_FIELD_INLINE) && f->kind == KC_KIND_STRUCT && f->type &&
           f->shape == KC_SHAPE_VALUE;
}

/* Can the member's C form say "null" with its presence bit (pointers, and
 * strings, quantities, JSON and times by NULL / zero)?  An explicit null for
 * the others (value scalars and structs, lists, maps) is kept in
 * kc_unknown_t.text instead. */
static inline bool kc__field_nullable(const kc_field_t *f)
{
    if (f->shape == KC_SHAPE_PTR)
        return true;
    if (f->shape != KC_SHAPE_VALUE)
        return false;
    return f->kind == KC_KIND_STRING || f->kind == KC_KIND_QUANTITY || f->kind == KC_KIND_JSON ||
           f->kind == KC_KIND_TIME || f->kind == KC_KIND_MICRO_TIME;
}

static inline kc_unknown_t *kc__unknown(const kc_type_t *t, void *obj)
{
    return t->unknown_offset >= 0 ? (kc_unknown_t *)KC_AT(obj, (uint32_t)t->unknown_offset) : NULL;
}

static inline const kc_unknown_t *kc__cunknown(const kc_type_t *t, const void *obj)
{
    return t->unknown_offset >= 0 ? (const kc_unknown_t *)KC_CAT(obj, (uint32_t)t->unknown_offset)
                                  : NULL;
}

/* A growable byte buffer (the encoder's output, the decoder's unknown-member
 * text).  `p` is kc_malloc'd; on allocation failure `oom` is set and further
 * writes are dropped, so callers check once at the end. */
typedef struct kc_buf {
    char *p;
    size_t len, cap;
    bool oom;
} kc_buf_t;

bool kc__buf_grow(kc_buf_t *b, size_t extra);

static inline bool kc__buf_reserve(kc_buf_t *b, size_t extra)
{
    return (b->cap - b->len > extra) || kc__buf_grow(b, extra);
}

static inline void kc__buf_put(kc_buf_t *b, const void *s, size_t n)
{
    if (kc__buf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

static inline void kc__buf_putc(kc_buf_t *b, char c)
{
    if (kc__buf_reserve(b, 1))
        b->p[b->len++] = c;
}

/* Does any byte of v equal '"' or '\\', or lie below 0x20?  (Eight string
 * bytes at a time: the common case of a long run with nothing to escape.) */
static inline bool kc__swar_special(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
    uint64_t zq = (q - ones) & ~q, zb = (b - ones) & ~b, lt = (v - ones * 0x20) & ~v;
    return ((zq | zb | lt) & high) != 0;
}

/* A step of a JSON path, for messages: a member name or an array index. */
typedef struct kc_seg {
    const char *name; /* raw member name, or NULL for an index */
    size_t len;       /* name length, or the index */
} kc_seg_t;

/* json_token.c: prefix + ".name" / "[i]" steps, truncated to cap. */
void kc__path_format(char *buf, size_t cap, const char *prefix, const kc_seg_t *segs, int n);

/* object.c: one element of a kind (a list item, a PTR's target, a VALUE). */
void kc__elem_free(unsigned kind, const kc_type_t *type, void *p);
/* object.c: releases what one member owns and leaves it zeroed. */
void kc__field_free(const kc_field_t *f, void *base);

/* time.c: RFC 3339.  parse returns 0 or -1; format returns the length
 * written into buf (at least 40 bytes) or -1 when the time cannot be
 * represented (year outside 0000..9999, nsec outside [0, 1e9)). */
int kc__time_parse(const char *s, size_t n, kc_time_t *out);
int kc__time_format(char *buf, const kc_time_t *t, bool micro);

/* json_decode.c: finds a declared member of t by JSON name (binary search
 * over by_name, then +json:inline members, recursively).  Returns its field
 * index in *owner_t, the struct that declares it, which lies *owner_offset
 * bytes into t (0 unless inline; *pos: its by_name position), or -1. */
int kc__field_lookup(const kc_type_t *t, const char *name, size_t len, const kc_type_t **owner_t,
                     size_t *owner_offset, uint32_t *pos);

/* json_decode.c: decode a JSON value at [json, json+len) into *out, with
 * `path` (may be "") prefixed to every error message. */
int kc__json_decode_prefixed(const kc_type_t *t, void *out, const char *json, size_t len,
                             const char *path, kc_error_t *err);

/* json_token.c: walks the members of the JSON object at [json, json+len),
 * calling fn with each raw name (between the quotes) and the exact span of
 * its value.  Strings and scalars are validated; objects and arrays are only
 * skipped by their brackets (decode the span to validate it).  A non-zero
 * return of fn stops the walk and is returned. */
typedef int (*kc__member_fn)(void *ctx, const char *name, size_t name_len, const char *value,
                             size_t value_len);
int kc__json_members(const char *json, size_t len, kc__member_fn fn, void *ctx, kc_error_t *err);
/* json_token.c: the same over a bare member list, `"a":1,"b":{}` without
 * braces (kc_unknown_t.text); an empty text has no members. */
int kc__json_member_list(const char *text, size_t len, kc__member_fn fn, void *ctx,
                         kc_error_t *err);

/* alloc.c: a scratch arena.  Between begin and stop, kc_malloc / kc_calloc /
 * kc_realloc / kc_strdup on this thread take memory from it (first from
 * `stack`, then from heap chunks of growing size) and kc_free of its memory
 * does nothing; release frees the heap chunks.  Arenas nest (stop restores
 * the outer one).  Used by the typed decoder, so that decoding costs no
 * malloc per member before the result is compacted into one block. */
typedef struct kc__arena {
    char *lo, *p, *end, *last; /* the current chunk, its free space, the newest allocation */
    void *stack;
    size_t stack_size;
    struct arena_chunk *chunks; /* heap chunks, newest first */
    struct kc__arena *outer;
} kc__arena_t;

/* Hints the kernel to back a big, about-to-be-written block with huge pages. */
void kc__advise_large(void *p, size_t n);

void kc__arena_begin(kc__arena_t *a, void *stack, size_t n);
void kc__arena_stop(kc__arena_t *a);
void kc__arena_release(kc__arena_t *a);

/* The bytes of scratch space kc_json_decode keeps on the stack. */
#define KC__DECODE_STACK 16384

/* shared.c: compacts `in` into one exactly sized block (sizing pass, one
 * kc_malloc, copy pass; equal strings stored once) and makes `out` (which
 * may be `in` itself) a block-backed root: KC_UNKNOWN_BLOCK set, its unknown
 * text in the block header.  t must have a kc_unknown_t.  On failure (KC_ENOMEM,
 * KC_EDEPTH) `out` is untouched and nothing is allocated. */
int kc__block_build(const kc_type_t *t, void *out, const void *in);

/* object.c: is obj the root of a block-backed object?  Its block, or NULL. */
static inline kc_block_t *kc__block_of(const kc_type_t *t, const void *obj)
{
    const kc_unknown_t *u = kc__cunknown(t, obj);
    return u && (u->present & KC_UNKNOWN_BLOCK) ? (kc_block_t *)(void *)u->text : NULL;
}

/* json_decode.c: the decoder without blocks: every member its own
 * kc_malloc (into the active arena, if any).  On failure *out is empty. */
int kc__json_decode_scattered(const kc_type_t *t, void *out, const char *json, size_t len,
                              const char *path, kc_error_t *err);

#endif /* KC_INTERNAL_H */
