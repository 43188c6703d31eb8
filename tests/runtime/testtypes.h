/* testtypes.h - hand-written descriptors shaped like kc-gen output (tests only). */
#ifndef KC_TEST_TYPES_H
#define KC_TEST_TYPES_H

#include "kc/types.h"

typedef struct t_type_meta t_type_meta_t;
typedef struct t_owner_reference t_owner_reference_t;
typedef struct t_managed_fields_entry t_managed_fields_entry_t;
typedef struct t_object_meta t_object_meta_t;
typedef struct t_list_meta t_list_meta_t;
typedef struct t_env_var t_env_var_t;
typedef struct t_container_port t_container_port_t;
typedef struct t_resource_requirements t_resource_requirements_t;
typedef struct t_container t_container_t;
typedef struct t_pod_spec t_pod_spec_t;
typedef struct t_pod_template_spec t_pod_template_spec_t;
typedef struct t_replica_spec t_replica_spec_t;
typedef struct t_replica_spec_entry t_replica_spec_entry_t;
typedef struct t_run_policy t_run_policy_t;
typedef struct t_job_spec t_job_spec_t;
typedef struct t_job_condition t_job_condition_t;
typedef struct t_replica_status t_replica_status_t;
typedef struct t_replica_status_entry t_replica_status_entry_t;
typedef struct t_job_status t_job_status_t;
typedef struct t_job t_job_t;
typedef struct t_job_list t_job_list_t;
typedef struct t_int32_entry t_int32_entry_t;
typedef struct t_env_ptr_entry t_env_ptr_entry_t;
typedef struct t_json_entry t_json_entry_t;
typedef struct t_env_entry t_env_entry_t;
typedef struct t_zoo t_zoo_t;

struct t_type_meta {
    char *api_version;
    char *kind;
    kc_unknown_t unknown;
};
extern const kc_type_t t_type_meta_desc;

struct t_owner_reference {
    char *api_version;
    char *kind;
    char *name;
    char *uid;
    bool *controller;
    bool *block_owner_deletion;
    kc_unknown_t unknown;
};
extern const kc_type_t t_owner_reference_desc;

struct t_managed_fields_entry {
    char *api_version;
    char *fields_type;
    kc_json_t fields_v1;
    char *manager;
    char *operation;
    char *subresource;
    kc_time_t *time;
    kc_unknown_t unknown;
};
extern const kc_type_t t_managed_fields_entry_desc;

struct t_object_meta {
    char *name;
    char *generate_name;
    char *namespace_;
    char *uid;
    char *resource_version;
    int64_t generation;
    kc_time_t creation_timestamp;
    kc_time_t *deletion_timestamp;
    int64_t *deletion_grace_period_seconds;
    size_t n_labels;
    kc_str_entry_t *labels;
    size_t n_annotations;
    kc_str_entry_t *annotations;
    size_t n_owner_references;
    t_owner_reference_t *owner_references;
    size_t n_finalizers;
    char **finalizers;
    size_t n_managed_fields;
    t_managed_fields_entry_t *managed_fields;
    kc_unknown_t unknown;
};
extern const kc_type_t t_object_meta_desc;

struct t_list_meta {
    char *resource_version;
    char *continue_;
    int64_t *remaining_item_count;
    kc_unknown_t unknown;
};
extern const kc_type_t t_list_meta_desc;

struct t_env_var {
    char *name;
    char *value;
    kc_unknown_t unknown;
};
extern const kc_type_t t_env_var_desc;

struct t_container_port {
    char *name;
    int32_t container_port;
    char *protocol;
    kc_unknown_t unknown;
};
extern const kc_type_t t_container_port_desc;

struct t_resource_requirements {
    size_t n_limits;
    kc_quantity_entry_t *limits;
    size_t n_requests;
    kc_quantity_entry_t *requests;
    kc_unknown_t unknown;
};
extern const kc_type_t t_resource_requirements_desc;

struct t_container {
    char *name;
    char *image;
    size_t n_command;
    char **command;
    size_t n_args;
    char **args;
    size_t n_env;
    t_env_var_t *env;
    size_t n_ports;
    t_container_port_t *ports;
    t_resource_requirements_t resources;
    kc_unknown_t unknown;
};
extern const kc_type_t t_container_desc;

struct t_pod_spec {
    size_t n_containers;
    t_container_t *containers;
    char *restart_policy;
    size_t n_node_selector;
    kc_str_entry_t *node_selector;
    char *scheduler_name;
    kc_unknown_t unknown;
};
extern const kc_type_t t_pod_spec_desc;

struct t_pod_template_spec {
    t_object_meta_t metadata;
    t_pod_spec_t spec;
    kc_unknown_t unknown;
};
extern const kc_type_t t_pod_template_spec_desc;

struct t_replica_spec {
    int32_t *replicas;
    t_pod_template_spec_t template;
    char *restart_policy;
    kc_unknown_t unknown;
};
extern const kc_type_t t_replica_spec_desc;

struct t_replica_spec_entry {
    char *key;
    t_replica_spec_t *value;
};
extern const kc_type_t t_replica_spec_entry_desc;

struct t_run_policy {
    char *clean_pod_policy;
    int32_t *ttl_seconds_after_finished;
    int64_t *active_deadline_seconds;
    int32_t *backoff_limit;
    kc_unknown_t unknown;
};
extern const kc_type_t t_run_policy_desc;

struct t_job_spec {
    t_run_policy_t run_policy;
    char *success_policy;
    char *scheduler_name;
    size_t n_replica_specs;
    t_replica_spec_entry_t *replica_specs;
    kc_unknown_t unknown;
};
extern const kc_type_t t_job_spec_desc;

struct t_job_condition {
    char *type;
    char *status;
    kc_time_t last_update_time;
    kc_time_t last_transition_time;
    char *reason;
    char *message;
    kc_unknown_t unknown;
};
extern const kc_type_t t_job_condition_desc;

struct t_replica_status {
    int32_t active;
    int32_t succeeded;
    int32_t failed;
    kc_unknown_t unknown;
};
extern const kc_type_t t_replica_status_desc;

struct t_replica_status_entry {
    char *key;
    t_replica_status_t *value;
};
extern const kc_type_t t_replica_status_entry_desc;

struct t_job_status {
    size_t n_conditions;
    t_job_condition_t *conditions;
    size_t n_replica_statuses;
    t_replica_status_entry_t *replica_statuses;
    kc_time_t *start_time;
    kc_time_t *completion_time;
    kc_time_t *last_reconcile_time;
    kc_unknown_t unknown;
};
extern const kc_type_t t_job_status_desc;

struct t_job {
    t_type_meta_t type_meta;
    t_object_meta_t metadata;
    t_job_spec_t spec;
    t_job_status_t status;
    kc_unknown_t unknown;
};
extern const kc_type_t t_job_desc;

struct t_job_list {
    t_type_meta_t type_meta;
    t_list_meta_t metadata;
    size_t n_items;
    t_job_t *items;
    kc_unknown_t unknown;
};
extern const kc_type_t t_job_list_desc;

struct t_int32_entry {
    char *key;
    int32_t value;
};
extern const kc_type_t t_int32_entry_desc;

struct t_env_ptr_entry {
    char *key;
    t_env_var_t *value;
};
extern const kc_type_t t_env_ptr_entry_desc;

struct t_json_entry {
    char *key;
    kc_json_t value;
};
extern const kc_type_t t_json_entry_desc;

struct t_env_entry {
    char *key;
    t_env_var_t value;
};
extern const kc_type_t t_env_entry_desc;

struct t_zoo {
    char *s;
    bool b;
    int32_t i32;
    int64_t i64;
    double d;
    kc_time_t t;
    kc_micro_time_t mt;
    kc_quantity_t q;
    kc_int_or_string_t ios;
    kc_json_t j;
    t_env_var_t st;
    char **ps;
    bool *pb;
    int32_t *pi32;
    int64_t *pi64;
    double *pd;
    kc_time_t *pt;
    kc_micro_time_t *pmt;
    kc_quantity_t *pq;
    kc_int_or_string_t *pios;
    kc_json_t *pj;
    t_env_var_t *pst;
    size_t n_ls;
    char **ls;
    size_t n_lb;
    bool *lb;
    size_t n_li32;
    int32_t *li32;
    size_t n_li64;
    int64_t *li64;
    size_t n_ld;
    double *ld;
    size_t n_lt;
    kc_time_t *lt;
    size_t n_lmt;
    kc_micro_time_t *lmt;
    size_t n_lq;
    kc_quantity_t *lq;
    size_t n_lios;
    kc_int_or_string_t *lios;
    size_t n_lj;
    kc_json_t *lj;
    size_t n_lst;
    t_env_var_t *lst;
    size_t n_ms;
    kc_str_entry_t *ms;
    size_t n_mq;
    kc_quantity_entry_t *mq;
    size_t n_mi32;
    t_int32_entry_t *mi32;
    size_t n_mpst;
    t_env_ptr_entry_t *mpst;
    size_t n_mj;
    t_json_entry_t *mj;
    size_t n_mst;
    t_env_entry_t *mst;
    char *req_s;
    int32_t req_i32;
    t_env_var_t req_st;
    size_t n_req_l;
    char **req_l;
    kc_unknown_t unknown;
};
extern const kc_type_t t_zoo_desc;

#endif
