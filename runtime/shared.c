/*
 * shared.c - immutable reference-counted objects in one block (kc/shared.h).
 *
 * Block layout, every part exactly sized (no padding):
 *
 *   header | root struct | 8-aligned: nested structs, pointer targets, arrays
 *          | 4-aligned: int32 targets and arrays | bool targets and arrays
 *          | strings (NUL-terminated, each distinct string once)
 *
 * The sizing pass is the only walk over the descriptors.  It gives every
 * array, pointer target and string its place (a region and an offset in it;
 * equal strings share one, found through a hash table) and records each as a
 * "move": copy `len` bytes from the source to the place, point the owning
 * slot at it.  Then one allocation, a memcpy of the root struct, and the copy
 * pass replays the moves in order (an array is copied before the moves that
 * fix the pointers inside it); it cannot fail.
 */
#include "kc/shared.h"

#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "kc/alloc.h"
#include "kc/object.h"

typedef struct shared_hdr {
    atomic_size_t refs;
    size_t bytes;
} shared_hdr_t;

/* The root struct starts this far into the block, aligned for any member
 * (described structs hold nothing wider than 8 bytes). */
#define HDR_SIZE ((sizeof(shared_hdr_t) + 7) & ~(size_t)7)

static inline shared_hdr_t *hdr_of(const void *obj)
{
    return (shared_hdr_t *)(void *)((char *)(uintptr_t)obj - HDR_SIZE);
}

/* Regions of the block, in layout order.  NONE: a move that only stores NULL
 * (an empty array's stale pointer).  UNBLOCK: a move that makes the
 * kc_unknown_t at the slot plain (no KC_UNKNOWN_BLOCK, text NULL until its
 * text's own move): the copy of a block-backed struct that sat inside the
 * source holds its members in the new block. */
enum { ROOT, R8, R4, R1, RSTR, N_REGIONS, NONE = N_REGIONS, UNBLOCK };

typedef struct move {
    const char *src;      /* bytes to copy, or NULL: only point the slot */
    uint32_t len;
    uint32_t slot;        /* offset of the pointer to set, in slot_region */
    uint32_t target;      /* offset of the place, in target_region */
    uint8_t slot_region;  /* ROOT or R8: pointers live in structs and pointer arrays */
    uint8_t target_region;
} move_t;

typedef struct str_slot {
    const char *s; /* NULL: empty slot */
    uint32_t len;  /* with the NUL */
    uint32_t off;  /* in the string region */
} str_slot_t;

#define STACK_SLOTS 256
#define STACK_MOVES 256
/* The table stops growing here (1 MiB: it stays in cache); a whole list of
 * objects then shares the strings it met first, which are the common ones. */
#define MAX_SLOTS 65536

typedef struct clone {
    size_t need[N_REGIONS]; /* bytes per region */
    str_slot_t *slots;      /* open addressing, power-of-two size, at most half full */
    size_t mask, used;
    move_t *moves;
    size_t n_moves, cap_moves;
    str_slot_t stack_slots[STACK_SLOTS];
    move_t stack_moves[STACK_MOVES];
} clone_t;

/* ---- the sizing pass ------------------------------------------------------ */

static inline uint64_t load64(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

static inline uint32_t load32(const char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* A fast hash of strings: eight bytes at a time, the tail with loads that
 * stay inside the string (no byte-wise assembly).  Of a long string only the
 * first and last 32 bytes count (and its length): equal strings still hash
 * equally, and memcmp decides. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
    if (n > 64) { /* the first 32 bytes here, the last 32 below */
        for (int i = 0; i < 4; i++) {
            h = (h ^ load64(s + 8 * i)) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        s += n - 32;
        n = 32;
    }
    if (n >= 8) {
        for (; n > 8; s += 8, n -= 8) {
            h = (h ^ load64(s)) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        w = load64(s + n - 8); /* the last eight, overlapping */
    } else if (n >= 4) {
        w = (uint64_t)load32(s) << 32 | load32(s + n - 4);
    } else if (n > 0) {
        w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (unsigned char)s[n - 1];
    } else {
        w = 0;
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

static bool grow_table(clone_t *c)
{
    size_t cap = (c->mask + 1) * 2;
    str_slot_t *slots = kc_calloc(cap, sizeof(*slots));
    if (!slots)
        return false;
    for (size_t i = 0; i <= c->mask; i++) {
        const str_slot_t *o = &c->slots[i];
        if (!o->s)
            continue;
        size_t j = hash_bytes(o->s, o->len - 1) & (cap - 1);
        while (slots[j].s)
            j = (j + 1) & (cap - 1);
        slots[j] = *o;
    }
    if (c->slots != c->stack_slots)
        kc_free(c->slots);
    c->slots = slots;
    c->mask = cap - 1;
    return true;
}

static move_t *add_move(clone_t *c)
{
    if (c->n_moves == c->cap_moves) {
        size_t cap = c->cap_moves * 2;
        move_t *m = c->moves == c->stack_moves ? kc_malloc(cap * sizeof(*m))
                                               : kc_realloc(c->moves, cap * sizeof(*m));
        if (!m)
            return NULL;
        if (c->moves == c->stack_moves)
            memcpy(m, c->stack_moves, sizeof(c->stack_moves));
        c->moves = m;
        c->cap_moves = cap;
    }
    return &c->moves[c->n_moves++];
}

/* Gives n bytes of a region to the pointer at (slot_region, slot), copied
 * from src; returns the place's offset in *at. */
static int place(clone_t *c, const char *src, size_t n, int region, int slot_region, size_t slot,
                 size_t *at)
{
    size_t off = c->need[region];
    if (n > UINT32_MAX - off || slot > UINT32_MAX)
        return KC_ENOMEM; /* a region of 4 GiB: not an object */
    move_t *m = add_move(c);
    if (!m)
        return KC_ENOMEM;
    *m = (move_t){src, (uint32_t)n, (uint32_t)slot, (uint32_t)off, (uint8_t)slot_region,
                  (uint8_t)region};
    c->need[region] = off + n;
    *at = off;
    return 0;
}

/* a[0..n) == b[0..n), n >= 1, without a call for short strings (most are). */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
    if (n >= 8 && n <= 16)
        return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    if (n >= 4 && n < 8)
        return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    if (n < 4)
        return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
    return memcmp(a, b, n) == 0;
}

/* The string s (not NULL), owned by the pointer at (region, slot): a place
 * in the string region, shared with an earlier equal string. */
static int take_string(clone_t *c, const char *s, int region, size_t slot)
{
    size_t len = strlen(s) + 1, at;
    size_t i = hash_bytes(s, len - 1) & c->mask;
    for (; c->slots[i].s; i = (i + 1) & c->mask) {
        const str_slot_t *o = &c->slots[i];
        if (o->len == len && same_bytes(o->s, s, len)) {
            if (slot > UINT32_MAX)
                return KC_ENOMEM;
            move_t *m = add_move(c);
            if (!m)
                return KC_ENOMEM;
            *m = (move_t){NULL, 0, (uint32_t)slot, o->off, (uint8_t)region, RSTR};
            return 0;
        }
    }
    int rc = place(c, s, len, RSTR, region, slot, &at);
    if (rc || c->used * 2 >= c->mask + 1)
        return rc; /* a full table (MAX_SLOTS) stops learning new strings */
    c->slots[i] = (str_slot_t){s, (uint32_t)len, (uint32_t)at};
    if (++c->used * 2 >= c->mask + 1 && c->mask + 1 < MAX_SLOTS && !grow_table(c))
        return KC_ENOMEM;
    return 0;
}

/* Kinds by what their values own: nothing, a string at string_at[kind]
 * inside the value, or a struct to walk. */
#define PLAIN_KINDS                                                                                \
    (1u << KC_KIND_BOOL | 1u << KC_KIND_INT32 | 1u << KC_KIND_INT64 | 1u << KC_KIND_DOUBLE |       \
     1u << KC_KIND_TIME | 1u << KC_KIND_MICRO_TIME)

static const uint8_t string_at[] = {
    [KC_KIND_STRING] = 0,
    [KC_KIND_QUANTITY] = offsetof(kc_quantity_t, str),
    [KC_KIND_INT_OR_STRING] = offsetof(kc_int_or_string_t, str_val),
    [KC_KIND_JSON] = offsetof(kc_json_t, text),
};

static inline bool owns_nothing(unsigned kind)
{
    return (PLAIN_KINDS >> kind) & 1;
}

static inline int region_of(unsigned kind)
{
    return kind == KC_KIND_BOOL ? R1 : kind == KC_KIND_INT32 ? R4 : R8;
}

static int walk_struct(clone_t *c, const kc_type_t *t, const char *src, int region, size_t at,
                       int depth);

/* What one value of a non-plain kind at src, held by the block at
 * (region, at), owns. */
static inline int walk_value(clone_t *c, unsigned kind, const kc_type_t *type, const char *src,
                             int region, size_t at, int depth)
{
    if (kind == KC_KIND_STRUCT)
        return walk_struct(c, type, src, region, at, depth + 1);
    const char *s = *(char *const *)(src + string_at[kind]);
    return s ? take_string(c, s, region, at + string_at[kind]) : 0;
}

/* A pointer, list or map member (its slot at (region, slot)) that is set. */
static int walk_owned(clone_t *c, const kc_field_t *f, const char *src, const char *a, int region,
                      size_t slot, int depth)
{
    unsigned ek = kc__elem_kind(f);
    size_t es = kc__elem_size(ek, f->type), n = 1, at;
    if (f->shape != KC_SHAPE_PTR) {
        n = *(const size_t *)(src + f->count_offset);
        if (n == 0) { /* an empty array owns nothing: its copy holds NULL */
            move_t *m = add_move(c);
            if (!m || slot > UINT32_MAX)
                return KC_ENOMEM;
            *m = (move_t){NULL, 0, (uint32_t)slot, 0, (uint8_t)region, NONE};
            return 0;
        }
        if (es && n > SIZE_MAX / es)
            return KC_ENOMEM;
    }
    int er = region_of(ek), rc = place(c, a, n * es, er, region, slot, &at);
    if (rc || owns_nothing(ek))
        return rc;
    for (size_t i = 0; i < n; i++)
        if ((rc = walk_value(c, ek, f->type, a + i * es, er, at + i * es, depth)))
            return rc;
    return 0;
}

/* The struct t at src, which the block holds at (region, at). */
static int walk_struct(clone_t *c, const kc_type_t *t, const char *src, int region, size_t at,
                       int depth)
{
    if (depth > KC_MAX_DEPTH)
        return KC_EDEPTH;
    int rc;
    const char *u;
    if (t->unknown_offset >= 0 &&
        (((const kc_unknown_t *)(const void *)(src + t->unknown_offset))->present &
         KC_UNKNOWN_BLOCK)) {
        size_t slot = at + (uint32_t)t->unknown_offset;
        move_t *m = add_move(c);
        if (!m || slot > UINT32_MAX)
            return KC_ENOMEM;
        *m = (move_t){NULL, 0, (uint32_t)slot, 0, (uint8_t)region, UNBLOCK};
    }
    if (t->unknown_offset >= 0 &&
        (u = *kc_unknown_text((const kc_unknown_t *)(const void *)(src + t->unknown_offset))) &&
        (rc = take_string(c, u, region, at + (uint32_t)t->unknown_offset)))
        return rc;
    for (const kc_field_t *f = t->fields, *end = f + t->n_fields; f < end; f++) {
        const char *p = src + f->offset;
        if (f->shape == KC_SHAPE_VALUE) {
            if (owns_nothing(f->kind))
                continue;
            rc = walk_value(c, f->kind, f->type, p, region, at + f->offset, depth);
        } else {
            const char *a = *(char *const *)p;
            if (!a)
                continue; /* the common case: absent */
            rc = walk_owned(c, f, src, a, region, at + f->offset, depth);
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- building a block ---------------------------------------------------- */

/* Copies `in` and everything it owns into one new allocation of hdr_size
 * bytes of header followed by the regions.  The root struct goes to `root`
 * (the caller's memory, which may be `in` itself) or, when `root` is NULL,
 * into the block right after the header.  The copy's root is never a
 * block-backed root: its unknown text is the plain pointer.  Returns the
 * allocation in *block (its size in *bytes) and the root in *root_out. */
static int build(const kc_type_t *t, const void *in, size_t hdr_size, void *root, char **block,
                 size_t *bytes, void **root_out)
{
    clone_t c;
    memset(&c, 0, offsetof(clone_t, stack_slots));
    memset(c.stack_slots, 0, sizeof(c.stack_slots));
    c.slots = c.stack_slots;
    c.mask = STACK_SLOTS - 1;
    c.moves = c.stack_moves;
    c.cap_moves = STACK_MOVES;
    c.need[ROOT] = root ? 0 : ((size_t)t->size + 7) & ~(size_t)7;

    int rc = walk_struct(&c, t, in, ROOT, 0, 0);
    size_t total = hdr_size;
    for (int r = 0; r < N_REGIONS && !rc; r++) {
        if (c.need[r] > SIZE_MAX - total)
            rc = KC_ENOMEM;
        total += c.need[r];
    }
    char *h = rc ? NULL : kc_malloc(total);
    if (!rc && !h)
        rc = KC_ENOMEM;
    kc__advise_large(h, total);
    if (!rc) {
        char *base[N_REGIONS + 1], *p = h + hdr_size;
        for (int r = 0; r < N_REGIONS; r++) {
            base[r] = p;
            p += c.need[r];
        }
        if (root)
            base[ROOT] = root;
        base[NONE] = NULL;
        if (base[ROOT] != (const char *)in)
            memcpy(base[ROOT], in, t->size);
        if (t->unknown_offset >= 0) { /* the text's move (if any) sets it again */
            kc_unknown_t *u = (kc_unknown_t *)(void *)(base[ROOT] + t->unknown_offset);
            u->text = NULL;
            u->present &= ~KC_UNKNOWN_BLOCK;
        }
        for (const move_t *m = c.moves, *end = m + c.n_moves; m < end; m++) {
            if (m->target_region == UNBLOCK) {
                kc_unknown_t *u = (kc_unknown_t *)(void *)(base[m->slot_region] + m->slot);
                u->text = NULL;
                u->present &= ~KC_UNKNOWN_BLOCK;
                continue;
            }
            char *to = base[m->target_region] ? base[m->target_region] + m->target : NULL;
            if (m->src)
                memcpy(to, m->src, m->len);
            memcpy(base[m->slot_region] + m->slot, &to, sizeof(to));
        }
        *block = h;
        *bytes = total;
        *root_out = base[ROOT];
    }
    if (c.slots != c.stack_slots)
        kc_free(c.slots);
    if (c.moves != c.stack_moves)
        kc_free(c.moves);
    return rc;
}

#define BLOCK_HDR_SIZE ((sizeof(kc_block_t) + 7) & ~(size_t)7)

int kc__block_build(const kc_type_t *t, void *out, const void *in)
{
    char *h;
    size_t bytes;
    void *root;
    int rc = build(t, in, BLOCK_HDR_SIZE, out, &h, &bytes, &root);
    if (rc)
        return rc;
    kc_block_t *b = (kc_block_t *)(void *)h;
    kc_unknown_t *u = kc__unknown(t, out);
    b->magic = KC_BLOCK_MAGIC;
    b->bytes = bytes;
    b->text = u->text;
    u->text = h;
    u->present |= KC_UNKNOWN_BLOCK;
    return 0;
}

/* ---- API ---------------------------------------------------------------- */

int kc_shared_clone(const kc_type_t *t, const void *in, const void **out)
{
    if (out)
        *out = NULL;
    if (!t || !in || !out)
        return KC_EINVAL;
    char *h;
    size_t bytes;
    void *root;
    int rc = build(t, in, HDR_SIZE, NULL, &h, &bytes, &root);
    if (rc)
        return rc;
    shared_hdr_t *sh = (shared_hdr_t *)(void *)h;
    atomic_init(&sh->refs, 1);
    sh->bytes = bytes;
    *out = root;
    return 0;
}

int kc_shared_decode(const kc_type_t *t, const char *json, size_t len, const void **out,
                     kc_error_t *err)
{
    if (out)
        *out = NULL;
    if (!t || !out)
        return kc_error_set(err, KC_EINVAL, "kc_shared_decode: NULL argument");
    /* decode into an arena, then compact: the decoder stays the one tested path */
    alignas(16) char root[1024];
    alignas(16) char stack[KC__DECODE_STACK];
    void *tmp = t->size <= sizeof(root) ? root : kc_malloc(t->size);
    if (!tmp)
        return kc_error_set(err, KC_ENOMEM, "out of memory");
    kc__arena_t a;
    kc__arena_begin(&a, stack, sizeof(stack));
    int rc = kc__json_decode_scattered(t, tmp, json, len, "", err);
    kc__arena_stop(&a);
    if (!rc) {
        rc = kc_shared_clone(t, tmp, out);
        if (rc)
            kc_error_set(err, rc, rc == KC_ENOMEM ? "out of memory" : "nesting too deep");
    }
    kc__arena_release(&a);
    if (tmp != root)
        kc_free(tmp);
    return rc;
}

const void *kc_shared_ref(const void *obj)
{
    if (obj)
        atomic_fetch_add_explicit(&hdr_of(obj)->refs, 1, memory_order_relaxed);
    return obj;
}

void kc_shared_unref(const void *obj)
{
    if (!obj)
        return;
    shared_hdr_t *h = hdr_of(obj);
    /* acq_rel: every holder's reads happen before the release of the block */
    if (atomic_fetch_sub_explicit(&h->refs, 1, memory_order_acq_rel) == 1)
        kc_free(h);
}

size_t kc_shared_bytes(const void *obj)
{
    return obj ? hdr_of(obj)->bytes : 0;
}
