#ifndef DEMO_V1_TYPES_H
#define DEMO_V1_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

// +kubebuilder:validation:Enum=Always;Never
typedef char *demo_v1_policy_t;

// Item is an element of lists.
typedef struct demo_v1_item {
    char *name; // +required
    struct demo_v1_item *next; // recursion through the struct tag
    kc_unknown_t unknown;
} demo_v1_item_t;

// ItemEntry is a map entry whose value is a pointer to a struct.
typedef struct demo_v1_item_entry {
    char *key;
    demo_v1_item_t *value;
} demo_v1_item_entry_t;

// CountEntry maps names to counts.
typedef struct demo_v1_count_entry {
    char *key;
    int64_t value;
} demo_v1_count_entry_t;

// Collections has lists and maps of every kind.
typedef struct demo_v1_collections {
    size_t n_args;
    // Args are strings.
    // +listType=atomic
    char **args;
    size_t n_items;
    // +listType=map
    // +listMapKey=name
    demo_v1_item_t *items;
    size_t n_policies;
    demo_v1_policy_t *policies;
    size_t n_ports;
    int32_t *ports;
    size_t n_labels;
    kc_str_entry_t *labels; // +kc:map
    size_t n_limits;
    kc_quantity_entry_t *limits; // +kc:map
    size_t n_by_name;
    demo_v1_item_entry_t *by_name; // +kc:map
    size_t n_counts;
    demo_v1_count_entry_t *counts; // +kc:map
    size_t n_times;
    kc_time_t *times;
    size_t n_blobs;
    kc_json_t *blobs; // +required
    kc_unknown_t unknown;
} demo_v1_collections_t;

#endif
