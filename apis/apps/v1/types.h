/*
 * apis/apps/v1/types.h - k8s.io/api/apps/v1: Deployment (the other apps/v1 kinds are not declared yet).
 *
 * Translated field by field from the Go types (JSON names, order, markers).
 */
#ifndef KC_APIS_APPS_V1_TYPES_H
#define KC_APIS_APPS_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"
#include "core/v1/types.h"

// DeploymentStrategyType is the type of a deployment strategy.
// +kubebuilder:validation:Enum=Recreate;RollingUpdate
// +enum
typedef char *apps_v1_deployment_strategy_type_t;

// DeploymentConditionType is a condition type of a deployment.
// +kubebuilder:validation:Enum=Available;Progressing;ReplicaFailure
typedef char *apps_v1_deployment_condition_type_t;

// Spec to control the desired behavior of rolling update.
typedef struct apps_v1_rolling_update_deployment {
    // The maximum number of pods that can be unavailable during the update (number or percentage).
    // +optional
    kc_int_or_string_t *max_unavailable;
    // The maximum number of pods that can be scheduled above the desired number of pods.
    // +optional
    kc_int_or_string_t *max_surge;
    kc_unknown_t unknown;
} apps_v1_rolling_update_deployment_t;

// DeploymentStrategy describes how to replace existing pods with new ones.
typedef struct apps_v1_deployment_strategy {
    // Type of deployment: "Recreate" or "RollingUpdate" (default).
    // +optional
    apps_v1_deployment_strategy_type_t type;
    // Rolling update config params; present only if type is RollingUpdate.
    // +optional
    apps_v1_rolling_update_deployment_t *rolling_update;
    kc_unknown_t unknown;
} apps_v1_deployment_strategy_t;

// DeploymentSpec is the specification of the desired behavior of the Deployment.
typedef struct apps_v1_deployment_spec {
    // Number of desired pods; defaults to 1.
    // +optional
    int32_t *replicas;
    // Label selector for pods; must match the pod template's labels.
    // +required
    meta_v1_label_selector_t *selector;
    // Template describes the pods that will be created.
    // +required
    core_v1_pod_template_spec_t template;
    // The deployment strategy to use to replace existing pods with new ones.
    // +optional
    // +patchStrategy=retainKeys
    apps_v1_deployment_strategy_t strategy;
    // Minimum seconds a new pod should be ready without crashing to be considered available.
    // +optional
    int32_t min_ready_seconds;
    // The number of old ReplicaSets to retain to allow rollback; defaults to 10.
    // +optional
    int32_t *revision_history_limit;
    // Indicates that the deployment is paused.
    // +optional
    bool paused;
    // Maximum time in seconds for a deployment to make progress before it is considered failed.
    int32_t *progress_deadline_seconds;
    kc_unknown_t unknown;
} apps_v1_deployment_spec_t;

// DeploymentCondition describes the state of a deployment at a certain point.
typedef struct apps_v1_deployment_condition {
    // Type of deployment condition (DeploymentConditionType).
    // +required
    char *type;
    // Status of the condition, one of True, False, Unknown.
    // +required
    char *status;
    // The last time this condition was updated.
    kc_time_t last_update_time;
    // Last time the condition transitioned from one status to another.
    kc_time_t last_transition_time;
    // The reason for the condition's last transition.
    char *reason;
    // A human readable message indicating details about the transition.
    char *message;
    kc_unknown_t unknown;
} apps_v1_deployment_condition_t;

// DeploymentStatus is the most recently observed status of the Deployment.
typedef struct apps_v1_deployment_status {
    // The generation observed by the deployment controller.
    // +optional
    int64_t observed_generation;
    // Total number of non-terminated pods targeted by this deployment.
    // +optional
    int32_t replicas;
    // Total number of non-terminated pods targeted by this deployment that have the desired template spec.
    // +optional
    int32_t updated_replicas;
    // readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.
    // +optional
    int32_t ready_replicas;
    // Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.
    // +optional
    int32_t available_replicas;
    // Total number of unavailable pods targeted by this deployment.
    // +optional
    int32_t unavailable_replicas;
    // Total number of terminating pods targeted by this deployment (alpha, Kubernetes 1.33+).
    // +optional
    int32_t *terminating_replicas;
    size_t n_conditions;
    // Represents the latest available observations of a deployment's current state.
    // +patchMergeKey=type
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=type
    apps_v1_deployment_condition_t *conditions;
    // Count of hash collisions for the Deployment.
    // +optional
    int32_t *collision_count;
    kc_unknown_t unknown;
} apps_v1_deployment_status_t;

// Deployment enables declarative updates for Pods and ReplicaSets.
// +genclient
// +kubebuilder:subresource:status
// +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas
typedef struct apps_v1_deployment {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of the Deployment.
    // +optional
    apps_v1_deployment_spec_t spec;
    // Most recently observed status of the Deployment.
    // +optional
    apps_v1_deployment_status_t status;
    kc_unknown_t unknown;
} apps_v1_deployment_t;

#endif /* KC_APIS_APPS_V1_TYPES_H */
