/* testtypes.c - descriptors for testtypes.h, written the way kc-gen writes them. */
#include "testtypes.h"

#include <stddef.h>

extern const kc_type_t t_type_meta_desc;
extern const kc_type_t t_owner_reference_desc;
extern const kc_type_t t_managed_fields_entry_desc;
extern const kc_type_t t_object_meta_desc;
extern const kc_type_t t_list_meta_desc;
extern const kc_type_t t_env_var_desc;
extern const kc_type_t t_container_port_desc;
extern const kc_type_t t_resource_requirements_desc;
extern const kc_type_t t_container_desc;
extern const kc_type_t t_pod_spec_desc;
extern const kc_type_t t_pod_template_spec_desc;
extern const kc_type_t t_replica_spec_desc;
extern const kc_type_t t_replica_spec_entry_desc;
extern const kc_type_t t_run_policy_desc;
extern const kc_type_t t_job_spec_desc;
extern const kc_type_t t_job_condition_desc;
extern const kc_type_t t_replica_status_desc;
extern const kc_type_t t_replica_status_entry_desc;
extern const kc_type_t t_job_status_desc;
extern const kc_type_t t_job_desc;
extern const kc_type_t t_job_list_desc;
extern const kc_type_t t_int32_entry_desc;
extern const kc_type_t t_env_ptr_entry_desc;
extern const kc_type_t t_json_entry_desc;
extern const kc_type_t t_env_entry_desc;
extern const kc_type_t t_zoo_desc;

static const kc_field_t t_type_meta_fields[] = {
    {"apiVersion", 10, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_type_meta_t, api_version), 0, NULL, "api_version"},
    {"kind", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_type_meta_t, kind), 0, NULL, "kind"},
};
static const uint16_t t_type_meta_by_name[] = {0, 1};
const kc_type_t t_type_meta_desc = {"t_type_meta", sizeof(t_type_meta_t), 2, t_type_meta_fields, 2, t_type_meta_by_name, (int32_t)offsetof(t_type_meta_t, unknown), NULL};

static const kc_field_t t_owner_reference_fields[] = {
    {"apiVersion", 10, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_owner_reference_t, api_version), 0, NULL, "api_version"},
    {"kind", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_owner_reference_t, kind), 0, NULL, "kind"},
    {"name", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_owner_reference_t, name), 0, NULL, "name"},
    {"uid", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_owner_reference_t, uid), 0, NULL, "uid"},
    {"controller", 10, KC_KIND_BOOL, KC_SHAPE_PTR, 0, offsetof(t_owner_reference_t, controller), 0, NULL, "controller"},
    {"blockOwnerDeletion", 18, KC_KIND_BOOL, KC_SHAPE_PTR, 0, offsetof(t_owner_reference_t, block_owner_deletion), 0, NULL, "block_owner_deletion"},
};
static const uint16_t t_owner_reference_by_name[] = {0, 5, 4, 1, 2, 3};
const kc_type_t t_owner_reference_desc = {"t_owner_reference", sizeof(t_owner_reference_t), 6, t_owner_reference_fields, 6, t_owner_reference_by_name, (int32_t)offsetof(t_owner_reference_t, unknown), NULL};

static const kc_field_t t_managed_fields_entry_fields[] = {
    {"apiVersion", 10, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, api_version), 0, NULL, "api_version"},
    {"fieldsType", 10, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, fields_type), 0, NULL, "fields_type"},
    {"fieldsV1", 8, KC_KIND_JSON, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, fields_v1), 0, NULL, "fields_v1"},
    {"manager", 7, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, manager), 0, NULL, "manager"},
    {"operation", 9, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, operation), 0, NULL, "operation"},
    {"subresource", 11, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_managed_fields_entry_t, subresource), 0, NULL, "subresource"},
    {"time", 4, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_managed_fields_entry_t, time), 0, NULL, "time"},
};
static const uint16_t t_managed_fields_entry_by_name[] = {0, 1, 2, 3, 4, 5, 6};
const kc_type_t t_managed_fields_entry_desc = {"t_managed_fields_entry", sizeof(t_managed_fields_entry_t), 7, t_managed_fields_entry_fields, 7, t_managed_fields_entry_by_name, (int32_t)offsetof(t_managed_fields_entry_t, unknown), NULL};

static const kc_field_t t_object_meta_fields[] = {
    {"name", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, name), 0, NULL, "name"},
    {"generateName", 12, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, generate_name), 0, NULL, "generate_name"},
    {"namespace", 9, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, namespace_), 0, NULL, "namespace_"},
    {"uid", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, uid), 0, NULL, "uid"},
    {"resourceVersion", 15, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, resource_version), 0, NULL, "resource_version"},
    {"generation", 10, KC_KIND_INT64, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, generation), 0, NULL, "generation"},
    {"creationTimestamp", 17, KC_KIND_TIME, KC_SHAPE_VALUE, 0, offsetof(t_object_meta_t, creation_timestamp), 0, NULL, "creation_timestamp"},
    {"deletionTimestamp", 17, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_object_meta_t, deletion_timestamp), 0, NULL, "deletion_timestamp"},
    {"deletionGracePeriodSeconds", 26, KC_KIND_INT64, KC_SHAPE_PTR, 0, offsetof(t_object_meta_t, deletion_grace_period_seconds), 0, NULL, "deletion_grace_period_seconds"},
    {"labels", 6, KC_KIND_STRING, KC_SHAPE_MAP, 0, offsetof(t_object_meta_t, labels), offsetof(t_object_meta_t, n_labels), &kc_str_entry_desc, "labels"},
    {"annotations", 11, KC_KIND_STRING, KC_SHAPE_MAP, 0, offsetof(t_object_meta_t, annotations), offsetof(t_object_meta_t, n_annotations), &kc_str_entry_desc, "annotations"},
    {"ownerReferences", 15, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_object_meta_t, owner_references), offsetof(t_object_meta_t, n_owner_references), &t_owner_reference_desc, "owner_references"},
    {"finalizers", 10, KC_KIND_STRING, KC_SHAPE_LIST, 0, offsetof(t_object_meta_t, finalizers), offsetof(t_object_meta_t, n_finalizers), NULL, "finalizers"},
    {"managedFields", 13, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_object_meta_t, managed_fields), offsetof(t_object_meta_t, n_managed_fields), &t_managed_fields_entry_desc, "managed_fields"},
};
static const uint16_t t_object_meta_by_name[] = {10, 6, 8, 7, 12, 1, 5, 9, 13, 0, 2, 11, 4, 3};
const kc_type_t t_object_meta_desc = {"t_object_meta", sizeof(t_object_meta_t), 14, t_object_meta_fields, 14, t_object_meta_by_name, (int32_t)offsetof(t_object_meta_t, unknown), NULL};

static const kc_field_t t_list_meta_fields[] = {
    {"resourceVersion", 15, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_list_meta_t, resource_version), 0, NULL, "resource_version"},
    {"continue", 8, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_list_meta_t, continue_), 0, NULL, "continue_"},
    {"remainingItemCount", 18, KC_KIND_INT64, KC_SHAPE_PTR, 0, offsetof(t_list_meta_t, remaining_item_count), 0, NULL, "remaining_item_count"},
};
static const uint16_t t_list_meta_by_name[] = {1, 2, 0};
const kc_type_t t_list_meta_desc = {"t_list_meta", sizeof(t_list_meta_t), 3, t_list_meta_fields, 3, t_list_meta_by_name, (int32_t)offsetof(t_list_meta_t, unknown), NULL};

static const kc_field_t t_env_var_fields[] = {
    {"name", 4, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_env_var_t, name), 0, NULL, "name"},
    {"value", 5, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_env_var_t, value), 0, NULL, "value"},
};
static const uint16_t t_env_var_by_name[] = {0, 1};
const kc_type_t t_env_var_desc = {"t_env_var", sizeof(t_env_var_t), 2, t_env_var_fields, 2, t_env_var_by_name, (int32_t)offsetof(t_env_var_t, unknown), NULL};

static const kc_field_t t_container_port_fields[] = {
    {"name", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_container_port_t, name), 0, NULL, "name"},
    {"containerPort", 13, KC_KIND_INT32, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_container_port_t, container_port), 0, NULL, "container_port"},
    {"protocol", 8, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_container_port_t, protocol), 0, NULL, "protocol"},
};
static const uint16_t t_container_port_by_name[] = {1, 0, 2};
const kc_type_t t_container_port_desc = {"t_container_port", sizeof(t_container_port_t), 3, t_container_port_fields, 3, t_container_port_by_name, (int32_t)offsetof(t_container_port_t, unknown), NULL};

static const kc_field_t t_resource_requirements_fields[] = {
    {"limits", 6, KC_KIND_QUANTITY, KC_SHAPE_MAP, 0, offsetof(t_resource_requirements_t, limits), offsetof(t_resource_requirements_t, n_limits), &kc_quantity_entry_desc, "limits"},
    {"requests", 8, KC_KIND_QUANTITY, KC_SHAPE_MAP, 0, offsetof(t_resource_requirements_t, requests), offsetof(t_resource_requirements_t, n_requests), &kc_quantity_entry_desc, "requests"},
};
static const uint16_t t_resource_requirements_by_name[] = {0, 1};
const kc_type_t t_resource_requirements_desc = {"t_resource_requirements", sizeof(t_resource_requirements_t), 2, t_resource_requirements_fields, 2, t_resource_requirements_by_name, (int32_t)offsetof(t_resource_requirements_t, unknown), NULL};

static const kc_field_t t_container_fields[] = {
    {"name", 4, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_container_t, name), 0, NULL, "name"},
    {"image", 5, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_container_t, image), 0, NULL, "image"},
    {"command", 7, KC_KIND_STRING, KC_SHAPE_LIST, 0, offsetof(t_container_t, command), offsetof(t_container_t, n_command), NULL, "command"},
    {"args", 4, KC_KIND_STRING, KC_SHAPE_LIST, 0, offsetof(t_container_t, args), offsetof(t_container_t, n_args), NULL, "args"},
    {"env", 3, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_container_t, env), offsetof(t_container_t, n_env), &t_env_var_desc, "env"},
    {"ports", 5, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_container_t, ports), offsetof(t_container_t, n_ports), &t_container_port_desc, "ports"},
    {"resources", 9, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_container_t, resources), 0, &t_resource_requirements_desc, "resources"},
};
static const uint16_t t_container_by_name[] = {3, 2, 4, 1, 0, 5, 6};
const kc_type_t t_container_desc = {"t_container", sizeof(t_container_t), 7, t_container_fields, 7, t_container_by_name, (int32_t)offsetof(t_container_t, unknown), NULL};

static const kc_field_t t_pod_spec_fields[] = {
    {"containers", 10, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_pod_spec_t, containers), offsetof(t_pod_spec_t, n_containers), &t_container_desc, "containers"},
    {"restartPolicy", 13, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_pod_spec_t, restart_policy), 0, NULL, "restart_policy"},
    {"nodeSelector", 12, KC_KIND_STRING, KC_SHAPE_MAP, 0, offsetof(t_pod_spec_t, node_selector), offsetof(t_pod_spec_t, n_node_selector), &kc_str_entry_desc, "node_selector"},
    {"schedulerName", 13, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_pod_spec_t, scheduler_name), 0, NULL, "scheduler_name"},
};
static const uint16_t t_pod_spec_by_name[] = {0, 2, 1, 3};
const kc_type_t t_pod_spec_desc = {"t_pod_spec", sizeof(t_pod_spec_t), 4, t_pod_spec_fields, 4, t_pod_spec_by_name, (int32_t)offsetof(t_pod_spec_t, unknown), NULL};

static const kc_field_t t_pod_template_spec_fields[] = {
    {"metadata", 8, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_pod_template_spec_t, metadata), 0, &t_object_meta_desc, "metadata"},
    {"spec", 4, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_pod_template_spec_t, spec), 0, &t_pod_spec_desc, "spec"},
};
static const uint16_t t_pod_template_spec_by_name[] = {0, 1};
const kc_type_t t_pod_template_spec_desc = {"t_pod_template_spec", sizeof(t_pod_template_spec_t), 2, t_pod_template_spec_fields, 2, t_pod_template_spec_by_name, (int32_t)offsetof(t_pod_template_spec_t, unknown), NULL};

static const kc_field_t t_replica_spec_fields[] = {
    {"replicas", 8, KC_KIND_INT32, KC_SHAPE_PTR, 0, offsetof(t_replica_spec_t, replicas), 0, NULL, "replicas"},
    {"template", 8, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_replica_spec_t, template), 0, &t_pod_template_spec_desc, "template"},
    {"restartPolicy", 13, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_replica_spec_t, restart_policy), 0, NULL, "restart_policy"},
};
static const uint16_t t_replica_spec_by_name[] = {0, 2, 1};
const kc_type_t t_replica_spec_desc = {"t_replica_spec", sizeof(t_replica_spec_t), 3, t_replica_spec_fields, 3, t_replica_spec_by_name, (int32_t)offsetof(t_replica_spec_t, unknown), NULL};

static const kc_field_t t_replica_spec_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_replica_spec_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_STRUCT, KC_SHAPE_PTR, 0, offsetof(t_replica_spec_entry_t, value), 0, &t_replica_spec_desc, "value"},
};
static const uint16_t t_replica_spec_entry_by_name[] = {0, 1};
const kc_type_t t_replica_spec_entry_desc = {"t_replica_spec_entry", sizeof(t_replica_spec_entry_t), 2, t_replica_spec_entry_fields, 2, t_replica_spec_entry_by_name, -1, NULL};

static const kc_field_t t_run_policy_fields[] = {
    {"cleanPodPolicy", 14, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_run_policy_t, clean_pod_policy), 0, NULL, "clean_pod_policy"},
    {"ttlSecondsAfterFinished", 23, KC_KIND_INT32, KC_SHAPE_PTR, 0, offsetof(t_run_policy_t, ttl_seconds_after_finished), 0, NULL, "ttl_seconds_after_finished"},
    {"activeDeadlineSeconds", 21, KC_KIND_INT64, KC_SHAPE_PTR, 0, offsetof(t_run_policy_t, active_deadline_seconds), 0, NULL, "active_deadline_seconds"},
    {"backoffLimit", 12, KC_KIND_INT32, KC_SHAPE_PTR, 0, offsetof(t_run_policy_t, backoff_limit), 0, NULL, "backoff_limit"},
};
static const uint16_t t_run_policy_by_name[] = {2, 3, 0, 1};
const kc_type_t t_run_policy_desc = {"t_run_policy", sizeof(t_run_policy_t), 4, t_run_policy_fields, 4, t_run_policy_by_name, (int32_t)offsetof(t_run_policy_t, unknown), NULL};

static const kc_field_t t_job_spec_fields[] = {
    {"runPolicy", 9, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_job_spec_t, run_policy), 0, &t_run_policy_desc, "run_policy"},
    {"successPolicy", 13, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_spec_t, success_policy), 0, NULL, "success_policy"},
    {"schedulerName", 13, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_spec_t, scheduler_name), 0, NULL, "scheduler_name"},
    {"replicaSpecs", 12, KC_KIND_STRUCT, KC_SHAPE_MAP, 0, offsetof(t_job_spec_t, replica_specs), offsetof(t_job_spec_t, n_replica_specs), &t_replica_spec_entry_desc, "replica_specs"},
};
static const uint16_t t_job_spec_by_name[] = {3, 0, 2, 1};
const kc_type_t t_job_spec_desc = {"t_job_spec", sizeof(t_job_spec_t), 4, t_job_spec_fields, 4, t_job_spec_by_name, (int32_t)offsetof(t_job_spec_t, unknown), NULL};

static const kc_field_t t_job_condition_fields[] = {
    {"type", 4, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, type), 0, NULL, "type"},
    {"status", 6, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, status), 0, NULL, "status"},
    {"lastUpdateTime", 14, KC_KIND_TIME, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, last_update_time), 0, NULL, "last_update_time"},
    {"lastTransitionTime", 18, KC_KIND_TIME, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, last_transition_time), 0, NULL, "last_transition_time"},
    {"reason", 6, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, reason), 0, NULL, "reason"},
    {"message", 7, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_job_condition_t, message), 0, NULL, "message"},
};
static const uint16_t t_job_condition_by_name[] = {3, 2, 5, 4, 1, 0};
const kc_type_t t_job_condition_desc = {"t_job_condition", sizeof(t_job_condition_t), 6, t_job_condition_fields, 6, t_job_condition_by_name, (int32_t)offsetof(t_job_condition_t, unknown), NULL};

static const kc_field_t t_replica_status_fields[] = {
    {"active", 6, KC_KIND_INT32, KC_SHAPE_VALUE, 0, offsetof(t_replica_status_t, active), 0, NULL, "active"},
    {"succeeded", 9, KC_KIND_INT32, KC_SHAPE_VALUE, 0, offsetof(t_replica_status_t, succeeded), 0, NULL, "succeeded"},
    {"failed", 6, KC_KIND_INT32, KC_SHAPE_VALUE, 0, offsetof(t_replica_status_t, failed), 0, NULL, "failed"},
};
static const uint16_t t_replica_status_by_name[] = {0, 2, 1};
const kc_type_t t_replica_status_desc = {"t_replica_status", sizeof(t_replica_status_t), 3, t_replica_status_fields, 3, t_replica_status_by_name, (int32_t)offsetof(t_replica_status_t, unknown), NULL};

static const kc_field_t t_replica_status_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_replica_status_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_STRUCT, KC_SHAPE_PTR, 0, offsetof(t_replica_status_entry_t, value), 0, &t_replica_status_desc, "value"},
};
static const uint16_t t_replica_status_entry_by_name[] = {0, 1};
const kc_type_t t_replica_status_entry_desc = {"t_replica_status_entry", sizeof(t_replica_status_entry_t), 2, t_replica_status_entry_fields, 2, t_replica_status_entry_by_name, -1, NULL};

static const kc_field_t t_job_status_fields[] = {
    {"conditions", 10, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_job_status_t, conditions), offsetof(t_job_status_t, n_conditions), &t_job_condition_desc, "conditions"},
    {"replicaStatuses", 15, KC_KIND_STRUCT, KC_SHAPE_MAP, 0, offsetof(t_job_status_t, replica_statuses), offsetof(t_job_status_t, n_replica_statuses), &t_replica_status_entry_desc, "replica_statuses"},
    {"startTime", 9, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_job_status_t, start_time), 0, NULL, "start_time"},
    {"completionTime", 14, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_job_status_t, completion_time), 0, NULL, "completion_time"},
    {"lastReconcileTime", 17, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_job_status_t, last_reconcile_time), 0, NULL, "last_reconcile_time"},
};
static const uint16_t t_job_status_by_name[] = {3, 0, 4, 1, 2};
const kc_type_t t_job_status_desc = {"t_job_status", sizeof(t_job_status_t), 5, t_job_status_fields, 5, t_job_status_by_name, (int32_t)offsetof(t_job_status_t, unknown), NULL};

static const kc_field_t t_job_fields[] = {
    {"", 0, KC_KIND_STRUCT, KC_SHAPE_VALUE, KC_FIELD_INLINE, offsetof(t_job_t, type_meta), 0, &t_type_meta_desc, "type_meta"},
    {"metadata", 8, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_job_t, metadata), 0, &t_object_meta_desc, "metadata"},
    {"spec", 4, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_job_t, spec), 0, &t_job_spec_desc, "spec"},
    {"status", 6, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_job_t, status), 0, &t_job_status_desc, "status"},
};
static const uint16_t t_job_by_name[] = {1, 2, 3};
const kc_type_t t_job_desc = {"t_job", sizeof(t_job_t), 4, t_job_fields, 3, t_job_by_name, (int32_t)offsetof(t_job_t, unknown), NULL};

static const kc_field_t t_job_list_fields[] = {
    {"", 0, KC_KIND_STRUCT, KC_SHAPE_VALUE, KC_FIELD_INLINE, offsetof(t_job_list_t, type_meta), 0, &t_type_meta_desc, "type_meta"},
    {"metadata", 8, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_job_list_t, metadata), 0, &t_list_meta_desc, "metadata"},
    {"items", 5, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_job_list_t, items), offsetof(t_job_list_t, n_items), &t_job_desc, "items"},
};
static const uint16_t t_job_list_by_name[] = {2, 1};
const kc_type_t t_job_list_desc = {"t_job_list", sizeof(t_job_list_t), 3, t_job_list_fields, 2, t_job_list_by_name, (int32_t)offsetof(t_job_list_t, unknown), NULL};

static const kc_field_t t_int32_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_int32_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_INT32, KC_SHAPE_VALUE, 0, offsetof(t_int32_entry_t, value), 0, NULL, "value"},
};
static const uint16_t t_int32_entry_by_name[] = {0, 1};
const kc_type_t t_int32_entry_desc = {"t_int32_entry", sizeof(t_int32_entry_t), 2, t_int32_entry_fields, 2, t_int32_entry_by_name, -1, NULL};

static const kc_field_t t_env_ptr_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_env_ptr_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_STRUCT, KC_SHAPE_PTR, 0, offsetof(t_env_ptr_entry_t, value), 0, &t_env_var_desc, "value"},
};
static const uint16_t t_env_ptr_entry_by_name[] = {0, 1};
const kc_type_t t_env_ptr_entry_desc = {"t_env_ptr_entry", sizeof(t_env_ptr_entry_t), 2, t_env_ptr_entry_fields, 2, t_env_ptr_entry_by_name, -1, NULL};

static const kc_field_t t_json_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_json_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_JSON, KC_SHAPE_VALUE, 0, offsetof(t_json_entry_t, value), 0, NULL, "value"},
};
static const uint16_t t_json_entry_by_name[] = {0, 1};
const kc_type_t t_json_entry_desc = {"t_json_entry", sizeof(t_json_entry_t), 2, t_json_entry_fields, 2, t_json_entry_by_name, -1, NULL};

static const kc_field_t t_env_entry_fields[] = {
    {"key", 3, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_env_entry_t, key), 0, NULL, "key"},
    {"value", 5, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_env_entry_t, value), 0, &t_env_var_desc, "value"},
};
static const uint16_t t_env_entry_by_name[] = {0, 1};
const kc_type_t t_env_entry_desc = {"t_env_entry", sizeof(t_env_entry_t), 2, t_env_entry_fields, 2, t_env_entry_by_name, -1, NULL};

static const kc_field_t t_zoo_fields[] = {
    {"s", 1, KC_KIND_STRING, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, s), 0, NULL, "s"},
    {"b", 1, KC_KIND_BOOL, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, b), 0, NULL, "b"},
    {"i32", 3, KC_KIND_INT32, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, i32), 0, NULL, "i32"},
    {"i64", 3, KC_KIND_INT64, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, i64), 0, NULL, "i64"},
    {"d", 1, KC_KIND_DOUBLE, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, d), 0, NULL, "d"},
    {"t", 1, KC_KIND_TIME, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, t), 0, NULL, "t"},
    {"mt", 2, KC_KIND_MICRO_TIME, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, mt), 0, NULL, "mt"},
    {"q", 1, KC_KIND_QUANTITY, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, q), 0, NULL, "q"},
    {"ios", 3, KC_KIND_INT_OR_STRING, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, ios), 0, NULL, "ios"},
    {"j", 1, KC_KIND_JSON, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, j), 0, NULL, "j"},
    {"st", 2, KC_KIND_STRUCT, KC_SHAPE_VALUE, 0, offsetof(t_zoo_t, st), 0, &t_env_var_desc, "st"},
    {"pS", 2, KC_KIND_STRING, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, ps), 0, NULL, "ps"},
    {"pB", 2, KC_KIND_BOOL, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pb), 0, NULL, "pb"},
    {"pI32", 4, KC_KIND_INT32, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pi32), 0, NULL, "pi32"},
    {"pI64", 4, KC_KIND_INT64, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pi64), 0, NULL, "pi64"},
    {"pD", 2, KC_KIND_DOUBLE, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pd), 0, NULL, "pd"},
    {"pT", 2, KC_KIND_TIME, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pt), 0, NULL, "pt"},
    {"pMt", 3, KC_KIND_MICRO_TIME, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pmt), 0, NULL, "pmt"},
    {"pQ", 2, KC_KIND_QUANTITY, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pq), 0, NULL, "pq"},
    {"pIos", 4, KC_KIND_INT_OR_STRING, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pios), 0, NULL, "pios"},
    {"pJ", 2, KC_KIND_JSON, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pj), 0, NULL, "pj"},
    {"pSt", 3, KC_KIND_STRUCT, KC_SHAPE_PTR, 0, offsetof(t_zoo_t, pst), 0, &t_env_var_desc, "pst"},
    {"lS", 2, KC_KIND_STRING, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, ls), offsetof(t_zoo_t, n_ls), NULL, "ls"},
    {"lB", 2, KC_KIND_BOOL, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lb), offsetof(t_zoo_t, n_lb), NULL, "lb"},
    {"lI32", 4, KC_KIND_INT32, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, li32), offsetof(t_zoo_t, n_li32), NULL, "li32"},
    {"lI64", 4, KC_KIND_INT64, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, li64), offsetof(t_zoo_t, n_li64), NULL, "li64"},
    {"lD", 2, KC_KIND_DOUBLE, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, ld), offsetof(t_zoo_t, n_ld), NULL, "ld"},
    {"lT", 2, KC_KIND_TIME, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lt), offsetof(t_zoo_t, n_lt), NULL, "lt"},
    {"lMt", 3, KC_KIND_MICRO_TIME, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lmt), offsetof(t_zoo_t, n_lmt), NULL, "lmt"},
    {"lQ", 2, KC_KIND_QUANTITY, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lq), offsetof(t_zoo_t, n_lq), NULL, "lq"},
    {"lIos", 4, KC_KIND_INT_OR_STRING, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lios), offsetof(t_zoo_t, n_lios), NULL, "lios"},
    {"lJ", 2, KC_KIND_JSON, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lj), offsetof(t_zoo_t, n_lj), NULL, "lj"},
    {"lSt", 3, KC_KIND_STRUCT, KC_SHAPE_LIST, 0, offsetof(t_zoo_t, lst), offsetof(t_zoo_t, n_lst), &t_env_var_desc, "lst"},
    {"ms", 2, KC_KIND_STRING, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, ms), offsetof(t_zoo_t, n_ms), &kc_str_entry_desc, "ms"},
    {"mq", 2, KC_KIND_QUANTITY, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, mq), offsetof(t_zoo_t, n_mq), &kc_quantity_entry_desc, "mq"},
    {"mi32", 4, KC_KIND_INT32, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, mi32), offsetof(t_zoo_t, n_mi32), &t_int32_entry_desc, "mi32"},
    {"mpst", 4, KC_KIND_STRUCT, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, mpst), offsetof(t_zoo_t, n_mpst), &t_env_ptr_entry_desc, "mpst"},
    {"mj", 2, KC_KIND_JSON, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, mj), offsetof(t_zoo_t, n_mj), &t_json_entry_desc, "mj"},
    {"mst", 3, KC_KIND_STRUCT, KC_SHAPE_MAP, 0, offsetof(t_zoo_t, mst), offsetof(t_zoo_t, n_mst), &t_env_entry_desc, "mst"},
    {"reqS", 4, KC_KIND_STRING, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_zoo_t, req_s), 0, NULL, "req_s"},
    {"reqI32", 6, KC_KIND_INT32, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_zoo_t, req_i32), 0, NULL, "req_i32"},
    {"reqSt", 5, KC_KIND_STRUCT, KC_SHAPE_VALUE, KC_FIELD_REQUIRED, offsetof(t_zoo_t, req_st), 0, &t_env_var_desc, "req_st"},
    {"reqL", 4, KC_KIND_STRING, KC_SHAPE_LIST, KC_FIELD_REQUIRED, offsetof(t_zoo_t, req_l), offsetof(t_zoo_t, n_req_l), NULL, "req_l"},
};
static const uint16_t t_zoo_by_name[] = {1, 4, 2, 3, 8, 9, 23, 26, 24, 25, 30, 31, 28, 29, 22, 32, 27, 35, 37, 36, 34, 33, 38, 6, 12, 15, 13, 14, 19, 20, 17, 18, 11, 21, 16, 7, 40, 42, 39, 41, 0, 10, 5};
const kc_type_t t_zoo_desc = {"t_zoo", sizeof(t_zoo_t), 43, t_zoo_fields, 43, t_zoo_by_name, (int32_t)offsetof(t_zoo_t, unknown), NULL};

