#ifndef DEMO_V1_TYPES_H
#define DEMO_V1_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "kc/types.h"

// Phase is the lifecycle phase of a widget.
// +kubebuilder:validation:Enum=Pending;Running;OnFailure;IPv4;HTTPGet
typedef char *demo_v1_phase_t;

// Color has no declared values: a plain alias.
typedef char *demo_v1_color_t;

// Scalars holds one member of every scalar form.
// It has a two-line doc comment.
typedef struct demo_v1_scalars {
    // Name is a plain string.
    char *name;
    bool enabled;
    bool *maybe; // +optional
    int32_t replicas; // +required
    int64_t *generation;
    double ratio;
    // +kubebuilder:validation:Minimum=0
    // +kubebuilder:validation:Maximum=1.5
    double *weight;
    kc_time_t created;
    kc_time_t *deleted;
    kc_micro_time_t renewed;
    kc_quantity_t memory;
    kc_int_or_string_t port;
    kc_json_t raw;
    demo_v1_phase_t phase;
    char *host_ip; // +json=hostIP
    char *continue_; // trailing underscore escapes a keyword
    kc_unknown_t unknown;
} demo_v1_scalars_t;

// Empty has no fields at all.
// +k8s:deepcopy-gen=false
typedef struct demo_v1_empty {
    kc_unknown_t unknown;
} demo_v1_empty_t;

#endif
