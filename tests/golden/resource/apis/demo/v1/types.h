#ifndef DEMO_V1_TYPES_H
#define DEMO_V1_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "kc/types.h"
#include "meta/v1/types.h"

typedef struct demo_v1_widget_spec {
    int32_t *replicas;
    kc_unknown_t unknown;
} demo_v1_widget_spec_t;

typedef struct demo_v1_widget_status {
    int32_t replicas;
    char *selector;
    kc_unknown_t unknown;
} demo_v1_widget_status_t;

// Widget is a namespaced resource with status and scale subresources.
// +genclient
// +kubebuilder:subresource:status
// +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector
// +kubebuilder:resource:shortName=wd;wdg,categories=all
// +kubebuilder:printcolumn:name="Replicas",type=integer,JSONPath=`.status.replicas`
typedef struct demo_v1_widget {
    meta_v1_type_meta_t type_meta; // +json:inline
    meta_v1_object_meta_t metadata; // +optional
    demo_v1_widget_spec_t spec;
    demo_v1_widget_status_t status;
    kc_unknown_t unknown;
} demo_v1_widget_t;

// Gadget is cluster-scoped, read-only and has no status.
// +genclient
// +genclient:nonNamespaced
// +genclient:onlyVerbs=get,list,watch
// +kubebuilder:resource:scope=Cluster,path=gadgetry,singular=gadget
typedef struct demo_v1_gadget {
    meta_v1_type_meta_t type_meta; // +json:inline
    meta_v1_object_meta_t metadata;
    char *note;
    kc_unknown_t unknown;
} demo_v1_gadget_t;

// Policy needs +kc:kind because of the acronym; its status is not a subresource.
// +genclient
// +genclient:noStatus
// +genclient:skipVerbs=apply,deleteCollection
// +kc:kind=TFPolicy
typedef struct demo_v1_tf_policy {
    meta_v1_type_meta_t type_meta; // +json:inline
    meta_v1_object_meta_t metadata;
    demo_v1_widget_status_t status;
    kc_unknown_t unknown;
} demo_v1_tf_policy_t;

#endif
