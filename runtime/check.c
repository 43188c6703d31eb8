/* check.c - kc_type_check: the descriptor rules the engine relies on. */
#include <string.h>

#include "internal.h"
#include "kc/object.h"

#define MAX_SEEN 512

typedef struct seen {
    const kc_type_t *t[MAX_SEEN];
    size_t n;
} seen_t;

static int check_type(const kc_type_t *t, seen_t *seen, kc_error_t *err);

static int bad(kc_error_t *err, const kc_type_t *t, const kc_field_t *f, const char *what)
{
    return kc_error_set(err, KC_EINVAL, "descriptor %s%s%s: %s", t->name ? t->name : "?",
                        f ? "." : "", f ? (f->c_name ? f->c_name : f->json_name) : "", what);
}

static int check_field(const kc_type_t *t, const kc_field_t *f, seen_t *seen, kc_error_t *err)
{
    if (f->kind < KC_KIND_STRING || f->kind > KC_KIND_STRUCT)
        return bad(err, t, f, "invalid kind");
    if (f->shape > KC_SHAPE_MAP)
        return bad(err, t, f, "invalid shape");
    if (!f->json_name || strlen(f->json_name) != f->json_name_len)
        return bad(err, t, f, "json_name_len does not match json_name");
    size_t member = f->shape == KC_SHAPE_VALUE ? kc__elem_size(f->kind, f->type) : sizeof(void *);
    if ((size_t)f->offset + member > t->size)
        return bad(err, t, f, "member outside the struct");
    if ((f->shape == KC_SHAPE_LIST || f->shape == KC_SHAPE_MAP) &&
        (size_t)f->count_offset + sizeof(size_t) > t->size)
        return bad(err, t, f, "count outside the struct");
    if (f->flags & KC_FIELD_INLINE) {
        if (f->kind != KC_KIND_STRUCT || f->shape != KC_SHAPE_VALUE || f->json_name_len)
            return bad(err, t, f, "+json:inline needs a value struct with an empty JSON name");
    } else if (!f->json_name_len) {
        return bad(err, t, f, "empty JSON name");
    }
    if (f->shape == KC_SHAPE_MAP) {
        const kc_type_t *et = f->type;
        if (!et || et->n_fields != 2 || et->fields[0].kind != KC_KIND_STRING ||
            et->fields[0].shape != KC_SHAPE_VALUE || et->fields[1].shape > KC_SHAPE_PTR)
            return bad(err, t, f, "map entry type must be {char *key; value}");
        return check_type(et, seen, err);
    }
    if (f->kind == KC_KIND_STRUCT) {
        if (!f->type)
            return bad(err, t, f, "struct member without a type");
        return check_type(f->type, seen, err);
    }
    return 0;
}

static int cmp_names(const kc_field_t *a, const kc_field_t *b)
{
    size_t n = a->json_name_len < b->json_name_len ? a->json_name_len : b->json_name_len;
    int c = memcmp(a->json_name, b->json_name, n);
    if (c)
        return c;
    return a->json_name_len < b->json_name_len ? -1 : a->json_name_len > b->json_name_len;
}

static int check_type(const kc_type_t *t, seen_t *seen, kc_error_t *err)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->t[i] == t)
            return 0;
    if (seen->n < MAX_SEEN)
        seen->t[seen->n++] = t;
    if (t->n_fields > KC_MAX_FIELDS)
        return bad(err, t, NULL, "more than 62 fields");
    if (t->n_fields && !t->fields)
        return bad(err, t, NULL, "no field table");
    if (t->unknown_offset >= 0 && (size_t)t->unknown_offset + sizeof(kc_unknown_t) > t->size)
        return bad(err, t, NULL, "unknown member outside the struct");
    uint32_t named = 0;
    for (uint32_t i = 0; i < t->n_fields; i++)
        named += !(t->fields[i].flags & KC_FIELD_INLINE);
    if (t->n_by_name != named || (named && !t->by_name))
        return bad(err, t, NULL, "by_name must list every non-inline field");
    for (uint32_t i = 0; i < t->n_by_name; i++) {
        if (t->by_name[i] >= t->n_fields || (t->fields[t->by_name[i]].flags & KC_FIELD_INLINE))
            return bad(err, t, NULL, "by_name holds a bad index");
        if (i && cmp_names(&t->fields[t->by_name[i - 1]], &t->fields[t->by_name[i]]) >= 0)
            return bad(err, t, &t->fields[t->by_name[i]], "by_name not sorted (or a duplicate name)");
    }
    for (uint32_t i = 0; i < t->n_fields; i++) {
        int rc = check_field(t, &t->fields[i], seen, err);
        if (rc)
            return rc;
    }
    return 0;
}

int kc_type_check(const kc_type_t *t, kc_error_t *err)
{
    if (!t)
        return kc_error_set(err, KC_EINVAL, "NULL descriptor");
    seen_t seen;
    seen.n = 0;
    return check_type(t, &seen, err);
}
