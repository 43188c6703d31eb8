/* entries.c - descriptors of the runtime's own map-entry types. */
#include <stddef.h>

#include "kc/types.h"

static const uint16_t entry_by_name[] = {0, 1}; /* "key" < "value" */

static const kc_field_t str_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(kc_str_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(kc_str_entry_t, value), 0, NULL,
     "value"},
};

const kc_type_t kc_str_entry_desc = {
    "kc_str_entry", sizeof(kc_str_entry_t), 2, str_entry_fields, 2, entry_by_name, -1, NULL,
};

static const kc_field_t quantity_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(kc_quantity_entry_t, key), 0, NULL,
     "key"},
    {"value", 5, KC_KIND_QUANTITY, KC_SHAPE_VALUE, 0, offsetof(kc_quantity_entry_t, value), 0,
     NULL, "value"},
};

const kc_type_t kc_quantity_entry_desc = {
    "kc_quantity_entry", sizeof(kc_quantity_entry_t), 2, quantity_entry_fields, 2, entry_by_name,
    -1, NULL,
};
