/*
 * apis/mindxdl/v1/types.h - AscendJob of the Ascend NPU job stack (group mindxdl.gitee.com),
 * as ascend-operator declares it (component/ascend-operator/pkg/api/v1 of Ascend/mind-cluster).
 * Its status is the kubeflow common JobStatus (apis/common/v1).
 */
#ifndef KC_APIS_MINDXDL_V1_TYPES_H
#define KC_APIS_MINDXDL_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"
#include "common/v1/types.h"

// ReplicaType values of AscendJob replicaSpecs keys (commonv1.ReplicaType): Scheduler (MindSpore), Master (PyTorch), Chief (TensorFlow), Worker.
// +kubebuilder:validation:Enum=Scheduler;Master;Chief;Worker
typedef char *mindxdl_v1_replica_type_t;

// SuccessPolicy is the success policy ("" means the default rules).
// +kubebuilder:validation:Enum=AllWorkers
typedef char *mindxdl_v1_success_policy_t;

// AscendJobSpec defines the desired state of AscendJob.
typedef struct mindxdl_v1_ascend_job_spec {
    // RunPolicy encapsulates various runtime policies of the distributed training job.
    // +kubebuilder:validation:Optional
    common_v1_run_policy_t run_policy;
    // SuccessPolicy defines the policy to mark the AscendJob as succeeded; default "" (mindxdl_v1_success_policy_t).
    // +optional
    char *success_policy;
    // SchedulerName defines the job scheduler with gang-scheduling enabled.
    // +optional
    char *scheduler_name;
    size_t n_replica_specs;
    // A map of ReplicaType (type) to ReplicaSpec (value), the ML cluster configuration.
    // +required
    common_v1_replica_spec_entry_t *replica_specs;  // +kc:map
    kc_unknown_t unknown;
} mindxdl_v1_ascend_job_spec_t;

// AscendJob is the Schema for the AscendJob API.
// +genclient
// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
// +kubebuilder:resource:path=ascendjobs,shortName=acjob,scope=Namespaced,singular=ascendjob
// +kubebuilder:printcolumn:name="State",type=string,JSONPath=`.status.conditions[-1:].type`
// +kubebuilder:printcolumn:name="Age",type=date,JSONPath=`.metadata.creationTimestamp`
typedef struct mindxdl_v1_ascend_job {
    // Standard Kubernetes type metadata.
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired state of the AscendJob.
    // +optional
    mindxdl_v1_ascend_job_spec_t spec;
    // Most recently observed status of the AscendJob. Read-only.
    // +optional
    common_v1_job_status_t status;
    kc_unknown_t unknown;
} mindxdl_v1_ascend_job_t;

#endif /* KC_APIS_MINDXDL_V1_TYPES_H */
