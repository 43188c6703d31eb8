#ifndef KC_APIS_EXAMPLE_V1_TYPES_H
#define KC_APIS_EXAMPLE_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"

// WidgetPort is one port a widget listens on.
typedef struct example_v1_widget_port {
    char *name;                     // +optional
    int32_t port;                   // +required
    kc_unknown_t unknown;
} example_v1_widget_port_t;

typedef struct example_v1_widget_spec {
    int32_t *replicas;              // +kubebuilder:validation:Minimum=1
    char *size;                     // +required
    size_t n_selector;
    kc_str_entry_t *selector;       // +kc:map
    size_t n_ports;
    example_v1_widget_port_t *ports;
    size_t n_limits;
    kc_quantity_entry_t *limits;    // +kc:map
    kc_unknown_t unknown;
} example_v1_widget_spec_t;

typedef struct example_v1_widget_status {
    int32_t ready_replicas;         // +optional
    kc_time_t *last_scale_time;     // +optional
    kc_unknown_t unknown;
} example_v1_widget_status_t;

// +genclient
// +kubebuilder:subresource:status
// +kubebuilder:resource:shortName=wd
// Widget is the worked example of the header language.
typedef struct example_v1_widget {
    meta_v1_type_meta_t type_meta;  // +json:inline
    meta_v1_object_meta_t metadata;
    example_v1_widget_spec_t spec;
    example_v1_widget_status_t status;
    kc_unknown_t unknown;
} example_v1_widget_t;

#endif
