/*
 * kc/shared.h - immutable, reference-counted objects in one allocation: what
 * the informer cache holds and listers hand out (DESIGN.md §5, "Cache
 * lifetime").
 *
 * A shared object is an ordinary described struct (kc_object_equal,
 * kc_json_encode and kc_object_deepcopy work on it unchanged) that lives in
 * one block together with everything it points to: nested structs, arrays
 * and strings, exactly sized, with identical strings stored once.  The block
 * starts with an atomic reference count.
 *
 * Ownership rules:
 *   - kc_shared_clone / kc_shared_decode give the caller one reference.
 *   - kc_shared_ref adds one (for another holder, another thread);
 *     kc_shared_unref drops one, and the last releases the block.  Both are
 *     thread-safe and lock-free; unref(NULL) is a no-op.
 *   - The object is immutable: never write to it, never call kc_object_free
 *     or a generated `_free` on it (its members are not separate
 *     allocations), never kc_free it.  To edit, take a mutable
 *     (block-backed) copy with kc_object_deepcopy (released with
 *     kc_object_free as usual).
 *   - Everything reachable from a shared object lives as long as the object:
 *     a pointer into it (a name, a label) is valid while you hold a
 *     reference.
 */
#ifndef KC_SHARED_H
#define KC_SHARED_H

#include <stddef.h>

#include "kc/error.h"
#include "kc/types.h"

/* A shared copy of the struct `in` of type t, in one allocation: a sizing
 * pass, one kc_malloc, a copy pass.  *out is the new object (reference count
 * 1), or NULL on failure: KC_EINVAL (NULL argument), KC_ENOMEM (also for
 * more than 4 GiB of arrays or of strings in one object), KC_EDEPTH (pointers
 * nested deeper than KC_MAX_DEPTH, e.g. a cycle). */
int kc_shared_clone(const kc_type_t *t, const void *in, const void **out);

/* Decodes JSON (as kc_json_decode) straight to a shared object: *out has
 * reference count 1, or is NULL on failure (err says why, with the JSON
 * path). */
int kc_shared_decode(const kc_type_t *t, const char *json, size_t len, const void **out,
                     kc_error_t *err);

/* Adds a reference; returns obj (NULL stays NULL). */
const void *kc_shared_ref(const void *obj);

/* Drops a reference; the last one releases the object.  NULL is a no-op. */
void kc_shared_unref(const void *obj);

/* The bytes the object's block holds (header, struct and everything it
 * points to); 0 for NULL. */
size_t kc_shared_bytes(const void *obj);

#endif /* KC_SHARED_H */
