/*
 * apis/batch/v1/types.h - k8s.io/api/batch/v1: Job and CronJob.
 *
 * Translated field by field from the Go types (JSON names, order, markers).
 */
#ifndef KC_APIS_BATCH_V1_TYPES_H
#define KC_APIS_BATCH_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"
#include "core/v1/types.h"

// CompletionMode specifies how Pod completions of a Job are tracked.
// +kubebuilder:validation:Enum=NonIndexed;Indexed
// +enum
typedef char *batch_v1_completion_mode_t;

// PodFailurePolicyAction specifies how a Pod failure is handled.
// +kubebuilder:validation:Enum=FailJob;FailIndex;Ignore;Count
// +enum
typedef char *batch_v1_pod_failure_policy_action_t;

// PodFailurePolicyOnExitCodesOperator relates container exit codes and values.
// +kubebuilder:validation:Enum=In;NotIn
// +enum
typedef char *batch_v1_pod_failure_policy_on_exit_codes_operator_t;

// PodReplacementPolicy specifies the policy for creating pod replacements.
// +kubebuilder:validation:Enum=TerminatingOrFailed;Failed
// +enum
typedef char *batch_v1_pod_replacement_policy_t;

// JobConditionType is a condition type of a job.
// +kubebuilder:validation:Enum=Suspended;Complete;Failed;FailureTarget;SuccessCriteriaMet
typedef char *batch_v1_job_condition_type_t;

// ConcurrencyPolicy describes how the job will be handled.
// +kubebuilder:validation:Enum=Allow;Forbid;Replace
// +enum
typedef char *batch_v1_concurrency_policy_t;

// PodFailurePolicyOnExitCodesRequirement describes the requirement for handling a failed pod based on its container exit codes.
typedef struct batch_v1_pod_failure_policy_on_exit_codes_requirement {
    // Restricts the check for exit codes to the container with the specified name.
    // +optional
    char *container_name;
    // Relationship between the container exit code(s) and the values: In or NotIn.
    // +required
    batch_v1_pod_failure_policy_on_exit_codes_operator_t operator;
    size_t n_values;
    // Specifies the set of values (ordered, no duplicates, at most 255).
    // +required
    // +listType=set
    int32_t *values;
    kc_unknown_t unknown;
} batch_v1_pod_failure_policy_on_exit_codes_requirement_t;

// PodFailurePolicyOnPodConditionsPattern describes a pattern for matching an actual pod condition type.
typedef struct batch_v1_pod_failure_policy_on_pod_conditions_pattern {
    // Specifies the required Pod condition type.
    // +required
    char *type;
    // Specifies the required Pod condition status; defaults to True.
    // +required
    char *status;
    kc_unknown_t unknown;
} batch_v1_pod_failure_policy_on_pod_conditions_pattern_t;

// PodFailurePolicyRule describes how a pod failure is handled when the requirements are met.
typedef struct batch_v1_pod_failure_policy_rule {
    // Specifies the action taken on a pod failure when the requirements are satisfied.
    // +required
    batch_v1_pod_failure_policy_action_t action;
    // Represents the requirement on the container exit codes.
    // +optional
    batch_v1_pod_failure_policy_on_exit_codes_requirement_t *on_exit_codes;
    size_t n_on_pod_conditions;
    // Represents the requirement on the pod conditions (at most 20).
    // +listType=atomic
    // +optional
    batch_v1_pod_failure_policy_on_pod_conditions_pattern_t *on_pod_conditions;
    kc_unknown_t unknown;
} batch_v1_pod_failure_policy_rule_t;

// PodFailurePolicy describes how failed pods influence the backoffLimit.
typedef struct batch_v1_pod_failure_policy {
    size_t n_rules;
    // A list of pod failure policy rules, evaluated in order (at most 20).
    // +required
    // +listType=atomic
    batch_v1_pod_failure_policy_rule_t *rules;
    kc_unknown_t unknown;
} batch_v1_pod_failure_policy_t;

// SuccessPolicyRule describes rule for declaring a Job as succeeded.
typedef struct batch_v1_success_policy_rule {
    // succeededIndexes specifies the set of indexes, as intervals like "1,3-5,7".
    // +optional
    char *succeeded_indexes;
    // succeededCount specifies the minimal required size of the actual set of the succeeded indexes.
    // +optional
    int32_t *succeeded_count;
    kc_unknown_t unknown;
} batch_v1_success_policy_rule_t;

// SuccessPolicy describes when a Job can be declared as succeeded based on the success of some indexes.
typedef struct batch_v1_success_policy {
    size_t n_rules;
    // rules represents the list of alternative rules for declaring the Jobs as successful.
    // +required
    // +listType=atomic
    batch_v1_success_policy_rule_t *rules;
    kc_unknown_t unknown;
} batch_v1_success_policy_t;

// JobSpec describes how the job execution will look like.
typedef struct batch_v1_job_spec {
    // Specifies the maximum desired number of pods the job should run at any given time.
    // +optional
    int32_t *parallelism;
    // Specifies the desired number of successfully finished pods the job should be run with.
    // +optional
    int32_t *completions;
    // Duration in seconds relative to the startTime that the job may be continuously active.
    // +optional
    int64_t *active_deadline_seconds;
    // Specifies the policy of handling failed pods.
    // +optional
    batch_v1_pod_failure_policy_t *pod_failure_policy;
    // successPolicy specifies the policy when the Job can be declared as succeeded.
    // +optional
    batch_v1_success_policy_t *success_policy;
    // Specifies the number of retries before marking this job failed; defaults to 6.
    // +optional
    int32_t *backoff_limit;
    // Specifies the limit for the number of retries within an index.
    // +optional
    int32_t *backoff_limit_per_index;
    // Specifies the maximal number of failed indexes before marking the Job as failed.
    // +optional
    int32_t *max_failed_indexes;
    // A label query over pods that should match the pod count.
    // +optional
    meta_v1_label_selector_t *selector;
    // manualSelector controls generation of pod labels and pod selectors.
    // +optional
    bool *manual_selector;
    // Describes the pod that will be created when executing a job.
    // +required
    core_v1_pod_template_spec_t template;
    // ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution.
    // +optional
    int32_t *ttl_seconds_after_finished;
    // completionMode specifies how Pod completions are tracked: NonIndexed (default) or Indexed.
    // +optional
    batch_v1_completion_mode_t completion_mode;
    // suspend specifies whether the Job controller should create Pods or not.
    // +optional
    bool *suspend;
    // podReplacementPolicy specifies when to create replacement Pods.
    // +optional
    batch_v1_pod_replacement_policy_t pod_replacement_policy;
    // ManagedBy field indicates the controller that manages a Job.
    // +optional
    char *managed_by;
    kc_unknown_t unknown;
} batch_v1_job_spec_t;

// UncountedTerminatedPods holds UIDs of Pods that have terminated but haven't been accounted in Job status counters.
typedef struct batch_v1_uncounted_terminated_pods {
    size_t n_succeeded;
    // succeeded holds UIDs of succeeded Pods.
    // +listType=set
    // +optional
    char **succeeded;
    size_t n_failed;
    // failed holds UIDs of failed Pods.
    // +listType=set
    // +optional
    char **failed;
    kc_unknown_t unknown;
} batch_v1_uncounted_terminated_pods_t;

// JobCondition describes current state of a job.
typedef struct batch_v1_job_condition {
    // Type of job condition, Complete or Failed (JobConditionType).
    // +required
    char *type;
    // Status of the condition, one of True, False, Unknown.
    // +required
    char *status;
    // Last time the condition was checked.
    // +optional
    kc_time_t last_probe_time;
    // Last time the condition transit from one status to another.
    // +optional
    kc_time_t last_transition_time;
    // (brief) reason for the condition's last transition.
    // +optional
    char *reason;
    // Human readable message indicating details about last transition.
    // +optional
    char *message;
    kc_unknown_t unknown;
} batch_v1_job_condition_t;

// JobStatus represents the current state of a Job.
typedef struct batch_v1_job_status {
    size_t n_conditions;
    // The latest available observations of an object's current state.
    // +optional
    // +patchMergeKey=type
    // +patchStrategy=merge
    // +listType=atomic
    batch_v1_job_condition_t *conditions;
    // Represents time when the job controller started processing a job.
    // +optional
    kc_time_t *start_time;
    // Represents time when the job was completed.
    // +optional
    kc_time_t *completion_time;
    // The number of pending and running pods which are not terminating.
    // +optional
    int32_t active;
    // The number of pods which reached phase Succeeded.
    // +optional
    int32_t succeeded;
    // The number of pods which reached phase Failed.
    // +optional
    int32_t failed;
    // The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).
    // +optional
    int32_t *terminating;
    // completedIndexes holds the completed indexes when .spec.completionMode = "Indexed".
    // +optional
    char *completed_indexes;
    // FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set.
    // +optional
    char *failed_indexes;
    // UIDs of Pods that have terminated but the job controller hasn't yet accounted for.
    // +optional
    batch_v1_uncounted_terminated_pods_t *uncounted_terminated_pods;
    // The number of pods which have a Ready condition.
    // +optional
    int32_t *ready;
    kc_unknown_t unknown;
} batch_v1_job_status_t;

// Job represents the configuration of a single job.
// +genclient
// +kubebuilder:subresource:status
typedef struct batch_v1_job {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of a job.
    // +optional
    batch_v1_job_spec_t spec;
    // Current status of a job.
    // +optional
    batch_v1_job_status_t status;
    kc_unknown_t unknown;
} batch_v1_job_t;

// JobTemplateSpec describes the data a Job should have when created from a template.
typedef struct batch_v1_job_template_spec {
    // Standard object's metadata of the jobs created from this template.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of the job.
    // +optional
    batch_v1_job_spec_t spec;
    kc_unknown_t unknown;
} batch_v1_job_template_spec_t;

// CronJobSpec describes how the job execution will look like and when it will actually run.
typedef struct batch_v1_cron_job_spec {
    // The schedule in Cron format.
    // +required
    char *schedule;
    // The time zone name for the given schedule; defaults to the time zone of kube-controller-manager.
    // +optional
    char *time_zone;
    // Optional deadline in seconds for starting the job if it misses scheduled time.
    // +optional
    int64_t *starting_deadline_seconds;
    // Specifies how to treat concurrent executions of a Job: Allow (default), Forbid or Replace.
    // +optional
    batch_v1_concurrency_policy_t concurrency_policy;
    // This flag tells the controller to suspend subsequent executions.
    // +optional
    bool *suspend;
    // Specifies the job that will be created when executing a CronJob.
    // +required
    batch_v1_job_template_spec_t job_template;
    // The number of successful finished jobs to retain; defaults to 3.
    // +optional
    int32_t *successful_jobs_history_limit;
    // The number of failed finished jobs to retain; defaults to 1.
    // +optional
    int32_t *failed_jobs_history_limit;
    kc_unknown_t unknown;
} batch_v1_cron_job_spec_t;

// CronJobStatus represents the current state of a cron job.
typedef struct batch_v1_cron_job_status {
    size_t n_active;
    // A list of pointers to currently running jobs.
    // +optional
    // +listType=atomic
    core_v1_object_reference_t *active;
    // Information when was the last time the job was successfully scheduled.
    // +optional
    kc_time_t *last_schedule_time;
    // Information when was the last time the job successfully completed.
    // +optional
    kc_time_t *last_successful_time;
    kc_unknown_t unknown;
} batch_v1_cron_job_status_t;

// CronJob represents the configuration of a single cron job.
// +genclient
// +kubebuilder:subresource:status
typedef struct batch_v1_cron_job {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of a cron job, including the schedule.
    // +optional
    batch_v1_cron_job_spec_t spec;
    // Current status of a cron job.
    // +optional
    batch_v1_cron_job_status_t status;
    kc_unknown_t unknown;
} batch_v1_cron_job_t;

#endif /* KC_APIS_BATCH_V1_TYPES_H */
