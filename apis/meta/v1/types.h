/*
 * apis/meta/v1/types.h - k8s.io/apimachinery/pkg/apis/meta/v1, the object metadata
 * and the API machinery types every group uses (and the discovery documents).
 *
 * Translated from the Go types field by field: JSON names, order, markers.
 * There are no +genclient kinds here: meta.k8s.io has no REST resources.
 */
#ifndef KC_APIS_META_V1_TYPES_H
#define KC_APIS_META_V1_TYPES_H

#include "kc/types.h"

// TypeMeta describes an individual object: its kind and the schema version of its API.
typedef struct meta_v1_type_meta {
    // Kind is the REST resource this object represents, in CamelCase.
    // +optional
    char *kind;
    // APIVersion is the versioned schema of this representation of an object.
    // +optional
    char *api_version;
    kc_unknown_t unknown;
} meta_v1_type_meta_t;

// ListMeta is the metadata that lists and other synthetic resources have.
typedef struct meta_v1_list_meta {
    // Deprecated: selfLink is a legacy read-only field that is no longer populated.
    // +optional
    char *self_link;
    // String that identifies the server's internal version of this list; opaque.
    // +optional
    char *resource_version;
    // continue is set when the server has more items; pass it back to get the next chunk.
    // +json=continue
    // +optional
    char *continue_;
    // remainingItemCount estimates the items left after this chunk.
    // +optional
    int64_t *remaining_item_count;
    kc_unknown_t unknown;
} meta_v1_list_meta_t;

// DeletionPropagation decides how the garbage collector handles the dependents of a deleted object.
// +kubebuilder:validation:Enum=Orphan;Background;Foreground
typedef char *meta_v1_deletion_propagation_t;

// ManagedFieldsOperationType is the operation that led to a ManagedFieldsEntry.
// +kubebuilder:validation:Enum=Apply;Update
typedef char *meta_v1_managed_fields_operation_type_t;

// ConditionStatus is the status of a Condition: True, False or Unknown.
// +kubebuilder:validation:Enum=True;False;Unknown
typedef char *meta_v1_condition_status_t;

// LabelSelectorOperator is an operator of a label selector requirement.
// +kubebuilder:validation:Enum=In;NotIn;Exists;DoesNotExist
typedef char *meta_v1_label_selector_operator_t;

// StatusReason is a machine-readable reason of a failure Status (open set; new reasons appear).
// +kubebuilder:validation:Enum=Unauthorized;Forbidden;NotFound;AlreadyExists;Conflict;Gone;Invalid;ServerTimeout;StorageReadError;Timeout;TooManyRequests;BadRequest;MethodNotAllowed;NotAcceptable;RequestEntityTooLarge;UnsupportedMediaType;InternalError;Expired;ServiceUnavailable
typedef char *meta_v1_status_reason_t;

// CauseType is a machine-readable detail of a Status cause (open set).
// +kubebuilder:validation:Enum=FieldValueNotFound;FieldValueRequired;FieldValueDuplicate;FieldValueInvalid;FieldValueNotSupported;FieldValueForbidden;FieldValueTooLong;FieldValueTooShort;FieldValueTooMany;FieldValueTooFew;InternalError;FieldValueTypeInvalid;UnexpectedServerResponse;FieldManagerConflict;ResourceVersionTooLarge
typedef char *meta_v1_cause_type_t;

// Values of Status.status.
// +kubebuilder:validation:Enum=Success;Failure
typedef char *meta_v1_status_status_t;

// Type of a watch event (watch.EventType).
// +kubebuilder:validation:Enum=ADDED;MODIFIED;DELETED;BOOKMARK;ERROR
typedef char *meta_v1_watch_event_type_t;

// OwnerReference identifies an owning object in the same namespace (or a cluster-scoped one).
// +structType=atomic
typedef struct meta_v1_owner_reference {
    // API version of the referent.
    // +required
    char *api_version;
    // Kind of the referent.
    // +required
    char *kind;
    // Name of the referent.
    // +required
    char *name;
    // UID of the referent.
    // +required
    char *uid;
    // If true, this reference points to the managing controller.
    // +optional
    bool *controller;
    // If true (and the owner has the foregroundDeletion finalizer), the owner waits for this reference to go.
    // +optional
    bool *block_owner_deletion;
    kc_unknown_t unknown;
} meta_v1_owner_reference_t;

// ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource it applies to.
typedef struct meta_v1_managed_fields_entry {
    // Manager is an identifier of the workflow managing these fields.
    char *manager;
    // Operation that led to this entry: Apply or Update (ManagedFieldsOperationType).
    char *operation;
    // APIVersion of the resource this field set applies to, "group/version".
    char *api_version;
    // Time of the last change of this entry.
    // +optional
    kc_time_t *time;
    // FieldsType is the format of the fields; only "FieldsV1".
    char *fields_type;
    // FieldsV1 is the field set, in the FieldsV1 JSON format.
    // +optional
    kc_json_t fields_v1;
    // Subresource used to update the object, empty for the main resource.
    char *subresource;
    kc_unknown_t unknown;
} meta_v1_managed_fields_entry_t;

// ObjectMeta is metadata that all persisted resources must have.
typedef struct meta_v1_object_meta {
    // Name must be unique within a namespace; cannot be updated.
    // +optional
    char *name;
    // GenerateName is a prefix the server uses to generate a unique name when name is empty.
    // +optional
    char *generate_name;
    // Namespace of the object; empty for cluster-scoped objects.
    // +optional
    char *namespace;
    // Deprecated: selfLink is a legacy read-only field that is no longer populated.
    // +optional
    char *self_link;
    // UID is the unique in time and space value for this object. Read-only.
    // +optional
    char *uid;
    // Opaque internal version of this object, for optimistic concurrency and watch. Read-only.
    // +optional
    char *resource_version;
    // A sequence number of the desired state. Read-only.
    // +optional
    int64_t generation;
    // Server time when this object was created. Read-only; null for lists and templates.
    // +optional
    kc_time_t creation_timestamp;
    // Time at which this resource will be deleted; set by the server on graceful deletion.
    // +optional
    kc_time_t *deletion_timestamp;
    // Seconds allowed for graceful termination; set with deletionTimestamp.
    // +optional
    int64_t *deletion_grace_period_seconds;
    size_t n_labels;
    // Map of string keys and values to organize and select objects.
    // +optional
    kc_str_entry_t *labels;  // +kc:map
    size_t n_annotations;
    // Unstructured key-value map kept with the object, not queryable.
    // +optional
    kc_str_entry_t *annotations;  // +kc:map
    size_t n_owner_references;
    // Objects this object depends on; garbage collected when all are gone.
    // +optional
    // +patchMergeKey=uid
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=uid
    meta_v1_owner_reference_t *owner_references;
    size_t n_finalizers;
    // Must be empty before the object is deleted from the registry.
    // +optional
    // +patchStrategy=merge
    // +listType=set
    char **finalizers;
    size_t n_managed_fields;
    // ManagedFields maps workflow-id and version to the fields that workflow manages.
    // +optional
    // +listType=atomic
    meta_v1_managed_fields_entry_t *managed_fields;
    kc_unknown_t unknown;
} meta_v1_object_meta_t;

// A label selector requirement: a key, an operator and values.
typedef struct meta_v1_label_selector_requirement {
    // key is the label key that the selector applies to.
    // +required
    char *key;
    // operator is In, NotIn, Exists or DoesNotExist (LabelSelectorOperator).
    // +required
    char *operator;
    size_t n_values;
    // values; non-empty for In and NotIn, empty for Exists and DoesNotExist.
    // +optional
    // +listType=atomic
    char **values;
    kc_unknown_t unknown;
} meta_v1_label_selector_requirement_t;

// A label selector: matchLabels and matchExpressions are ANDed; empty matches all, null matches none.
// +structType=atomic
typedef struct meta_v1_label_selector {
    size_t n_match_labels;
    // matchLabels is a map of {key,value} pairs, each equivalent to an "In" requirement.
    // +optional
    kc_str_entry_t *match_labels;  // +kc:map
    size_t n_match_expressions;
    // matchExpressions is a list of label selector requirements, ANDed.
    // +optional
    // +listType=atomic
    meta_v1_label_selector_requirement_t *match_expressions;
    kc_unknown_t unknown;
} meta_v1_label_selector_t;

// Condition contains details for one aspect of the current state of an API resource.
typedef struct meta_v1_condition {
    // type of condition in CamelCase or in foo.example.com/CamelCase.
    // +required
    // +kubebuilder:validation:Required
    // +kubebuilder:validation:Pattern=`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$`
    // +kubebuilder:validation:MaxLength=316
    char *type;
    // status of the condition, one of True, False, Unknown (ConditionStatus).
    // +required
    // +kubebuilder:validation:Required
    // +kubebuilder:validation:Enum=True;False;Unknown
    char *status;
    // observedGeneration is the .metadata.generation the condition was set based upon.
    // +optional
    // +kubebuilder:validation:Minimum=0
    int64_t observed_generation;
    // lastTransitionTime is the last time the condition transitioned from one status to another.
    // +required
    // +kubebuilder:validation:Required
    // +kubebuilder:validation:Type=string
    // +kubebuilder:validation:Format=date-time
    kc_time_t last_transition_time;
    // reason is a CamelCase programmatic identifier for the last transition.
    // +required
    // +kubebuilder:validation:Required
    // +kubebuilder:validation:MaxLength=1024
    // +kubebuilder:validation:MinLength=1
    // +kubebuilder:validation:Pattern=`^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`
    char *reason;
    // message is a human readable message about the transition; may be empty.
    // +required
    // +kubebuilder:validation:Required
    // +kubebuilder:validation:MaxLength=32768
    char *message;
    kc_unknown_t unknown;
} meta_v1_condition_t;

// StatusCause provides more information about a Status failure.
typedef struct meta_v1_status_cause {
    // A machine-readable description of the cause (CauseType).
    // +optional
    char *reason;
    // A human-readable description of the cause.
    // +optional
    char *message;
    // The field of the resource that caused this error, as named by its JSON serialization.
    // +optional
    char *field;
    kc_unknown_t unknown;
} meta_v1_status_cause_t;

// StatusDetails is extra information about a Status, set by the server according to its reason.
typedef struct meta_v1_status_details {
    // The name of the resource associated with the reason.
    // +optional
    char *name;
    // The group of the resource associated with the reason.
    // +optional
    char *group;
    // The kind of the resource associated with the reason.
    // +optional
    char *kind;
    // UID of the resource.
    // +optional
    char *uid;
    size_t n_causes;
    // More details of the failure; not all reasons provide them.
    // +optional
    // +listType=atomic
    meta_v1_status_cause_t *causes;
    // Seconds before the operation should be retried.
    // +optional
    int32_t retry_after_seconds;
    kc_unknown_t unknown;
} meta_v1_status_details_t;

// Status is a return value for calls that don't return other objects.
typedef struct meta_v1_status {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard list metadata.
    // +optional
    meta_v1_list_meta_t metadata;
    // Status of the operation: "Success" or "Failure".
    // +optional
    char *status;
    // A human-readable description of the status of this operation.
    // +optional
    char *message;
    // A machine-readable reason of the "Failure" status (StatusReason).
    // +optional
    char *reason;
    // Extended data associated with the reason.
    // +optional
    meta_v1_status_details_t *details;
    // Suggested HTTP return code for this status, 0 if not set.
    // +optional
    int32_t code;
    kc_unknown_t unknown;
} meta_v1_status_t;

// Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.
typedef struct meta_v1_preconditions {
    // Specifies the target UID.
    // +optional
    char *uid;
    // Specifies the target ResourceVersion.
    // +optional
    char *resource_version;
    kc_unknown_t unknown;
} meta_v1_preconditions_t;

// DeleteOptions may be provided when deleting an API object.
typedef struct meta_v1_delete_options {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Seconds before the object should be deleted; zero means immediately.
    // +optional
    int64_t *grace_period_seconds;
    // Must be fulfilled before the deletion is carried out (else 409 Conflict).
    // +optional
    meta_v1_preconditions_t *preconditions;
    // Deprecated: use propagationPolicy.
    // +optional
    bool *orphan_dependents;
    // Whether and how garbage collection is performed: Orphan, Background or Foreground.
    // +optional
    meta_v1_deletion_propagation_t propagation_policy;
    size_t n_dry_run;
    // When present, modifications are not persisted; "All" processes all dry run stages.
    // +optional
    // +listType=atomic
    char **dry_run;
    // Unsafe deletion of an object that cannot be decoded from storage.
    // +optional
    bool *ignore_store_read_error_with_cluster_breaking_potential;
    kc_unknown_t unknown;
} meta_v1_delete_options_t;

// WatchEvent is one event of a watch stream (type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR).
typedef struct meta_v1_watch_event {
    // Type of the event (watch_event_type).
    // +required
    char *type;
    // Object is the object (or a Status for ERROR); decode it with the resource's type.
    // +required
    kc_json_t object;
    kc_unknown_t unknown;
} meta_v1_watch_event_t;

// ServerAddressByClientCIDR gives the server address to use for clients in a CIDR.
// +kc:kind=ServerAddressByClientCIDR
typedef struct meta_v1_server_address_by_client_cidr {
    // The CIDR with which clients can match their IP.
    // +json=clientCIDR
    // +required
    char *client_cidr;
    // Address of this server for clients in that CIDR: hostname, hostname:port, IP or IP:port.
    // +required
    char *server_address;
    kc_unknown_t unknown;
} meta_v1_server_address_by_client_cidr_t;

// GroupVersionForDiscovery is the "group/version" and "version" of a version.
typedef struct meta_v1_group_version_for_discovery {
    // groupVersion in the form "group/version".
    // +required
    char *group_version;
    // version in the form "version".
    // +required
    char *version;
    kc_unknown_t unknown;
} meta_v1_group_version_for_discovery_t;

// APIVersions lists the versions available at /api.
// +kc:kind=APIVersions
typedef struct meta_v1_api_versions {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    size_t n_versions;
    // versions are the api versions that are available.
    // +required
    // +listType=atomic
    char **versions;
    size_t n_server_address_by_client_cidrs;
    // Server addresses by client CIDR.
    // +json=serverAddressByClientCIDRs
    // +required
    // +listType=atomic
    meta_v1_server_address_by_client_cidr_t *server_address_by_client_cidrs;
    kc_unknown_t unknown;
} meta_v1_api_versions_t;

// APIGroup contains the name, the supported versions, and the preferred version of a group.
// +kc:kind=APIGroup
typedef struct meta_v1_api_group {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // name is the name of the group.
    // +required
    char *name;
    size_t n_versions;
    // versions are the versions supported in this group.
    // +required
    // +listType=atomic
    meta_v1_group_version_for_discovery_t *versions;
    // preferredVersion is the version preferred by the API server.
    // +optional
    meta_v1_group_version_for_discovery_t preferred_version;
    size_t n_server_address_by_client_cidrs;
    // Server addresses by client CIDR.
    // +json=serverAddressByClientCIDRs
    // +optional
    // +listType=atomic
    meta_v1_server_address_by_client_cidr_t *server_address_by_client_cidrs;
    kc_unknown_t unknown;
} meta_v1_api_group_t;

// APIGroupList is a list of APIGroup, served at /apis.
// +kc:kind=APIGroupList
typedef struct meta_v1_api_group_list {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    size_t n_groups;
    // groups is a list of APIGroup.
    // +required
    // +listType=atomic
    meta_v1_api_group_t *groups;
    kc_unknown_t unknown;
} meta_v1_api_group_list_t;

// APIResource specifies the name of a resource and whether it is namespaced.
// +kc:kind=APIResource
typedef struct meta_v1_api_resource {
    // name is the plural name of the resource.
    // +required
    char *name;
    // singularName is the singular name of the resource.
    // +required
    char *singular_name;
    // namespaced indicates if a resource is namespaced or not.
    // +required
    bool namespaced;
    // group is the preferred group of the resource; empty means the list's group.
    // +optional
    char *group;
    // version is the preferred version of the resource; empty means the list's version.
    // +optional
    char *version;
    // kind is the kind for the resource.
    // +required
    char *kind;
    size_t n_verbs;
    // verbs is a list of supported kube verbs.
    // +required
    char **verbs;
    size_t n_short_names;
    // shortNames is a list of suggested short names of the resource.
    // +optional
    // +listType=atomic
    char **short_names;
    size_t n_categories;
    // categories is a list of the grouped resources this resource belongs to (e.g. 'all').
    // +optional
    // +listType=atomic
    char **categories;
    // Opaque hash of the storage version of the resource.
    // +optional
    char *storage_version_hash;
    kc_unknown_t unknown;
} meta_v1_api_resource_t;

// APIResourceList lists the resources of a group version and whether they are namespaced.
// +kc:kind=APIResourceList
typedef struct meta_v1_api_resource_list {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // groupVersion is the group and version this APIResourceList is for.
    // +required
    char *group_version;
    size_t n_resources;
    // resources contains the name of the resources and if they are namespaced.
    // +required
    // +listType=atomic
    meta_v1_api_resource_t *resources;
    kc_unknown_t unknown;
} meta_v1_api_resource_list_t;

#endif /* KC_APIS_META_V1_TYPES_H */
