/*
 * kc/types.h - the value types API headers use, and the type descriptors that
 * generated code emits and the runtime engine (free, deepcopy, equal, JSON)
 * interprets.
 *
 * This header is the contract between kc-gen's output and libkc.  Generated
 * files check KC_DESCRIPTOR_VERSION with #error, so a mismatch between
 * generated/ and the runtime fails at compile time, not at run time.
 *
 * Ownership: a struct the caller builds from zeroed memory owns every pointer
 * in it (each its own kc_malloc block).  Objects kc makes (kc_json_decode,
 * kc_object_deepcopy) are block-backed: everything they own lives in one
 * allocation recorded on the root (KC_UNKNOWN_BLOCK); replace a member by
 * assigning a new kc_malloc'd value and never free the old one yourself.
 * kc_object_free releases both kinds.  A zeroed struct is a valid empty value.
 */
#ifndef KC_TYPES_H
#define KC_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KC_DESCRIPTOR_VERSION 1

/* ---- value types used by API headers ---------------------------------- */

/* metav1.Time / metav1.MicroTime: seconds + nanoseconds since the Unix epoch,
 * UTC.  The zero value means "not set" (Go marshals a zero Time as null). */
typedef struct kc_time {
    int64_t sec;
    int32_t nsec;
} kc_time_t;
typedef kc_time_t kc_micro_time_t;

/* resource.Quantity: the string exactly as received ("8", "500m", "1Gi").
 * `number` is true when the server sent a JSON number rather than a string,
 * so that it is written back the same way. */
typedef struct kc_quantity {
    char *str;
    bool number;
} kc_quantity_t;

/* intstr.IntOrString. */
typedef enum kc_int_or_string_type {
    KC_INT_OR_STRING_INT = 0,
    KC_INT_OR_STRING_STRING = 1
} kc_int_or_string_type_t;

typedef struct kc_int_or_string {
    kc_int_or_string_type_t type;
    int32_t int_val;
    char *str_val; /* owned; used when type == KC_INT_OR_STRING_STRING */
} kc_int_or_string_t;

/* Free-form JSON (runtime.RawExtension, fieldsV1, JSON-typed CRD fields):
 * the value's text, minified, NUL-terminated; NULL = absent.  Text, not a
 * cJSON tree, so int64 values and number spellings survive untouched; parse it
 * with cJSON_Parse when you need to look inside. */
typedef struct kc_json {
    char *text;
} kc_json_t;

/* What a struct keeps beyond its declared members, so that decode -> encode
 * is lossless (16 bytes in every struct that maps to a JSON object):
 *
 * `text`: the members its C type does not declare, as the minified text of
 * `"name":value` pairs joined by commas (no braces), NUL-terminated; NULL
 * (or "") when there are none.  It also holds, exactly as received, declared
 * members whose value the C member cannot tell apart from "absent": an
 * explicit null for a member that cannot be absent (value scalars and
 * structs, lists, maps) and an explicit zero time ("1970-01-01T00:00:00Z").
 * The encoder writes a declared member in preference to a same-named member
 * of `text`, so setting such a member replaces the kept one.
 *
 * `present`: bit i (i < KC_MAX_FIELDS) says the input spelled out declared
 * field i of the struct's descriptor, so that an explicit false / 0 / "" /
 * {} / [] is written back exactly, and null for members that can be absent
 * (pointers, strings, quantities, JSON: present + NULL; times: present +
 * zero).  Bit 63, KC_UNKNOWN_DECODED, marks a struct filled from JSON:
 * encoding it adds no +required member the input did not have.  Bit 62,
 * KC_UNKNOWN_BLOCK, marks the root of a block-backed object: `text` then
 * points to the block's kc_block_t, whose `text` is the root's own unknown
 * text.  Read and write the unknown text only through kc_unknown_text(). */
typedef struct kc_unknown {
    char *text;
    uint64_t present;
} kc_unknown_t;

/* The presence bit reserved for "filled by the decoder". */
#define KC_UNKNOWN_DECODED ((uint64_t)1 << 63)
/* The presence bit reserved for "the root of a block-backed object". */
#define KC_UNKNOWN_BLOCK ((uint64_t)1 << 62)
/* A struct has at most this many fields (one presence bit each). */
#define KC_MAX_FIELDS 62

/* The start of the one allocation that holds everything a block-backed
 * object owns (nested structs, arrays, strings, unknown text; the root struct
 * itself is the caller's memory). */
typedef struct kc_block {
    uint64_t magic;  /* KC_BLOCK_MAGIC */
    size_t bytes;    /* of the whole block, this header included */
    char *text;      /* the root's unknown text, or NULL */
} kc_block_t;

#define KC_BLOCK_MAGIC 0x6b63626c6f636b31ull /* "kcblock1" */

/* Where the unknown text of the struct holding `u` lives: u->text, or, on the
 * root of a block-backed object, its block header's text.  Read it, or store
 * a new kc_malloc'd text there (on a block-backed root do not free the old
 * one: it lies in the block). */
static inline char **kc_unknown_text(const kc_unknown_t *u)
{
    char *const *slot = (u->present & KC_UNKNOWN_BLOCK)
                            ? &((const kc_block_t *)(const void *)u->text)->text
                            : &u->text;
    return (char **)(uintptr_t)slot;
}

/* Map entries: a JSON object is a C array of {key, value} structs.  These
 * two are the runtime's own; API headers declare others the same way. */
typedef struct kc_str_entry {
    char *key;
    char *value;
} kc_str_entry_t;

typedef struct kc_quantity_entry {
    char *key;
    kc_quantity_t value;
} kc_quantity_entry_t;

/* ---- descriptors ------------------------------------------------------- */

/* What one C member holds. */
typedef enum kc_kind {
    KC_KIND_STRING = 1,    /* char *            */
    KC_KIND_BOOL,          /* bool              */
    KC_KIND_INT32,         /* int32_t           */
    KC_KIND_INT64,         /* int64_t           */
    KC_KIND_DOUBLE,        /* double            */
    KC_KIND_TIME,          /* kc_time_t, RFC 3339 seconds          */
    KC_KIND_MICRO_TIME,    /* kc_micro_time_t, RFC 3339 microseconds */
    KC_KIND_QUANTITY,      /* kc_quantity_t     */
    KC_KIND_INT_OR_STRING, /* kc_int_or_string_t */
    KC_KIND_JSON,          /* kc_json_t         */
    KC_KIND_STRUCT         /* a described struct: kc_field_t.type */
} kc_kind_t;

/* How the member holds it. */
typedef enum kc_shape {
    KC_SHAPE_VALUE = 0, /* T x;                                  */
    KC_SHAPE_PTR,       /* T *x;  NULL = absent (Go's *T)          */
    KC_SHAPE_LIST,      /* size_t n_x; T *x;   JSON array           */
    KC_SHAPE_MAP        /* size_t n_x; E *x;   JSON object, E = {key, value} entry */
} kc_shape_t;

/* Field flags. */
enum {
    KC_FIELD_OMITEMPTY = 1u << 0, /* Go's omitempty: a zero value is not written */
    KC_FIELD_INLINE = 1u << 1,    /* +json:inline: members spliced into the parent */
    KC_FIELD_REQUIRED = 1u << 2   /* +required (documentation + CRD schema) */
};

typedef struct kc_type kc_type_t;

typedef struct kc_field {
    const char *json_name;   /* "replicaSpecs"; "" for +json:inline members */
    uint32_t json_name_len;
    uint8_t kind;            /* kc_kind_t */
    uint8_t shape;           /* kc_shape_t */
    uint16_t flags;          /* KC_FIELD_* */
    uint32_t offset;         /* offsetof the member (the array pointer for lists/maps) */
    uint32_t count_offset;   /* offsetof the size_t count, lists and maps only */
    const kc_type_t *type;   /* KC_KIND_STRUCT: the element type; KC_SHAPE_MAP: the entry type */
    const char *c_name;      /* "replica_specs" (for messages and tools) */
} kc_field_t;

/* Object metadata accessors for resources: where ObjectMeta's members live,
 * so the runtime (clients, caches) reaches them without generated headers. */
typedef struct kc_resource kc_resource_t;

struct kc_type {
    const char *name;          /* C name without _t: "mindxdl_v1_ascend_job" */
    uint32_t size;             /* sizeof the struct */
    uint32_t n_fields;
    const kc_field_t *fields;  /* declaration order = JSON output order */
    uint32_t n_by_name;
    const uint16_t *by_name;   /* indices of the non-inline fields, sorted by json_name
                                  (bytewise, then length); inline fields are searched after */
    int32_t unknown_offset;    /* offsetof the kc_unknown_t member, -1 if none */
    const kc_resource_t *resource; /* non-NULL for top-level API kinds */
};

/* The REST identity of a +genclient type (filled by the generator). */
typedef enum kc_verb {
    KC_VERB_CREATE = 1u << 0,
    KC_VERB_GET = 1u << 1,
    KC_VERB_LIST = 1u << 2,
    KC_VERB_WATCH = 1u << 3,
    KC_VERB_UPDATE = 1u << 4,
    KC_VERB_UPDATE_STATUS = 1u << 5,
    KC_VERB_PATCH = 1u << 6,
    KC_VERB_APPLY = 1u << 7,
    KC_VERB_DELETE = 1u << 8,
    KC_VERB_DELETE_COLLECTION = 1u << 9
} kc_verb_t;

struct kc_resource {
    const char *group;       /* "" for the core group */
    const char *version;     /* "v1" */
    const char *kind;        /* "AscendJob" */
    const char *list_kind;   /* "AscendJobList" */
    const char *plural;      /* "ascendjobs" */
    const char *singular;    /* "ascendjob" */
    bool namespaced;
    bool has_status;         /* +kubebuilder:subresource:status */
    bool has_scale;          /* +kubebuilder:subresource:scale */
    uint32_t verbs;          /* KC_VERB_* */
    const kc_type_t *type;       /* the object */
    const kc_type_t *list_type;  /* its list */
    /* offsets inside the object (offsetof(T, metadata.name) ...) */
    uint32_t name_offset;
    uint32_t namespace_offset;
    uint32_t resource_version_offset;
    uint32_t uid_offset;
    uint32_t labels_count_offset; /* size_t n_labels */
    uint32_t labels_offset;       /* kc_str_entry_t *labels */
    /* offsets inside the list */
    uint32_t list_items_count_offset;
    uint32_t list_items_offset;
    uint32_t list_resource_version_offset;
    uint32_t list_continue_offset;
};

/* Descriptors of the runtime's own entry types. */
extern const kc_type_t kc_str_entry_desc;
extern const kc_type_t kc_quantity_entry_desc;

#endif /* KC_TYPES_H */
