#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

#include "meta/v1/types.h"

// +genclient
// +kubebuilder:printcolumn:name="State",type=strng,JSONPath=`.status.state
// +kubebuilder:printcolumn:name="Age",type=date
// +kubebuilder:printcolumn:nmae="X",type=string,JSONPath=".x"
// +kubebuilder:resource:scope=Cluster
typedef struct demo_v1_thing {
    meta_v1_type_meta_t type_meta; // +json:inline
    meta_v1_object_meta_t metadata;
    kc_unknown_t unknown;
} demo_v1_thing_t;
