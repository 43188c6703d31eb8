/*
 * apis/common/v1/types.h - github.com/kubeflow/common/pkg/apis/common/v1 (v0.4.x), the types
 * training-job operators share: RunPolicy, ReplicaSpec, JobStatus.
 *
 * Translated field by field from the Go types (JSON names, order, markers). The Go string
 * types (ReplicaType, RestartPolicy, ...) have no +enum: members are char * and the
 * typedefs give the constants. Fields without omitempty in Go are +required here.
 */
#ifndef KC_APIS_COMMON_V1_TYPES_H
#define KC_APIS_COMMON_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"
#include "core/v1/types.h"

// ReplicaType represents the type of the replica; each operator defines its own set (see mindxdl_v1_replica_type_t).
typedef char *common_v1_replica_type_t;

// JobConditionType defines all kinds of types of JobStatus.
// +kubebuilder:validation:Enum=Created;Running;Restarting;Succeeded;Failed
typedef char *common_v1_job_condition_type_t;

// CleanPodPolicy describes how to deal with pods when the job is finished ("" is undefined).
// +kubebuilder:validation:Enum=All;Running;None
typedef char *common_v1_clean_pod_policy_t;

// RestartPolicy describes how the replicas should be restarted.
// +kubebuilder:validation:Enum=Always;OnFailure;Never;ExitCode
typedef char *common_v1_restart_policy_t;

// JobCondition describes the state of the job at a certain point.
typedef struct common_v1_job_condition {
    // Type of job condition (JobConditionType).
    // +required
    char *type;
    // Status of the condition, one of True, False, Unknown.
    // +required
    char *status;
    // The reason for the condition's last transition.
    char *reason;
    // A human readable message indicating details about the transition.
    char *message;
    // The last time this condition was updated.
    kc_time_t last_update_time;
    // Last time the condition transitioned from one status to another.
    kc_time_t last_transition_time;
    kc_unknown_t unknown;
} common_v1_job_condition_t;

// ReplicaStatus represents the current observed state of the replica.
typedef struct common_v1_replica_status {
    // The number of actively running pods.
    int32_t active;
    // The number of pods which reached phase Succeeded.
    int32_t succeeded;
    // The number of pods which reached phase Failed.
    int32_t failed;
    // Deprecated: Use Selector instead.
    meta_v1_label_selector_t *label_selector;
    // A Selector is a label query over a set of resources, in string form (for the scale subresource).
    char *selector;
    kc_unknown_t unknown;
} common_v1_replica_status_t;

// Entry of the map[ReplicaType]*ReplicaStatus of JobStatus.replicaStatuses.
typedef struct common_v1_replica_status_entry {
    char *key;
    common_v1_replica_status_t *value;
} common_v1_replica_status_entry_t;

// JobStatus represents the current observed state of the training Job.
typedef struct common_v1_job_status {
    size_t n_conditions;
    // Conditions is an array of current observed job conditions.
    // +required
    common_v1_job_condition_t *conditions;
    size_t n_replica_statuses;
    // ReplicaStatuses is map of ReplicaType and ReplicaStatus, the status of each replica.
    // +required
    common_v1_replica_status_entry_t *replica_statuses;  // +kc:map
    // Represents time when the job was acknowledged by the job controller.
    kc_time_t *start_time;
    // Represents time when the job was completed.
    kc_time_t *completion_time;
    // Represents last time when the job was reconciled.
    kc_time_t *last_reconcile_time;
    kc_unknown_t unknown;
} common_v1_job_status_t;

// ReplicaSpec is a description of the replica.
typedef struct common_v1_replica_spec {
    // Replicas is the desired number of replicas of the given template; defaults to 1.
    int32_t *replicas;
    // Template is the object that describes the pod created for this replica.
    core_v1_pod_template_spec_t template;
    // Restart policy for all replicas within the job: Always, OnFailure, Never or ExitCode (default Never).
    char *restart_policy;
    kc_unknown_t unknown;
} common_v1_replica_spec_t;

// Entry of a map[ReplicaType]*ReplicaSpec (e.g. AscendJobSpec.replicaSpecs).
typedef struct common_v1_replica_spec_entry {
    char *key;
    common_v1_replica_spec_t *value;
} common_v1_replica_spec_entry_t;

// SchedulingPolicy encapsulates various scheduling policies of the distributed training job.
typedef struct common_v1_scheduling_policy {
    // MinAvailable is the minimum number of pods for gang-scheduling.
    int32_t *min_available;
    // Queue is the scheduler queue of the job.
    char *queue;
    size_t n_min_resources;
    // MinResources is the minimal resources of the job for gang-scheduling (Go: *ResourceList).
    kc_quantity_entry_t *min_resources;  // +kc:map
    // PriorityClass is the priority class of the job's PodGroup.
    char *priority_class;
    // ScheduleTimeoutSeconds is the maximal time members wait before the PodGroup runs.
    int32_t *schedule_timeout_seconds;
    kc_unknown_t unknown;
} common_v1_scheduling_policy_t;

// RunPolicy encapsulates various runtime policies of the distributed training job.
typedef struct common_v1_run_policy {
    // CleanPodPolicy defines the policy to kill pods after the job completes (CleanPodPolicy).
    char *clean_pod_policy;
    // TTLSecondsAfterFinished is the TTL to clean up jobs; defaults to infinite.
    int32_t *ttl_seconds_after_finished;
    // Duration in seconds relative to the startTime that the job may be active.
    // +optional
    int64_t *active_deadline_seconds;
    // Optional number of retries before marking this job failed.
    // +optional
    int32_t *backoff_limit;
    // SchedulingPolicy defines the policy related to scheduling, e.g. gang-scheduling.
    // +optional
    common_v1_scheduling_policy_t *scheduling_policy;
    kc_unknown_t unknown;
} common_v1_run_policy_t;

#endif /* KC_APIS_COMMON_V1_TYPES_H */
