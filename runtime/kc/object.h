/*
 * kc/object.h - the descriptor-driven engine: one implementation of
 * init/free/deepcopy/equal and JSON for every described type.  Generated
 * `<prefix>_<type>_{init,free,deepcopy,equal,from_json,to_json}` are one-line
 * wrappers over these.
 *
 * Conventions: `obj` points to a struct of type `t`.  kc_object_free()
 * releases what the struct owns and zeroes it; it does not free `obj` itself
 * (the struct may live on the stack or inside another).  free(NULL) is a no-op.
 */
#ifndef KC_OBJECT_H
#define KC_OBJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "kc/error.h"
#include "kc/types.h"

/* Nesting deeper than this is rejected (KC_EDEPTH), also inside free-form JSON. */
#define KC_MAX_DEPTH 128

void kc_object_init(const kc_type_t *t, void *obj);
void kc_object_free(const kc_type_t *t, void *obj);

/* *out is overwritten (not freed first).  On failure *out is left empty. */
int kc_object_deepcopy(const kc_type_t *t, void *out, const void *in);

/* Structural equality, including unknown members and explicit-presence bits. */
bool kc_object_equal(const kc_type_t *t, const void *a, const void *b);

/* Decodes JSON text into *out (overwritten, not freed first).  Unknown members
 * are kept; type mismatches fail with KC_ETYPE and a message that starts with
 * the JSON path: ".spec.replicaSpecs.Master.replicas: expected integer, got string".
 * On failure *out is left empty. */
int kc_json_decode(const kc_type_t *t, void *out, const char *json, size_t len,
                   kc_error_t *err);

/* Encodes *in as minified JSON.  *out is a NUL-terminated kc_malloc'd string
 * the caller releases with kc_free(); *out_len (if non-NULL) its length. */
int kc_json_encode(const kc_type_t *t, const void *in, char **out, size_t *out_len,
                   kc_error_t *err);

/* The size of one element of a member: the member itself (VALUE), its target
 * (PTR), one item (LIST), one entry struct (MAP).  For code that walks
 * described structs generically. */
size_t kc_field_elem_size(const kc_field_t *f);

/* Checks a descriptor (recursively) against the rules the engine relies on:
 * by_name sorted and complete, offsets inside the struct, map entry types of
 * {char *key, value}, +json:inline only on value structs, at most KC_MAX_FIELDS
 * (62) fields.
 * For generator tests; the engine itself trusts descriptors. */
int kc_type_check(const kc_type_t *t, kc_error_t *err);

#endif /* KC_OBJECT_H */
