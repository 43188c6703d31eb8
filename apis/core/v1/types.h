/*
 * apis/core/v1/types.h - k8s.io/api/core/v1, the core group (served under /api/v1).
 *
 * A subset, translated field by field from the Go types (JSON names, order, markers):
 * PodTemplateSpec and everything it needs, Pod, Service, Namespace, ConfigMap, Secret,
 * ServiceAccount, Event. Volume sources Go has and this subset does not (gcePersistentDisk,
 * iscsi, rbd, ephemeral, ...) and the few newer alpha fields left out are kept, like any
 * undeclared member, in the kc_unknown_t of the struct that holds them.
 *
 * C member names follow the JSON names; +json gives the JSON name where lowerCamelCase
 * of the C name differs (podIP, hostIPC, ...) and where the name had to change in C:
 * stdin (a <stdio.h> macro) is stdin_, linux (predefined in GNU C modes) is linux_.
 * A string enum whose Go type has +enum is used as the member type; the others
 * (open sets in Go) are char * and their typedef only provides the constants.
 */
#ifndef KC_APIS_CORE_V1_TYPES_H
#define KC_APIS_CORE_V1_TYPES_H

#include "kc/types.h"
#include "meta/v1/types.h"

// Protocol defines network protocols supported for things like container ports.
// +kubebuilder:validation:Enum=TCP;UDP;SCTP
// +enum
typedef char *core_v1_protocol_t;

// HostPathType is the type of a hostPath volume ("" means no check).
// +kubebuilder:validation:Enum=DirectoryOrCreate;Directory;FileOrCreate;File;Socket;CharDevice;BlockDevice
// +enum
typedef char *core_v1_host_path_type_t;

// StorageMedium defines ways that storage can be allocated to a volume ("" is the node default; also "HugePages-<size>").
// +kubebuilder:validation:Enum=Memory;HugePages
typedef char *core_v1_storage_medium_t;

// MountPropagationMode describes mount propagation.
// +kubebuilder:validation:Enum=None;HostToContainer;Bidirectional
// +enum
typedef char *core_v1_mount_propagation_mode_t;

// RecursiveReadOnlyMode describes recursive-readonly mode.
// +kubebuilder:validation:Enum=Disabled;IfPossible;Enabled
typedef char *core_v1_recursive_read_only_mode_t;

// URIScheme identifies the scheme used for connection to a host for Get actions.
// +kubebuilder:validation:Enum=HTTP;HTTPS
// +enum
typedef char *core_v1_uri_scheme_t;

// PullPolicy describes a policy for if/when to pull a container image.
// +kubebuilder:validation:Enum=Always;Never;IfNotPresent
// +enum
typedef char *core_v1_pull_policy_t;

// ResourceResizeRestartPolicy specifies how to handle container resource resize.
// +kubebuilder:validation:Enum=NotRequired;RestartContainer
typedef char *core_v1_resource_resize_restart_policy_t;

// PreemptionPolicy describes a policy for if/when to preempt a pod.
// +kubebuilder:validation:Enum=PreemptLowerPriority;Never
// +enum
typedef char *core_v1_preemption_policy_t;

// TerminationMessagePolicy describes how termination messages are retrieved from a container.
// +kubebuilder:validation:Enum=File;FallbackToLogsOnError
// +enum
typedef char *core_v1_termination_message_policy_t;

// ConditionStatus is the status of a condition: True, False or Unknown.
// +kubebuilder:validation:Enum=True;False;Unknown
typedef char *core_v1_condition_status_t;

// PodPhase is a label for the condition of a pod at the current time.
// +kubebuilder:validation:Enum=Pending;Running;Succeeded;Failed;Unknown
// +enum
typedef char *core_v1_pod_phase_t;

// PodConditionType is a valid value for PodCondition.Type (applications may add their own).
// +kubebuilder:validation:Enum=ContainersReady;Initialized;Ready;PodScheduled;DisruptionTarget;PodReadyToStartContainers;PodResizePending;PodResizeInProgress;AllContainersRestarting
typedef char *core_v1_pod_condition_type_t;

// RestartPolicy describes how the containers of a pod should be restarted.
// +kubebuilder:validation:Enum=Always;OnFailure;Never
// +enum
typedef char *core_v1_restart_policy_t;

// ContainerRestartPolicy is the restart policy for a single container.
// +kubebuilder:validation:Enum=Always;Never;OnFailure
typedef char *core_v1_container_restart_policy_t;

// ContainerRestartRuleAction is the action taken when a container exits.
// +kubebuilder:validation:Enum=Restart;RestartAllContainers
typedef char *core_v1_container_restart_rule_action_t;

// ContainerRestartRuleOnExitCodesOperator relates exit codes and values.
// +kubebuilder:validation:Enum=In;NotIn
typedef char *core_v1_container_restart_rule_on_exit_codes_operator_t;

// DNSPolicy defines how a pod's DNS will be configured.
// +kubebuilder:validation:Enum=ClusterFirstWithHostNet;ClusterFirst;Default;None
// +enum
typedef char *core_v1_dns_policy_t;

// A node selector operator is the set of operators usable in a node selector requirement.
// +kubebuilder:validation:Enum=In;NotIn;Exists;DoesNotExist;Gt;Lt
// +enum
typedef char *core_v1_node_selector_operator_t;

// TaintEffect is the effect of a taint on pods that do not tolerate it.
// +kubebuilder:validation:Enum=NoSchedule;PreferNoSchedule;NoExecute
// +enum
typedef char *core_v1_taint_effect_t;

// A toleration operator is the set of operators usable in a toleration.
// +kubebuilder:validation:Enum=Exists;Equal;Lt;Gt
// +enum
typedef char *core_v1_toleration_operator_t;

// UnsatisfiableConstraintAction tells the scheduler what to do when a spread constraint is not met.
// +kubebuilder:validation:Enum=DoNotSchedule;ScheduleAnyway
// +enum
typedef char *core_v1_unsatisfiable_constraint_action_t;

// NodeInclusionPolicy defines the type of node inclusion policy.
// +kubebuilder:validation:Enum=Ignore;Honor
// +enum
typedef char *core_v1_node_inclusion_policy_t;

// PodFSGroupChangePolicy holds policies for applying fsGroup to a volume when it is mounted.
// +kubebuilder:validation:Enum=OnRootMismatch;Always
// +enum
typedef char *core_v1_pod_fs_group_change_policy_t;

// SupplementalGroupsPolicy defines how supplemental groups of the first container processes are calculated.
// +kubebuilder:validation:Enum=Merge;Strict
// +enum
typedef char *core_v1_supplemental_groups_policy_t;

// PodSELinuxChangePolicy defines how the SELinux label is applied to the volumes of a Pod.
// +kubebuilder:validation:Enum=Recursive;MountOption
typedef char *core_v1_pod_se_linux_change_policy_t;

// SeccompProfileType defines the supported seccomp profile types.
// +kubebuilder:validation:Enum=Unconfined;RuntimeDefault;Localhost
// +enum
typedef char *core_v1_seccomp_profile_type_t;

// AppArmorProfileType defines the supported AppArmor profile types.
// +kubebuilder:validation:Enum=Unconfined;RuntimeDefault;Localhost
// +enum
typedef char *core_v1_app_armor_profile_type_t;

// ProcMountType is the type of proc mount to use for the containers.
// +kubebuilder:validation:Enum=Default;Unmasked
// +enum
typedef char *core_v1_proc_mount_type_t;

// PodQOSClass defines the supported qos classes of Pods.
// +kubebuilder:validation:Enum=Guaranteed;Burstable;BestEffort
// +enum
typedef char *core_v1_pod_qos_class_t;

// OSName is the set of OS'es that can be used in PodOS.
// +kubebuilder:validation:Enum=linux;windows
typedef char *core_v1_os_name_t;

// ResourceName is the name of a resource in a ResourceList (standard names; extended resources like huawei.com/Ascend910 too).
// +kubebuilder:validation:Enum=cpu;memory;storage;ephemeral-storage
typedef char *core_v1_resource_name_t;

// ServiceAffinity is the session affinity type of a Service.
// +kubebuilder:validation:Enum=ClientIP;None
// +enum
typedef char *core_v1_service_affinity_t;

// ServiceType describes ingress methods for a service.
// +kubebuilder:validation:Enum=ClusterIP;NodePort;LoadBalancer;ExternalName
// +enum
typedef char *core_v1_service_type_t;

// ServiceInternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.
// +kubebuilder:validation:Enum=Cluster;Local
// +enum
typedef char *core_v1_service_internal_traffic_policy_t;

// ServiceExternalTrafficPolicy describes how nodes distribute traffic received on external addresses.
// +kubebuilder:validation:Enum=Cluster;Local
// +enum
typedef char *core_v1_service_external_traffic_policy_t;

// IPFamily represents the IP Family (IPv4 or IPv6).
// +kubebuilder:validation:Enum=IPv4;IPv6
// +enum
typedef char *core_v1_ip_family_t;

// IPFamilyPolicy represents the dual-stack-ness requested or required by a Service.
// +kubebuilder:validation:Enum=SingleStack;PreferDualStack;RequireDualStack
// +enum
typedef char *core_v1_ip_family_policy_t;

// LoadBalancerIPMode represents the mode of the LoadBalancer ingress IP.
// +kubebuilder:validation:Enum=VIP;Proxy
typedef char *core_v1_load_balancer_ip_mode_t;

// NamespacePhase is the lifecycle phase of a namespace.
// +kubebuilder:validation:Enum=Active;Terminating
// +enum
typedef char *core_v1_namespace_phase_t;

// NamespaceConditionType is a condition type of a namespace.
// +kubebuilder:validation:Enum=NamespaceDeletionDiscoveryFailure;NamespaceDeletionContentFailure;NamespaceDeletionGroupVersionParsingFailure;NamespaceContentRemaining;NamespaceFinalizersRemaining
typedef char *core_v1_namespace_condition_type_t;

// SecretType is the type of a Secret (open set).
// +kubebuilder:validation:Enum=Opaque;kubernetes.io/service-account-token;kubernetes.io/dockercfg;kubernetes.io/dockerconfigjson;kubernetes.io/basic-auth;kubernetes.io/ssh-auth;kubernetes.io/tls;bootstrap.kubernetes.io/token
typedef char *core_v1_secret_type_t;

// Valid values of Event.type (new types could be added in future).
// +kubebuilder:validation:Enum=Normal;Warning
typedef char *core_v1_event_type_t;

// LocalObjectReference lets you locate the referenced object inside the same namespace.
// +structType=atomic
typedef struct core_v1_local_object_reference {
    // Name of the referent; effectively required.
    // +optional
    // +default=""
    // +kubebuilder:default=""
    char *name;
    kc_unknown_t unknown;
} core_v1_local_object_reference_t;

// ObjectReference contains enough information to let you inspect or modify the referred object.
// +structType=atomic
typedef struct core_v1_object_reference {
    // Kind of the referent.
    // +optional
    char *kind;
    // Namespace of the referent.
    // +optional
    char *namespace;
    // Name of the referent.
    // +optional
    char *name;
    // UID of the referent.
    // +optional
    char *uid;
    // API version of the referent.
    // +optional
    char *api_version;
    // Specific resourceVersion to which this reference is made, if any.
    // +optional
    char *resource_version;
    // Path of a piece of the object, e.g. "spec.containers{name}".
    // +optional
    char *field_path;
    kc_unknown_t unknown;
} core_v1_object_reference_t;

// Maps a string key to a path within a volume.
typedef struct core_v1_key_to_path {
    // key is the key to project.
    // +required
    char *key;
    // path is the relative path of the file to map the key to.
    // +required
    char *path;
    // mode bits used to set permissions on this file (0000-0777).
    // +optional
    int32_t *mode;
    kc_unknown_t unknown;
} core_v1_key_to_path_t;

// ObjectFieldSelector selects an APIVersioned field of an object.
// +structType=atomic
typedef struct core_v1_object_field_selector {
    // Version of the schema the FieldPath is written in terms of, defaults to "v1".
    // +optional
    char *api_version;
    // Path of the field to select in the specified API version.
    // +required
    char *field_path;
    kc_unknown_t unknown;
} core_v1_object_field_selector_t;

// ResourceFieldSelector represents container resources (cpu, memory) and their output format.
// +structType=atomic
typedef struct core_v1_resource_field_selector {
    // Container name: required for volumes, optional for env vars.
    // +optional
    char *container_name;
    // Required: resource to select.
    // +required
    char *resource;
    // Specifies the output format of the exposed resources, defaults to "1".
    // +optional
    kc_quantity_t divisor;
    kc_unknown_t unknown;
} core_v1_resource_field_selector_t;

// Represents a host path mapped into a pod.
typedef struct core_v1_host_path_volume_source {
    // path of the directory on the host.
    // +required
    char *path;
    // type for HostPath Volume, defaults to "".
    // +optional
    core_v1_host_path_type_t type;
    kc_unknown_t unknown;
} core_v1_host_path_volume_source_t;

// Represents an empty directory for a pod.
typedef struct core_v1_empty_dir_volume_source {
    // medium backing this directory: "" (node default) or Memory (StorageMedium).
    // +optional
    char *medium;
    // sizeLimit is the total amount of local storage required for this EmptyDir volume.
    // +optional
    kc_quantity_t *size_limit;
    kc_unknown_t unknown;
} core_v1_empty_dir_volume_source_t;

// Adapts a Secret into a volume.
typedef struct core_v1_secret_volume_source {
    // secretName is the name of the secret in the pod's namespace to use.
    // +optional
    char *secret_name;
    size_t n_items;
    // items maps keys of the Secret to paths; unlisted keys are not projected.
    // +optional
    // +listType=atomic
    core_v1_key_to_path_t *items;
    // defaultMode is the mode bits used to set permissions on created files by default.
    // +optional
    int32_t *default_mode;
    // optional field specify whether the Secret or its keys must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_secret_volume_source_t;

// Represents an NFS mount that lasts the lifetime of a pod.
typedef struct core_v1_nfs_volume_source {
    // server is the hostname or IP address of the NFS server.
    // +required
    char *server;
    // path that is exported by the NFS server.
    // +required
    char *path;
    // readOnly forces the NFS export to be mounted read-only.
    // +optional
    bool read_only;
    kc_unknown_t unknown;
} core_v1_nfs_volume_source_t;

// PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace.
typedef struct core_v1_persistent_volume_claim_volume_source {
    // claimName is the name of a PersistentVolumeClaim in the same namespace as the pod.
    // +required
    char *claim_name;
    // readOnly will force the ReadOnly setting in VolumeMounts.
    // +optional
    bool read_only;
    kc_unknown_t unknown;
} core_v1_persistent_volume_claim_volume_source_t;

// DownwardAPIVolumeFile represents information to create the file containing the pod field.
typedef struct core_v1_downward_api_volume_file {
    // Required: relative path name of the file to be created.
    // +required
    char *path;
    // Selects a field of the pod: annotations, labels, name, namespace and uid.
    // +optional
    core_v1_object_field_selector_t *field_ref;
    // Selects a resource of the container (limits and requests).
    // +optional
    core_v1_resource_field_selector_t *resource_field_ref;
    // mode bits used to set permissions on this file.
    // +optional
    int32_t *mode;
    kc_unknown_t unknown;
} core_v1_downward_api_volume_file_t;

// DownwardAPIVolumeSource represents a volume containing downward API info.
typedef struct core_v1_downward_api_volume_source {
    size_t n_items;
    // Items is a list of downward API volume file.
    // +optional
    // +listType=atomic
    core_v1_downward_api_volume_file_t *items;
    // mode bits used to set permissions on created files by default.
    // +optional
    int32_t *default_mode;
    kc_unknown_t unknown;
} core_v1_downward_api_volume_source_t;

// Adapts a ConfigMap into a volume.
typedef struct core_v1_config_map_volume_source {
    // The ConfigMap to use.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    size_t n_items;
    // items maps keys of the ConfigMap to paths; unlisted keys are not projected.
    // +optional
    // +listType=atomic
    core_v1_key_to_path_t *items;
    // defaultMode is the mode bits used to set permissions on created files by default.
    // +optional
    int32_t *default_mode;
    // optional specify whether the ConfigMap or its keys must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_config_map_volume_source_t;

// Adapts a secret into a projected volume.
typedef struct core_v1_secret_projection {
    // The Secret to project.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    size_t n_items;
    // items maps keys of the Secret to paths.
    // +optional
    // +listType=atomic
    core_v1_key_to_path_t *items;
    // optional field specify whether the Secret or its key must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_secret_projection_t;

// Adapts a ConfigMap into a projected volume.
typedef struct core_v1_config_map_projection {
    // The ConfigMap to project.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    size_t n_items;
    // items maps keys of the ConfigMap to paths.
    // +optional
    // +listType=atomic
    core_v1_key_to_path_t *items;
    // optional specify whether the ConfigMap or its keys must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_config_map_projection_t;

// Represents downward API info for projecting into a projected volume.
typedef struct core_v1_downward_api_projection {
    size_t n_items;
    // Items is a list of DownwardAPIVolume file.
    // +optional
    // +listType=atomic
    core_v1_downward_api_volume_file_t *items;
    kc_unknown_t unknown;
} core_v1_downward_api_projection_t;

// ServiceAccountTokenProjection represents a projected service account token volume.
typedef struct core_v1_service_account_token_projection {
    // audience is the intended audience of the token; defaults to the apiserver.
    // +optional
    char *audience;
    // expirationSeconds is the requested duration of validity of the token.
    // +optional
    int64_t *expiration_seconds;
    // path is the path relative to the mount point of the file to project the token into.
    // +required
    char *path;
    kc_unknown_t unknown;
} core_v1_service_account_token_projection_t;

// Projection that may be projected along with other supported volume types; exactly one is set.
typedef struct core_v1_volume_projection {
    // secret information about the secret data to project.
    // +optional
    core_v1_secret_projection_t *secret;
    // downwardAPI information about the downwardAPI data to project.
    // +json=downwardAPI
    // +optional
    core_v1_downward_api_projection_t *downward_api;
    // configMap information about the configMap data to project.
    // +optional
    core_v1_config_map_projection_t *config_map;
    // serviceAccountToken is information about the token to project.
    // +optional
    core_v1_service_account_token_projection_t *service_account_token;
    kc_unknown_t unknown;
} core_v1_volume_projection_t;

// Represents a projected volume source.
typedef struct core_v1_projected_volume_source {
    size_t n_sources;
    // sources is the list of volume projections.
    // +optional
    // +listType=atomic
    core_v1_volume_projection_t *sources;
    // defaultMode are the mode bits used to set permissions on created files by default.
    // +optional
    int32_t *default_mode;
    kc_unknown_t unknown;
} core_v1_projected_volume_source_t;

// Represents a source location of a volume to mount, managed by an external CSI driver.
typedef struct core_v1_csi_volume_source {
    // driver is the name of the CSI driver that handles this volume.
    // +required
    char *driver;
    // readOnly specifies a read-only configuration for the volume.
    // +optional
    bool *read_only;
    // fsType to mount, e.g. "ext4".
    // +optional
    char *fs_type;
    size_t n_volume_attributes;
    // volumeAttributes stores driver-specific properties that are passed to the CSI driver.
    // +optional
    kc_str_entry_t *volume_attributes;  // +kc:map
    // nodePublishSecretRef references the secret for NodePublishVolume calls.
    // +optional
    core_v1_local_object_reference_t *node_publish_secret_ref;
    kc_unknown_t unknown;
} core_v1_csi_volume_source_t;

// ImageVolumeSource represents an image volume resource.
typedef struct core_v1_image_volume_source {
    // Image or artifact reference to be used.
    // +optional
    char *reference;
    // Policy for pulling OCI objects: Always, Never or IfNotPresent.
    // +optional
    core_v1_pull_policy_t pull_policy;
    kc_unknown_t unknown;
} core_v1_image_volume_source_t;

// Represents the source of a volume to mount; only one of its members may be specified (subset of Go's).
typedef struct core_v1_volume_source {
    // hostPath represents a pre-existing file or directory on the host.
    // +optional
    core_v1_host_path_volume_source_t *host_path;
    // emptyDir represents a temporary directory that shares a pod's lifetime.
    // +optional
    core_v1_empty_dir_volume_source_t *empty_dir;
    // secret represents a secret that should populate this volume.
    // +optional
    core_v1_secret_volume_source_t *secret;
    // nfs represents an NFS mount on the host that shares a pod's lifetime.
    // +optional
    core_v1_nfs_volume_source_t *nfs;
    // persistentVolumeClaim references a PVC in the same namespace.
    // +optional
    core_v1_persistent_volume_claim_volume_source_t *persistent_volume_claim;
    // downwardAPI represents downward API about the pod that should populate this volume.
    // +json=downwardAPI
    // +optional
    core_v1_downward_api_volume_source_t *downward_api;
    // configMap represents a configMap that should populate this volume.
    // +optional
    core_v1_config_map_volume_source_t *config_map;
    // projected items for all in one resources secrets, configmaps, and downward API.
    core_v1_projected_volume_source_t *projected;
    // csi represents ephemeral storage that is handled by certain external CSI drivers.
    // +optional
    core_v1_csi_volume_source_t *csi;
    // image represents an OCI object pulled and mounted on the kubelet's host machine.
    // +optional
    core_v1_image_volume_source_t *image;
    kc_unknown_t unknown;
} core_v1_volume_source_t;

// Volume represents a named volume in a pod that may be accessed by any container in the pod.
typedef struct core_v1_volume {
    // name of the volume; a DNS_LABEL unique within the pod.
    // +required
    char *name;
    // volumeSource represents the location and type of the mounted volume.
    // +json:inline
    core_v1_volume_source_t volume_source;
    kc_unknown_t unknown;
} core_v1_volume_t;

// ContainerPort represents a network port in a single container.
typedef struct core_v1_container_port {
    // An IANA_SVC_NAME unique within the pod, referred to by services.
    // +optional
    char *name;
    // Number of port to expose on the host.
    // +optional
    int32_t host_port;
    // Number of port to expose on the pod's IP address.
    // +required
    int32_t container_port;
    // Protocol for port: UDP, TCP, or SCTP; defaults to "TCP".
    // +optional
    // +default="TCP"
    core_v1_protocol_t protocol;
    // What host IP to bind the external port to.
    // +json=hostIP
    // +optional
    char *host_ip;
    kc_unknown_t unknown;
} core_v1_container_port_t;

// VolumeMount describes a mounting of a Volume within a container.
typedef struct core_v1_volume_mount {
    // This must match the Name of a Volume.
    // +required
    char *name;
    // Mounted read-only if true, read-write otherwise.
    // +optional
    bool read_only;
    // RecursiveReadOnly: Disabled, IfPossible or Enabled (RecursiveReadOnlyMode).
    // +optional
    char *recursive_read_only;
    // Path within the container at which the volume should be mounted.
    // +required
    char *mount_path;
    // Path within the volume from which the container's volume should be mounted.
    // +optional
    char *sub_path;
    // mountPropagation determines how mounts are propagated from the host to container and back.
    // +optional
    core_v1_mount_propagation_mode_t mount_propagation;
    // Expanded path within the volume ($(VAR_NAME) references expanded).
    // +optional
    char *sub_path_expr;
    kc_unknown_t unknown;
} core_v1_volume_mount_t;

// volumeDevice describes a mapping of a raw block device within a container.
typedef struct core_v1_volume_device {
    // name must match the name of a persistentVolumeClaim in the pod.
    // +required
    char *name;
    // devicePath is the path inside of the container that the device will be mapped to.
    // +required
    char *device_path;
    kc_unknown_t unknown;
} core_v1_volume_device_t;

// Selects a key from a ConfigMap.
// +structType=atomic
typedef struct core_v1_config_map_key_selector {
    // The ConfigMap to select from.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    // The key to select.
    // +required
    char *key;
    // Specify whether the ConfigMap or its key must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_config_map_key_selector_t;

// SecretKeySelector selects a key of a Secret.
// +structType=atomic
typedef struct core_v1_secret_key_selector {
    // The name of the secret in the pod's namespace to select from.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    // The key of the secret to select from.
    // +required
    char *key;
    // Specify whether the Secret or its key must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_secret_key_selector_t;

// FileKeySelector selects a key of the env file.
// +structType=atomic
typedef struct core_v1_file_key_selector {
    // The name of the volume mount containing the env file.
    // +required
    char *volume_name;
    // The path within the volume from which to select the file.
    // +required
    char *path;
    // The key within the env file.
    // +required
    char *key;
    // Specify whether the file or its key must be defined.
    // +optional
    // +default=false
    bool *optional;
    kc_unknown_t unknown;
} core_v1_file_key_selector_t;

// EnvVarSource represents a source for the value of an EnvVar.
typedef struct core_v1_env_var_source {
    // Selects a field of the pod.
    // +optional
    core_v1_object_field_selector_t *field_ref;
    // Selects a resource of the container.
    // +optional
    core_v1_resource_field_selector_t *resource_field_ref;
    // Selects a key of a ConfigMap.
    // +optional
    core_v1_config_map_key_selector_t *config_map_key_ref;
    // Selects a key of a secret in the pod's namespace.
    // +optional
    core_v1_secret_key_selector_t *secret_key_ref;
    // FileKeyRef selects a key of the env file.
    // +optional
    core_v1_file_key_selector_t *file_key_ref;
    kc_unknown_t unknown;
} core_v1_env_var_source_t;

// EnvVar represents an environment variable present in a Container.
typedef struct core_v1_env_var {
    // Name of the environment variable.
    // +required
    char *name;
    // Value, with $(VAR_NAME) references expanded; defaults to "".
    // +optional
    char *value;
    // Source for the environment variable's value; cannot be used if value is not empty.
    // +optional
    core_v1_env_var_source_t *value_from;
    kc_unknown_t unknown;
} core_v1_env_var_t;

// ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.
typedef struct core_v1_config_map_env_source {
    // The ConfigMap to select from.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    // Specify whether the ConfigMap must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_config_map_env_source_t;

// SecretEnvSource selects a Secret to populate the environment variables with.
typedef struct core_v1_secret_env_source {
    // The Secret to select from.
    // +json:inline
    core_v1_local_object_reference_t local_object_reference;
    // Specify whether the Secret must be defined.
    // +optional
    bool *optional;
    kc_unknown_t unknown;
} core_v1_secret_env_source_t;

// EnvFromSource represents the source of a set of ConfigMaps or Secrets.
typedef struct core_v1_env_from_source {
    // Optional text to prepend to the name of each environment variable.
    // +optional
    char *prefix;
    // The ConfigMap to select from.
    // +optional
    core_v1_config_map_env_source_t *config_map_ref;
    // The Secret to select from.
    // +optional
    core_v1_secret_env_source_t *secret_ref;
    kc_unknown_t unknown;
} core_v1_env_from_source_t;

// HTTPHeader describes a custom header to be used in HTTP probes.
typedef struct core_v1_http_header {
    // The header field name.
    // +required
    char *name;
    // The header field value.
    // +required
    char *value;
    kc_unknown_t unknown;
} core_v1_http_header_t;

// HTTPGetAction describes an action based on HTTP Get requests.
typedef struct core_v1_http_get_action {
    // Path to access on the HTTP server.
    // +optional
    char *path;
    // Name or number of the port to access on the container.
    // +required
    kc_int_or_string_t port;
    // Host name to connect to, defaults to the pod IP.
    // +optional
    char *host;
    // Scheme to use for connecting to the host; defaults to HTTP.
    // +optional
    core_v1_uri_scheme_t scheme;
    size_t n_http_headers;
    // Custom headers to set in the request.
    // +optional
    // +listType=atomic
    core_v1_http_header_t *http_headers;
    kc_unknown_t unknown;
} core_v1_http_get_action_t;

// TCPSocketAction describes an action based on opening a socket.
typedef struct core_v1_tcp_socket_action {
    // Number or name of the port to access on the container.
    // +required
    kc_int_or_string_t port;
    // Optional: Host name to connect to, defaults to the pod IP.
    // +optional
    char *host;
    kc_unknown_t unknown;
} core_v1_tcp_socket_action_t;

// GRPCAction specifies an action involving a GRPC service.
typedef struct core_v1_grpc_action {
    // Port number of the gRPC service.
    // +required
    int32_t port;
    // Service is the name of the service to place in the gRPC HealthCheckRequest.
    // +optional
    // +default=""
    char *service;
    kc_unknown_t unknown;
} core_v1_grpc_action_t;

// ExecAction describes a "run in container" action.
typedef struct core_v1_exec_action {
    size_t n_command;
    // Command is the command line to execute inside the container (not run in a shell).
    // +optional
    // +listType=atomic
    char **command;
    kc_unknown_t unknown;
} core_v1_exec_action_t;

// SleepAction describes a "sleep" action.
typedef struct core_v1_sleep_action {
    // Seconds is the number of seconds to sleep.
    // +required
    int64_t seconds;
    kc_unknown_t unknown;
} core_v1_sleep_action_t;

// ProbeHandler defines a specific action that should be taken in a probe; exactly one is set.
typedef struct core_v1_probe_handler {
    // Exec specifies a command to execute in the container.
    // +optional
    core_v1_exec_action_t *exec;
    // HTTPGet specifies an HTTP GET request to perform.
    // +optional
    core_v1_http_get_action_t *http_get;
    // TCPSocket specifies a connection to a TCP port.
    // +optional
    core_v1_tcp_socket_action_t *tcp_socket;
    // GRPC specifies a GRPC HealthCheckRequest.
    // +optional
    core_v1_grpc_action_t *grpc;
    kc_unknown_t unknown;
} core_v1_probe_handler_t;

// Probe describes a health check to be performed against a container.
typedef struct core_v1_probe {
    // The action taken to determine the health of a container.
    // +json:inline
    core_v1_probe_handler_t probe_handler;
    // Seconds after the container has started before liveness probes are initiated.
    // +optional
    int32_t initial_delay_seconds;
    // Seconds after which the probe times out; defaults to 1.
    // +optional
    int32_t timeout_seconds;
    // How often (in seconds) to perform the probe; defaults to 10.
    // +optional
    int32_t period_seconds;
    // Minimum consecutive successes to be considered successful after having failed.
    // +optional
    int32_t success_threshold;
    // Minimum consecutive failures to be considered failed after having succeeded.
    // +optional
    int32_t failure_threshold;
    // Grace period in seconds for the pod to terminate upon probe failure.
    // +optional
    int64_t *termination_grace_period_seconds;
    kc_unknown_t unknown;
} core_v1_probe_t;

// LifecycleHandler defines a specific action that should be taken in a lifecycle hook.
typedef struct core_v1_lifecycle_handler {
    // Exec specifies a command to execute in the container.
    // +optional
    core_v1_exec_action_t *exec;
    // HTTPGet specifies an HTTP GET request to perform.
    // +optional
    core_v1_http_get_action_t *http_get;
    // Deprecated. TCPSocket is NOT supported as a LifecycleHandler.
    // +optional
    core_v1_tcp_socket_action_t *tcp_socket;
    // Sleep represents a duration that the container should sleep.
    // +optional
    core_v1_sleep_action_t *sleep;
    kc_unknown_t unknown;
} core_v1_lifecycle_handler_t;

// Lifecycle describes actions the management system takes in response to container lifecycle events.
typedef struct core_v1_lifecycle {
    // PostStart is called immediately after a container is created.
    // +optional
    core_v1_lifecycle_handler_t *post_start;
    // PreStop is called immediately before a container is terminated.
    // +optional
    core_v1_lifecycle_handler_t *pre_stop;
    // StopSignal defines which signal is sent to a container when it is stopped (e.g. "SIGTERM").
    // +optional
    char *stop_signal;
    kc_unknown_t unknown;
} core_v1_lifecycle_t;

// Adds and removes POSIX capabilities from running containers.
typedef struct core_v1_capabilities {
    size_t n_add;
    // Added capabilities.
    // +optional
    // +listType=atomic
    char **add;
    size_t n_drop;
    // Removed capabilities.
    // +optional
    // +listType=atomic
    char **drop;
    kc_unknown_t unknown;
} core_v1_capabilities_t;

// ResourceClaim references one entry in PodSpec.ResourceClaims.
typedef struct core_v1_resource_claim {
    // Name must match the name of one entry in pod.spec.resourceClaims.
    // +required
    char *name;
    // Request is the name chosen for a request in the referenced claim.
    // +optional
    char *request;
    kc_unknown_t unknown;
} core_v1_resource_claim_t;

// ResourceRequirements describes the compute resource requirements.
typedef struct core_v1_resource_requirements {
    size_t n_limits;
    // Limits describes the maximum amount of compute resources allowed.
    // +optional
    kc_quantity_entry_t *limits;  // +kc:map
    size_t n_requests;
    // Requests describes the minimum amount of compute resources required.
    // +optional
    kc_quantity_entry_t *requests;  // +kc:map
    size_t n_claims;
    // Claims lists the names of resources, defined in spec.resourceClaims, used by this container.
    // +optional
    // +listType=map
    // +listMapKey=name
    core_v1_resource_claim_t *claims;
    kc_unknown_t unknown;
} core_v1_resource_requirements_t;

// ContainerResizePolicy represents resource resize policy for the container.
typedef struct core_v1_container_resize_policy {
    // Name of the resource to which this resource resize policy applies: cpu, memory.
    // +required
    char *resource_name;
    // Restart policy when the resource is resized (ResourceResizeRestartPolicy).
    // +required
    char *restart_policy;
    kc_unknown_t unknown;
} core_v1_container_resize_policy_t;

// ContainerRestartRuleOnExitCodes handles an exited container based on its exit codes.
typedef struct core_v1_container_restart_rule_on_exit_codes {
    // Relationship between the exit codes and the values: In or NotIn.
    // +required
    char *operator;
    size_t n_values;
    // Specifies the set of values to check for container exit codes.
    // +optional
    // +listType=set
    int32_t *values;
    kc_unknown_t unknown;
} core_v1_container_restart_rule_on_exit_codes_t;

// ContainerRestartRule describes how a container exit is handled.
typedef struct core_v1_container_restart_rule {
    // Specifies the action taken on a container exit if the requirements are satisfied.
    // +required
    char *action;
    // Represents the exit codes to check on container exits.
    // +optional
    core_v1_container_restart_rule_on_exit_codes_t *exit_codes;
    kc_unknown_t unknown;
} core_v1_container_restart_rule_t;

// SELinuxOptions are the labels to be applied to the container.
typedef struct core_v1_se_linux_options {
    // User is a SELinux user label that applies to the container.
    // +optional
    char *user;
    // Role is a SELinux role label that applies to the container.
    // +optional
    char *role;
    // Type is a SELinux type label that applies to the container.
    // +optional
    char *type;
    // Level is SELinux level label that applies to the container.
    // +optional
    char *level;
    kc_unknown_t unknown;
} core_v1_se_linux_options_t;

// WindowsSecurityContextOptions contain Windows-specific options and credentials.
typedef struct core_v1_windows_security_context_options {
    // GMSACredentialSpecName is the name of the GMSA credential spec to use.
    // +optional
    char *gmsa_credential_spec_name;
    // GMSACredentialSpec is the inlined GMSA credential spec.
    // +optional
    char *gmsa_credential_spec;
    // The UserName in Windows to run the entrypoint of the container process.
    // +optional
    char *run_as_user_name;
    // HostProcess determines if a container should be run as a 'Host Process' container.
    // +optional
    bool *host_process;
    kc_unknown_t unknown;
} core_v1_windows_security_context_options_t;

// SeccompProfile defines a pod/container's seccomp profile settings.
typedef struct core_v1_seccomp_profile {
    // type indicates which kind of seccomp profile will be applied.
    // +required
    core_v1_seccomp_profile_type_t type;
    // localhostProfile indicates a profile defined in a file on the node should be used.
    // +optional
    char *localhost_profile;
    kc_unknown_t unknown;
} core_v1_seccomp_profile_t;

// AppArmorProfile defines a pod or container's AppArmor settings.
typedef struct core_v1_app_armor_profile {
    // type indicates which kind of AppArmor profile will be applied.
    // +required
    core_v1_app_armor_profile_type_t type;
    // localhostProfile indicates a profile loaded on the node that should be used.
    // +optional
    char *localhost_profile;
    kc_unknown_t unknown;
} core_v1_app_armor_profile_t;

// SecurityContext holds security configuration that will be applied to a container.
typedef struct core_v1_security_context {
    // The capabilities to add/drop when running containers.
    // +optional
    core_v1_capabilities_t *capabilities;
    // Run container in privileged mode.
    // +optional
    bool *privileged;
    // The SELinux context to be applied to the container.
    // +optional
    core_v1_se_linux_options_t *se_linux_options;
    // The Windows specific settings applied to all containers.
    // +optional
    core_v1_windows_security_context_options_t *windows_options;
    // The UID to run the entrypoint of the container process.
    // +optional
    int64_t *run_as_user;
    // The GID to run the entrypoint of the container process.
    // +optional
    int64_t *run_as_group;
    // Indicates that the container must run as a non-root user.
    // +optional
    bool *run_as_non_root;
    // Whether this container has a read-only root filesystem.
    // +optional
    bool *read_only_root_filesystem;
    // AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent.
    // +optional
    bool *allow_privilege_escalation;
    // procMount denotes the type of proc mount to use for the containers.
    // +optional
    core_v1_proc_mount_type_t proc_mount;
    // The seccomp options to use by this container.
    // +optional
    core_v1_seccomp_profile_t *seccomp_profile;
    // appArmorProfile is the AppArmor options to use by this container.
    // +optional
    core_v1_app_armor_profile_t *app_armor_profile;
    kc_unknown_t unknown;
} core_v1_security_context_t;

// A single application container that you want to run within a pod.
typedef struct core_v1_container {
    // Name of the container specified as a DNS_LABEL, unique within the pod.
    // +required
    char *name;
    // Container image name.
    // +optional
    char *image;
    size_t n_command;
    // Entrypoint array, not executed within a shell; the image's ENTRYPOINT if not provided.
    // +optional
    // +listType=atomic
    char **command;
    size_t n_args;
    // Arguments to the entrypoint; the image's CMD if not provided.
    // +optional
    // +listType=atomic
    char **args;
    // Container's working directory.
    // +optional
    char *working_dir;
    size_t n_ports;
    // List of ports to expose from the container.
    // +optional
    // +patchMergeKey=containerPort
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=containerPort
    // +listMapKey=protocol
    core_v1_container_port_t *ports;
    size_t n_env_from;
    // List of sources to populate environment variables in the container.
    // +optional
    // +listType=atomic
    core_v1_env_from_source_t *env_from;
    size_t n_env;
    // List of environment variables to set in the container.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_env_var_t *env;
    // Compute Resources required by this container.
    // +optional
    core_v1_resource_requirements_t resources;
    size_t n_resize_policy;
    // Resources resize policy for the container.
    // +optional
    // +listType=atomic
    core_v1_container_resize_policy_t *resize_policy;
    // RestartPolicy of this container, overriding the pod's (ContainerRestartPolicy).
    // +optional
    char *restart_policy;
    size_t n_restart_policy_rules;
    // Rules checked in order to decide if the container is restarted on exit.
    // +optional
    // +listType=atomic
    core_v1_container_restart_rule_t *restart_policy_rules;
    size_t n_volume_mounts;
    // Pod volumes to mount into the container's filesystem.
    // +optional
    // +patchMergeKey=mountPath
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=mountPath
    core_v1_volume_mount_t *volume_mounts;
    size_t n_volume_devices;
    // volumeDevices is the list of block devices to be used by the container.
    // +patchMergeKey=devicePath
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=devicePath
    // +optional
    core_v1_volume_device_t *volume_devices;
    // Periodic probe of container liveness.
    // +optional
    core_v1_probe_t *liveness_probe;
    // Periodic probe of container service readiness.
    // +optional
    core_v1_probe_t *readiness_probe;
    // StartupProbe indicates that the Pod has successfully initialized.
    // +optional
    core_v1_probe_t *startup_probe;
    // Actions that the management system should take in response to container lifecycle events.
    // +optional
    core_v1_lifecycle_t *lifecycle;
    // Path of the file the container's termination message is written to.
    // +optional
    char *termination_message_path;
    // How the termination message should be populated: File or FallbackToLogsOnError.
    // +optional
    core_v1_termination_message_policy_t termination_message_policy;
    // Image pull policy: Always, Never, IfNotPresent.
    // +optional
    core_v1_pull_policy_t image_pull_policy;
    // SecurityContext defines the security options the container should be run with.
    // +optional
    core_v1_security_context_t *security_context;
    // Whether this container should allocate a buffer for stdin in the container runtime.
    // +json=stdin
    // +optional
    bool stdin_;
    // Whether the container runtime should close the stdin channel after a single attach.
    // +optional
    bool stdin_once;
    // Whether this container should allocate a TTY for itself, also requires 'stdin' to be true.
    // +optional
    bool tty;
    kc_unknown_t unknown;
} core_v1_container_t;

// An EphemeralContainer is a temporary container added to an existing Pod for user-initiated activities.
typedef struct core_v1_ephemeral_container {
    // EphemeralContainerCommon: the fields of Container (Go declares an identical copy).
    // +json:inline
    core_v1_container_t ephemeral_container_common;
    // If set, the name of the container from PodSpec that this ephemeral container targets.
    // +optional
    char *target_container_name;
    kc_unknown_t unknown;
} core_v1_ephemeral_container_t;

// Sysctl defines a kernel parameter to be set.
typedef struct core_v1_sysctl {
    // Name of a property to set.
    // +required
    char *name;
    // Value of a property to set.
    // +required
    char *value;
    kc_unknown_t unknown;
} core_v1_sysctl_t;

// PodSecurityContext holds pod-level security attributes and common container settings.
typedef struct core_v1_pod_security_context {
    // The SELinux context to be applied to all containers.
    // +optional
    core_v1_se_linux_options_t *se_linux_options;
    // The Windows specific settings applied to all containers.
    // +optional
    core_v1_windows_security_context_options_t *windows_options;
    // The UID to run the entrypoint of the container process.
    // +optional
    int64_t *run_as_user;
    // The GID to run the entrypoint of the container process.
    // +optional
    int64_t *run_as_group;
    // Indicates that the container must run as a non-root user.
    // +optional
    bool *run_as_non_root;
    size_t n_supplemental_groups;
    // A list of groups applied to the first process run in each container.
    // +optional
    // +listType=atomic
    int64_t *supplemental_groups;
    // Defines how supplemental groups of the first container processes are calculated.
    // +optional
    core_v1_supplemental_groups_policy_t supplemental_groups_policy;
    // A special supplemental group that applies to all containers in a pod.
    // +optional
    int64_t *fs_group;
    size_t n_sysctls;
    // Sysctls hold a list of namespaced sysctls used for the pod.
    // +optional
    // +listType=atomic
    core_v1_sysctl_t *sysctls;
    // fsGroupChangePolicy defines how ownership and permission of volumes is changed.
    // +optional
    core_v1_pod_fs_group_change_policy_t fs_group_change_policy;
    // The seccomp options to use by the containers in this pod.
    // +optional
    core_v1_seccomp_profile_t *seccomp_profile;
    // appArmorProfile is the AppArmor options to use by the containers in this pod.
    // +optional
    core_v1_app_armor_profile_t *app_armor_profile;
    // seLinuxChangePolicy: MountOption or Recursive (PodSELinuxChangePolicy).
    // +optional
    char *se_linux_change_policy;
    kc_unknown_t unknown;
} core_v1_pod_security_context_t;

// A node selector requirement: a key, an operator and values.
typedef struct core_v1_node_selector_requirement {
    // The label key that the selector applies to.
    // +required
    char *key;
    // Represents a key's relationship to a set of values.
    // +required
    core_v1_node_selector_operator_t operator;
    size_t n_values;
    // An array of string values.
    // +optional
    // +listType=atomic
    char **values;
    kc_unknown_t unknown;
} core_v1_node_selector_requirement_t;

// A null or empty node selector term matches no objects; its requirements are ANDed.
// +structType=atomic
typedef struct core_v1_node_selector_term {
    size_t n_match_expressions;
    // A list of node selector requirements by node's labels.
    // +optional
    // +listType=atomic
    core_v1_node_selector_requirement_t *match_expressions;
    size_t n_match_fields;
    // A list of node selector requirements by node's fields.
    // +optional
    // +listType=atomic
    core_v1_node_selector_requirement_t *match_fields;
    kc_unknown_t unknown;
} core_v1_node_selector_term_t;

// A node selector represents the union of the results of one or more label queries over a set of nodes.
// +structType=atomic
typedef struct core_v1_node_selector {
    size_t n_node_selector_terms;
    // Required. A list of node selector terms. The terms are ORed.
    // +required
    // +listType=atomic
    core_v1_node_selector_term_t *node_selector_terms;
    kc_unknown_t unknown;
} core_v1_node_selector_t;

// A preferred scheduling term: a node selector term with a weight.
typedef struct core_v1_preferred_scheduling_term {
    // Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.
    // +required
    int32_t weight;
    // A node selector term, associated with the corresponding weight.
    // +required
    core_v1_node_selector_term_t preference;
    kc_unknown_t unknown;
} core_v1_preferred_scheduling_term_t;

// Node affinity is a group of node affinity scheduling rules.
typedef struct core_v1_node_affinity {
    // Hard node constraints at scheduling time.
    // +optional
    core_v1_node_selector_t *required_during_scheduling_ignored_during_execution;
    size_t n_preferred_during_scheduling_ignored_during_execution;
    // Soft node constraints, weighted.
    // +optional
    // +listType=atomic
    core_v1_preferred_scheduling_term_t *preferred_during_scheduling_ignored_during_execution;
    kc_unknown_t unknown;
} core_v1_node_affinity_t;

// Defines a set of pods this pod should be co-located (affinity) or not co-located (anti-affinity) with.
typedef struct core_v1_pod_affinity_term {
    // A label query over a set of resources, in this case pods.
    // +optional
    meta_v1_label_selector_t *label_selector;
    size_t n_namespaces;
    // namespaces specifies a static list of namespace names that the term applies to.
    // +optional
    // +listType=atomic
    char **namespaces;
    // Node label key whose equal values define co-location.
    // +required
    char *topology_key;
    // A label query over the set of namespaces that the term applies to.
    // +optional
    meta_v1_label_selector_t *namespace_selector;
    size_t n_match_label_keys;
    // Incoming pod label keys merged into labelSelector as "key in (value)".
    // +listType=atomic
    // +optional
    char **match_label_keys;
    size_t n_mismatch_label_keys;
    // Incoming pod label keys merged into labelSelector as "key notin (value)".
    // +listType=atomic
    // +optional
    char **mismatch_label_keys;
    kc_unknown_t unknown;
} core_v1_pod_affinity_term_t;

// A pod affinity term with a weight.
typedef struct core_v1_weighted_pod_affinity_term {
    // weight associated with matching the corresponding podAffinityTerm, in the range 1-100.
    // +required
    int32_t weight;
    // Required. A pod affinity term, associated with the corresponding weight.
    // +required
    core_v1_pod_affinity_term_t pod_affinity_term;
    kc_unknown_t unknown;
} core_v1_weighted_pod_affinity_term_t;

// Pod affinity is a group of inter pod affinity scheduling rules.
typedef struct core_v1_pod_affinity {
    size_t n_required_during_scheduling_ignored_during_execution;
    // Hard affinity terms, all must be satisfied.
    // +optional
    // +listType=atomic
    core_v1_pod_affinity_term_t *required_during_scheduling_ignored_during_execution;
    size_t n_preferred_during_scheduling_ignored_during_execution;
    // Soft affinity terms, weighted.
    // +optional
    // +listType=atomic
    core_v1_weighted_pod_affinity_term_t *preferred_during_scheduling_ignored_during_execution;
    kc_unknown_t unknown;
} core_v1_pod_affinity_t;

// Pod anti affinity is a group of inter pod anti affinity scheduling rules.
typedef struct core_v1_pod_anti_affinity {
    size_t n_required_during_scheduling_ignored_during_execution;
    // Hard anti-affinity terms, all must be satisfied.
    // +optional
    // +listType=atomic
    core_v1_pod_affinity_term_t *required_during_scheduling_ignored_during_execution;
    size_t n_preferred_during_scheduling_ignored_during_execution;
    // Soft anti-affinity terms, weighted.
    // +optional
    // +listType=atomic
    core_v1_weighted_pod_affinity_term_t *preferred_during_scheduling_ignored_during_execution;
    kc_unknown_t unknown;
} core_v1_pod_anti_affinity_t;

// Affinity is a group of affinity scheduling rules.
typedef struct core_v1_affinity {
    // Describes node affinity scheduling rules for the pod.
    // +optional
    core_v1_node_affinity_t *node_affinity;
    // Describes pod affinity scheduling rules.
    // +optional
    core_v1_pod_affinity_t *pod_affinity;
    // Describes pod anti-affinity scheduling rules.
    // +optional
    core_v1_pod_anti_affinity_t *pod_anti_affinity;
    kc_unknown_t unknown;
} core_v1_affinity_t;

// The pod this Toleration is attached to tolerates any taint that matches <key,value,effect> using <operator>.
typedef struct core_v1_toleration {
    // Key is the taint key that the toleration applies to; empty means all keys.
    // +optional
    char *key;
    // Operator represents a key's relationship to the value; defaults to Equal.
    // +optional
    core_v1_toleration_operator_t operator;
    // Value is the taint value the toleration matches to.
    // +optional
    char *value;
    // Effect indicates the taint effect to match; empty means all effects.
    // +optional
    core_v1_taint_effect_t effect;
    // Period of time a NoExecute taint is tolerated; unset means forever.
    // +optional
    int64_t *toleration_seconds;
    kc_unknown_t unknown;
} core_v1_toleration_t;

// HostAlias holds the mapping between IP and hostnames that will be injected into the pod's hosts file.
typedef struct core_v1_host_alias {
    // IP address of the host file entry.
    // +required
    char *ip;
    size_t n_hostnames;
    // Hostnames for the above IP address.
    // +listType=atomic
    char **hostnames;
    kc_unknown_t unknown;
} core_v1_host_alias_t;

// PodDNSConfigOption defines DNS resolver options of a pod.
typedef struct core_v1_pod_dns_config_option {
    // Name is this DNS resolver option's name. Required.
    char *name;
    // Value is this DNS resolver option's value.
    // +optional
    char *value;
    kc_unknown_t unknown;
} core_v1_pod_dns_config_option_t;

// PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.
typedef struct core_v1_pod_dns_config {
    size_t n_nameservers;
    // A list of DNS name server IP addresses.
    // +optional
    // +listType=atomic
    char **nameservers;
    size_t n_searches;
    // A list of DNS search domains for host-name lookup.
    // +optional
    // +listType=atomic
    char **searches;
    size_t n_options;
    // A list of DNS resolver options.
    // +optional
    // +listType=atomic
    core_v1_pod_dns_config_option_t *options;
    kc_unknown_t unknown;
} core_v1_pod_dns_config_t;

// PodReadinessGate contains the reference to a pod condition.
typedef struct core_v1_pod_readiness_gate {
    // ConditionType refers to a condition in the pod's condition list with matching type.
    // +required
    char *condition_type;
    kc_unknown_t unknown;
} core_v1_pod_readiness_gate_t;

// TopologySpreadConstraint specifies how to spread matching pods among the given topology.
typedef struct core_v1_topology_spread_constraint {
    // MaxSkew describes the degree to which pods may be unevenly distributed.
    // +required
    int32_t max_skew;
    // TopologyKey is the key of node labels; nodes with identical values are one domain.
    // +required
    char *topology_key;
    // WhenUnsatisfiable: DoNotSchedule (default) or ScheduleAnyway.
    // +required
    core_v1_unsatisfiable_constraint_action_t when_unsatisfiable;
    // LabelSelector is used to find matching pods.
    // +optional
    meta_v1_label_selector_t *label_selector;
    // MinDomains indicates a minimum number of eligible domains.
    // +optional
    int32_t *min_domains;
    // How nodeAffinity/nodeSelector are treated when calculating skew: Honor or Ignore.
    // +optional
    core_v1_node_inclusion_policy_t node_affinity_policy;
    // How node taints are treated when calculating skew: Honor or Ignore.
    // +optional
    core_v1_node_inclusion_policy_t node_taints_policy;
    size_t n_match_label_keys;
    // Pod label keys ANDed with labelSelector to select the pods over which spreading is calculated.
    // +listType=atomic
    // +optional
    char **match_label_keys;
    kc_unknown_t unknown;
} core_v1_topology_spread_constraint_t;

// PodOS defines the OS parameters of a pod.
typedef struct core_v1_pod_os {
    // Name is the name of the operating system: linux or windows (OSName).
    // +required
    char *name;
    kc_unknown_t unknown;
} core_v1_pod_os_t;

// PodSchedulingGate is associated to a Pod to guard its scheduling.
typedef struct core_v1_pod_scheduling_gate {
    // Name of the scheduling gate.
    // +required
    char *name;
    kc_unknown_t unknown;
} core_v1_pod_scheduling_gate_t;

// PodResourceClaim references exactly one ResourceClaim, directly or through a ResourceClaimTemplate.
typedef struct core_v1_pod_resource_claim {
    // Name uniquely identifies this resource claim inside the pod.
    // +required
    char *name;
    // ResourceClaimName is the name of a ResourceClaim object in the same namespace.
    char *resource_claim_name;
    // ResourceClaimTemplateName is the name of a ResourceClaimTemplate in the same namespace.
    char *resource_claim_template_name;
    kc_unknown_t unknown;
} core_v1_pod_resource_claim_t;

// WorkloadReference identifies the Workload object and PodGroup membership of a Pod.
typedef struct core_v1_workload_reference {
    // Name defines the name of the Workload object this Pod belongs to.
    // +required
    char *name;
    // PodGroup is the name of the PodGroup within the Workload that this Pod belongs to.
    // +required
    char *pod_group;
    // PodGroupReplicaKey specifies the replica key of the PodGroup to which this Pod belongs.
    // +optional
    char *pod_group_replica_key;
    kc_unknown_t unknown;
} core_v1_workload_reference_t;

// PodSpec is a description of a pod.
typedef struct core_v1_pod_spec {
    size_t n_volumes;
    // List of volumes that can be mounted by containers belonging to the pod.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge,retainKeys
    // +listType=map
    // +listMapKey=name
    core_v1_volume_t *volumes;
    size_t n_init_containers;
    // List of initialization containers belonging to the pod.
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_container_t *init_containers;
    size_t n_containers;
    // List of containers belonging to the pod; at least one.
    // +required
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_container_t *containers;
    size_t n_ephemeral_containers;
    // List of ephemeral containers run in this pod.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_ephemeral_container_t *ephemeral_containers;
    // Restart policy for all containers within the pod: Always, OnFailure, Never.
    // +optional
    core_v1_restart_policy_t restart_policy;
    // Optional duration in seconds the pod needs to terminate gracefully.
    // +optional
    int64_t *termination_grace_period_seconds;
    // Optional duration in seconds the pod may be active on the node relative to StartTime.
    // +optional
    int64_t *active_deadline_seconds;
    // Set DNS policy for the pod; defaults to "ClusterFirst".
    // +optional
    core_v1_dns_policy_t dns_policy;
    size_t n_node_selector;
    // NodeSelector must match a node's labels for the pod to be scheduled on that node.
    // +optional
    // +mapType=atomic
    kc_str_entry_t *node_selector;  // +kc:map
    // ServiceAccountName is the name of the ServiceAccount to use to run this pod.
    // +optional
    char *service_account_name;
    // Deprecated alias for serviceAccountName (Go: DeprecatedServiceAccount).
    // +optional
    char *service_account;
    // Indicates whether a service account token should be automatically mounted.
    // +optional
    bool *automount_service_account_token;
    // NodeName indicates in which node this pod is scheduled.
    // +optional
    char *node_name;
    // Host networking requested for this pod.
    // +optional
    bool host_network;
    // Use the host's pid namespace.
    // +json=hostPID
    // +optional
    bool host_pid;
    // Use the host's ipc namespace.
    // +json=hostIPC
    // +optional
    bool host_ipc;
    // Share a single process namespace between all of the containers in a pod.
    // +optional
    bool *share_process_namespace;
    // SecurityContext holds pod-level security attributes and common container settings.
    // +optional
    core_v1_pod_security_context_t *security_context;
    size_t n_image_pull_secrets;
    // References to secrets in the same namespace to use for pulling images.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_local_object_reference_t *image_pull_secrets;
    // Specifies the hostname of the Pod.
    // +optional
    char *hostname;
    // If specified, the fully qualified Pod hostname is "<hostname>.<subdomain>.<namespace>.svc.<domain>".
    // +optional
    char *subdomain;
    // If specified, the pod's scheduling constraints.
    // +optional
    core_v1_affinity_t *affinity;
    // If specified, the pod will be dispatched by specified scheduler.
    // +optional
    char *scheduler_name;
    size_t n_tolerations;
    // If specified, the pod's tolerations.
    // +optional
    // +listType=atomic
    core_v1_toleration_t *tolerations;
    size_t n_host_aliases;
    // Hosts and IPs injected into the pod's hosts file.
    // +optional
    // +patchMergeKey=ip
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=ip
    core_v1_host_alias_t *host_aliases;
    // If specified, indicates the pod's priority class.
    // +optional
    char *priority_class_name;
    // The priority value, populated from PriorityClassName by the admission controller.
    // +optional
    int32_t *priority;
    // Specifies the DNS parameters of a pod.
    // +optional
    core_v1_pod_dns_config_t *dns_config;
    size_t n_readiness_gates;
    // If specified, all readiness gates will be evaluated for pod readiness.
    // +optional
    // +listType=atomic
    core_v1_pod_readiness_gate_t *readiness_gates;
    // RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group.
    // +optional
    char *runtime_class_name;
    // EnableServiceLinks indicates whether information about services is injected as env vars.
    // +optional
    bool *enable_service_links;
    // PreemptionPolicy is the Policy for preempting pods with lower priority.
    // +optional
    core_v1_preemption_policy_t preemption_policy;
    size_t n_overhead;
    // Overhead represents the resource overhead of running a pod for a given RuntimeClass.
    // +optional
    kc_quantity_entry_t *overhead;  // +kc:map
    size_t n_topology_spread_constraints;
    // How a group of pods ought to spread across topology domains.
    // +optional
    // +patchMergeKey=topologyKey
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=topologyKey
    // +listMapKey=whenUnsatisfiable
    core_v1_topology_spread_constraint_t *topology_spread_constraints;
    // If true the pod's hostname will be configured as the pod's FQDN.
    // +json=setHostnameAsFQDN
    // +optional
    bool *set_hostname_as_fqdn;
    // Specifies the OS of the containers in the pod.
    // +optional
    core_v1_pod_os_t *os;
    // Use the host's user namespace; defaults to true.
    // +optional
    bool *host_users;
    size_t n_scheduling_gates;
    // SchedulingGates block scheduling the pod while not empty.
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    // +optional
    core_v1_pod_scheduling_gate_t *scheduling_gates;
    size_t n_resource_claims;
    // ResourceClaims that must be allocated and reserved before the Pod is allowed to start.
    // +patchMergeKey=name
    // +patchStrategy=merge,retainKeys
    // +listType=map
    // +listMapKey=name
    // +optional
    core_v1_pod_resource_claim_t *resource_claims;
    // Resources is the total amount of CPU and Memory resources required by all containers.
    // +optional
    core_v1_resource_requirements_t *resources;
    // HostnameOverride specifies an explicit override for the pod's hostname.
    // +optional
    char *hostname_override;
    // WorkloadRef provides a reference to the Workload object that this Pod belongs to.
    // +optional
    core_v1_workload_reference_t *workload_ref;
    kc_unknown_t unknown;
} core_v1_pod_spec_t;

// PodTemplateSpec describes the data a pod should have when created from a template.
typedef struct core_v1_pod_template_spec {
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of the pod.
    // +optional
    core_v1_pod_spec_t spec;
    kc_unknown_t unknown;
} core_v1_pod_template_spec_t;

// PodCondition contains details for the current condition of this pod.
typedef struct core_v1_pod_condition {
    // Type is the type of the condition (PodConditionType).
    // +required
    char *type;
    // The .metadata.generation that the pod condition was set based upon.
    // +optional
    int64_t observed_generation;
    // Status is the status of the condition: True, False, Unknown (ConditionStatus).
    // +required
    char *status;
    // Last time we probed the condition.
    // +optional
    kc_time_t last_probe_time;
    // Last time the condition transitioned from one status to another.
    // +optional
    kc_time_t last_transition_time;
    // Unique, one-word, CamelCase reason for the condition's last transition.
    // +optional
    char *reason;
    // Human-readable message indicating details about last transition.
    // +optional
    char *message;
    kc_unknown_t unknown;
} core_v1_pod_condition_t;

// HostIP represents a single IP address allocated to the host.
typedef struct core_v1_host_ip {
    // IP is the IP address assigned to the host.
    // +required
    char *ip;
    kc_unknown_t unknown;
} core_v1_host_ip_t;

// PodIP represents a single IP address allocated to the pod.
typedef struct core_v1_pod_ip {
    // IP is the IP address assigned to the pod.
    // +required
    char *ip;
    kc_unknown_t unknown;
} core_v1_pod_ip_t;

// ContainerStateWaiting is a waiting state of a container.
typedef struct core_v1_container_state_waiting {
    // (brief) reason the container is not yet running.
    // +optional
    char *reason;
    // Message regarding why the container is not yet running.
    // +optional
    char *message;
    kc_unknown_t unknown;
} core_v1_container_state_waiting_t;

// ContainerStateRunning is a running state of a container.
typedef struct core_v1_container_state_running {
    // Time at which the container was last (re-)started.
    // +optional
    kc_time_t started_at;
    kc_unknown_t unknown;
} core_v1_container_state_running_t;

// ContainerStateTerminated is a terminated state of a container.
typedef struct core_v1_container_state_terminated {
    // Exit status from the last termination of the container.
    // +required
    int32_t exit_code;
    // Signal from the last termination of the container.
    // +optional
    int32_t signal;
    // (brief) reason from the last termination of the container.
    // +optional
    char *reason;
    // Message regarding the last termination of the container.
    // +optional
    char *message;
    // Time at which previous execution of the container started.
    // +optional
    kc_time_t started_at;
    // Time at which the container last terminated.
    // +optional
    kc_time_t finished_at;
    // Container's ID in the format '<type>://<container_id>'.
    // +json=containerID
    // +optional
    char *container_id;
    kc_unknown_t unknown;
} core_v1_container_state_terminated_t;

// ContainerState holds a possible state of container; only one of its members may be specified.
typedef struct core_v1_container_state {
    // Details about a waiting container.
    // +optional
    core_v1_container_state_waiting_t *waiting;
    // Details about a running container.
    // +optional
    core_v1_container_state_running_t *running;
    // Details about a terminated container.
    // +optional
    core_v1_container_state_terminated_t *terminated;
    kc_unknown_t unknown;
} core_v1_container_state_t;

// ImageVolumeStatus represents the image-based volume status.
typedef struct core_v1_image_volume_status {
    // ImageRef is the digest of the image used for this volume.
    // +kubebuilder:validation:MaxLength=256
    // +required
    char *image_ref;
    kc_unknown_t unknown;
} core_v1_image_volume_status_t;

// VolumeStatus represents the status of a mounted volume; at most one of its members is specified.
typedef struct core_v1_volume_status {
    // image represents an OCI object pulled and mounted on the kubelet's host machine.
    // +optional
    core_v1_image_volume_status_t *image;
    kc_unknown_t unknown;
} core_v1_volume_status_t;

// VolumeMountStatus shows status of volume mounts.
typedef struct core_v1_volume_mount_status {
    // Name corresponds to the name of the original VolumeMount.
    // +required
    char *name;
    // MountPath corresponds to the original VolumeMount.
    // +required
    char *mount_path;
    // ReadOnly corresponds to the original VolumeMount.
    // +optional
    bool read_only;
    // RecursiveReadOnly must be Disabled, Enabled, or unspecified.
    // +optional
    char *recursive_read_only;
    // volumeStatus represents volume-type-specific status about the mounted volume.
    // +optional
    core_v1_volume_status_t volume_status;
    kc_unknown_t unknown;
} core_v1_volume_mount_status_t;

// LinuxContainerUser represents user identity information in Linux containers.
typedef struct core_v1_linux_container_user {
    // UID is the primary uid initially attached to the first process in the container.
    // +required
    int64_t uid;
    // GID is the primary gid initially attached to the first process in the container.
    // +required
    int64_t gid;
    size_t n_supplemental_groups;
    // SupplementalGroups initially attached to the first process in the container.
    // +optional
    // +listType=atomic
    int64_t *supplemental_groups;
    kc_unknown_t unknown;
} core_v1_linux_container_user_t;

// ContainerUser represents user identity information.
typedef struct core_v1_container_user {
    // Linux holds user identity information of the first process of the containers in Linux.
    // +json=linux
    // +optional
    core_v1_linux_container_user_t *linux_;
    kc_unknown_t unknown;
} core_v1_container_user_t;

// ResourceHealth represents the health of a resource.
typedef struct core_v1_resource_health {
    // ResourceID is the unique identifier of the resource.
    // +json=resourceID
    // +required
    char *resource_id;
    // Health of the resource: Healthy, Unhealthy or Unknown.
    char *health;
    kc_unknown_t unknown;
} core_v1_resource_health_t;

// ResourceStatus represents the status of a single resource allocated to a Pod.
typedef struct core_v1_resource_status {
    // Name of the resource.
    // +required
    char *name;
    size_t n_resources;
    // List of unique resources health.
    // +listType=map
    // +listMapKey=resourceID
    core_v1_resource_health_t *resources;
    kc_unknown_t unknown;
} core_v1_resource_status_t;

// ContainerStatus contains details for the current status of this container.
typedef struct core_v1_container_status {
    // Name is a DNS_LABEL representing the unique name of the container.
    // +required
    char *name;
    // State holds details about the container's current condition.
    // +optional
    core_v1_container_state_t state;
    // LastTerminationState holds the last termination state of the container.
    // +optional
    core_v1_container_state_t last_state;
    // Ready specifies whether the container is currently passing its readiness check.
    // +required
    bool ready;
    // RestartCount holds the number of times the container has been restarted.
    // +required
    int32_t restart_count;
    // Image is the name of container image that the container is running.
    // +required
    char *image;
    // ImageID is the image ID of the container's image.
    // +json=imageID
    // +required
    char *image_id;
    // ContainerID is the ID of the container in the format '<type>://<container_id>'.
    // +json=containerID
    // +optional
    char *container_id;
    // Started indicates whether the container has finished its postStart hook and passed its startup probe.
    // +optional
    bool *started;
    size_t n_allocated_resources;
    // AllocatedResources represents the compute resources allocated for this container by the node.
    // +optional
    kc_quantity_entry_t *allocated_resources;  // +kc:map
    // Resources represents the compute resource requests and limits enacted on the running container.
    // +optional
    core_v1_resource_requirements_t *resources;
    size_t n_volume_mounts;
    // Status of volume mounts.
    // +optional
    // +patchMergeKey=mountPath
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=mountPath
    core_v1_volume_mount_status_t *volume_mounts;
    // User represents user identity information initially attached to the first process of the container.
    // +optional
    core_v1_container_user_t *user;
    size_t n_allocated_resources_status;
    // AllocatedResourcesStatus represents the status of various resources allocated for this Pod.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_resource_status_t *allocated_resources_status;
    // StopSignal reports the effective stop signal for this container.
    // +optional
    char *stop_signal;
    kc_unknown_t unknown;
} core_v1_container_status_t;

// PodResourceClaimStatus stores the generated name of the ResourceClaim of a PodResourceClaim.
typedef struct core_v1_pod_resource_claim_status {
    // Name uniquely identifies this resource claim inside the pod.
    // +required
    char *name;
    // ResourceClaimName is the name of the ResourceClaim that was generated for the Pod.
    // +optional
    char *resource_claim_name;
    kc_unknown_t unknown;
} core_v1_pod_resource_claim_status_t;

// ContainerExtendedResourceRequest maps container name and extended resource name to a device request.
typedef struct core_v1_container_extended_resource_request {
    // The name of the container requesting resources.
    // +required
    char *container_name;
    // The name of the extended resource in that container which gets backed by DRA.
    // +required
    char *resource_name;
    // The name of the request in the special ResourceClaim which corresponds to the extended resource.
    // +required
    char *request_name;
    kc_unknown_t unknown;
} core_v1_container_extended_resource_request_t;

// PodExtendedResourceClaimStatus stores the ResourceClaim generated for extended resources backed by DRA.
typedef struct core_v1_pod_extended_resource_claim_status {
    size_t n_request_mappings;
    // RequestMappings maps <container, extended resource> to device requests.
    // +required
    // +listType=atomic
    core_v1_container_extended_resource_request_t *request_mappings;
    // ResourceClaimName is the name of the ResourceClaim that was generated for the Pod.
    // +required
    char *resource_claim_name;
    kc_unknown_t unknown;
} core_v1_pod_extended_resource_claim_status_t;

// PodStatus represents information about the status of a pod.
typedef struct core_v1_pod_status {
    // The .metadata.generation that the pod status was set based upon.
    // +optional
    int64_t observed_generation;
    // The phase of a Pod: Pending, Running, Succeeded, Failed or Unknown.
    // +optional
    core_v1_pod_phase_t phase;
    size_t n_conditions;
    // Current service state of pod.
    // +optional
    // +patchMergeKey=type
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=type
    core_v1_pod_condition_t *conditions;
    // A human readable message indicating details about why the pod is in this condition.
    // +optional
    char *message;
    // A brief CamelCase message indicating details about why the pod is in this state.
    // +optional
    char *reason;
    // nominatedNodeName is set when this pod preempts other pods on the node.
    // +optional
    char *nominated_node_name;
    // hostIP holds the IP address of the host to which the pod is assigned.
    // +json=hostIP
    // +optional
    char *host_ip;
    size_t n_host_ips;
    // hostIPs holds the IP addresses allocated to the host.
    // +json=hostIPs
    // +optional
    // +patchStrategy=merge
    // +patchMergeKey=ip
    // +listType=atomic
    core_v1_host_ip_t *host_ips;
    // podIP address allocated to the pod.
    // +json=podIP
    // +optional
    char *pod_ip;
    size_t n_pod_ips;
    // podIPs holds the IP addresses allocated to the pod.
    // +json=podIPs
    // +optional
    // +patchStrategy=merge
    // +patchMergeKey=ip
    // +listType=map
    // +listMapKey=ip
    core_v1_pod_ip_t *pod_ips;
    // RFC 3339 date and time at which the object was acknowledged by the Kubelet.
    // +optional
    kc_time_t *start_time;
    size_t n_init_container_statuses;
    // Statuses of init containers in this pod.
    // +listType=atomic
    core_v1_container_status_t *init_container_statuses;
    size_t n_container_statuses;
    // Statuses of containers in this pod.
    // +optional
    // +listType=atomic
    core_v1_container_status_t *container_statuses;
    // The Quality of Service (QOS) classification assigned to the pod.
    // +optional
    core_v1_pod_qos_class_t qos_class;
    size_t n_ephemeral_container_statuses;
    // Statuses for any ephemeral containers that have run in this pod.
    // +optional
    // +listType=atomic
    core_v1_container_status_t *ephemeral_container_statuses;
    // Deprecated: status of resources resize desired for pod's containers.
    // +optional
    char *resize;
    size_t n_resource_claim_statuses;
    // Status of resource claims.
    // +patchMergeKey=name
    // +patchStrategy=merge,retainKeys
    // +listType=map
    // +listMapKey=name
    // +optional
    core_v1_pod_resource_claim_status_t *resource_claim_statuses;
    // Status of extended resource claim backed by DRA.
    // +optional
    core_v1_pod_extended_resource_claim_status_t *extended_resource_claim_status;
    size_t n_allocated_resources;
    // AllocatedResources is the total requests allocated for this pod by the node.
    // +optional
    kc_quantity_entry_t *allocated_resources;  // +kc:map
    // Resources applied at the pod level if pod-level requests or limits are set.
    // +optional
    core_v1_resource_requirements_t *resources;
    kc_unknown_t unknown;
} core_v1_pod_status_t;

// Pod is a collection of containers that can run on a host.
// +genclient
// +kubebuilder:subresource:status
typedef struct core_v1_pod {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Specification of the desired behavior of the pod.
    // +optional
    core_v1_pod_spec_t spec;
    // Most recently observed status of the pod. Read-only.
    // +optional
    core_v1_pod_status_t status;
    kc_unknown_t unknown;
} core_v1_pod_t;

// ClientIPConfig represents the configurations of Client IP based session affinity.
typedef struct core_v1_client_ip_config {
    // timeoutSeconds specifies the seconds of ClientIP type session sticky time.
    // +optional
    int32_t *timeout_seconds;
    kc_unknown_t unknown;
} core_v1_client_ip_config_t;

// SessionAffinityConfig represents the configurations of session affinity.
typedef struct core_v1_session_affinity_config {
    // clientIP contains the configurations of Client IP based session affinity.
    // +json=clientIP
    // +optional
    core_v1_client_ip_config_t *client_ip;
    kc_unknown_t unknown;
} core_v1_session_affinity_config_t;

// ServicePort contains information on service's port.
typedef struct core_v1_service_port {
    // The name of this port within the service, a DNS_LABEL.
    // +optional
    char *name;
    // The IP protocol for this port: "TCP", "UDP", and "SCTP"; default is TCP.
    // +default="TCP"
    // +optional
    core_v1_protocol_t protocol;
    // The application protocol for this port.
    // +optional
    char *app_protocol;
    // The port that will be exposed by this service.
    // +required
    int32_t port;
    // Number or name of the port to access on the pods targeted by the service.
    // +optional
    kc_int_or_string_t target_port;
    // The port on each node on which this service is exposed when type is NodePort or LoadBalancer.
    // +optional
    int32_t node_port;
    kc_unknown_t unknown;
} core_v1_service_port_t;

// ServiceSpec describes the attributes that a user creates on a service.
typedef struct core_v1_service_spec {
    size_t n_ports;
    // The list of ports that are exposed by this service.
    // +patchMergeKey=port
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=port
    // +listMapKey=protocol
    core_v1_service_port_t *ports;
    size_t n_selector;
    // Route service traffic to pods with label keys and values matching this selector.
    // +optional
    // +mapType=atomic
    kc_str_entry_t *selector;  // +kc:map
    // clusterIP is the IP address of the service; "None" makes a headless service.
    // +json=clusterIP
    // +optional
    char *cluster_ip;
    size_t n_cluster_ips;
    // ClusterIPs is a list of IP addresses assigned to this service.
    // +json=clusterIPs
    // +listType=atomic
    // +optional
    char **cluster_ips;
    // type determines how the Service is exposed; defaults to ClusterIP.
    // +optional
    core_v1_service_type_t type;
    size_t n_external_ips;
    // externalIPs is a list of IP addresses for which nodes also accept traffic for this service.
    // +json=externalIPs
    // +optional
    // +listType=atomic
    char **external_ips;
    // Supports "ClientIP" and "None"; defaults to None.
    // +optional
    core_v1_service_affinity_t session_affinity;
    // Deprecated: the load balancer IP requested for type LoadBalancer.
    // +json=loadBalancerIP
    // +optional
    char *load_balancer_ip;
    size_t n_load_balancer_source_ranges;
    // Client IP ranges allowed through the cloud-provider load-balancer.
    // +optional
    // +listType=atomic
    char **load_balancer_source_ranges;
    // externalName is the external reference returned as an alias (CNAME) for this service.
    // +optional
    char *external_name;
    // How nodes distribute traffic received on external addresses: Cluster or Local.
    // +optional
    core_v1_service_external_traffic_policy_t external_traffic_policy;
    // healthCheckNodePort specifies the healthcheck nodePort for the service.
    // +optional
    int32_t health_check_node_port;
    // Endpoints of this Service disregard any indications of ready/not-ready.
    // +optional
    bool publish_not_ready_addresses;
    // sessionAffinityConfig contains the configurations of session affinity.
    // +optional
    core_v1_session_affinity_config_t *session_affinity_config;
    size_t n_ip_families;
    // IPFamilies is a list of IP families (IPv4, IPv6) assigned to this service.
    // +listType=atomic
    // +optional
    core_v1_ip_family_t *ip_families;
    // IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.
    // +optional
    core_v1_ip_family_policy_t ip_family_policy;
    // Whether NodePorts are automatically allocated for type LoadBalancer; default true.
    // +optional
    bool *allocate_load_balancer_node_ports;
    // loadBalancerClass is the class of the load balancer implementation this Service belongs to.
    // +optional
    char *load_balancer_class;
    // How nodes distribute traffic they receive on the ClusterIP: Cluster or Local.
    // +optional
    core_v1_service_internal_traffic_policy_t internal_traffic_policy;
    // TrafficDistribution expresses preferences for how traffic is distributed to Service endpoints.
    // +optional
    char *traffic_distribution;
    kc_unknown_t unknown;
} core_v1_service_spec_t;

// PortStatus represents the error condition of a service port.
typedef struct core_v1_port_status {
    // Port is the port number of the service port of which status is recorded here.
    // +required
    int32_t port;
    // Protocol is the protocol of the service port of which status is recorded here.
    // +required
    core_v1_protocol_t protocol;
    // Error is to record the problem with the service port.
    // +optional
    // +kubebuilder:validation:Pattern=`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$`
    // +kubebuilder:validation:MaxLength=316
    char *error;
    kc_unknown_t unknown;
} core_v1_port_status_t;

// LoadBalancerIngress represents the status of a load-balancer ingress point.
typedef struct core_v1_load_balancer_ingress {
    // IP is set for load-balancer ingress points that are IP based.
    // +optional
    char *ip;
    // Hostname is set for load-balancer ingress points that are DNS based.
    // +optional
    char *hostname;
    // IPMode specifies how the load-balancer IP behaves: VIP or Proxy (LoadBalancerIPMode).
    // +optional
    char *ip_mode;
    size_t n_ports;
    // Ports is a list of records of service ports.
    // +listType=atomic
    // +optional
    core_v1_port_status_t *ports;
    kc_unknown_t unknown;
} core_v1_load_balancer_ingress_t;

// LoadBalancerStatus represents the status of a load-balancer.
typedef struct core_v1_load_balancer_status {
    size_t n_ingress;
    // Ingress is a list containing ingress points for the load-balancer.
    // +optional
    // +listType=atomic
    core_v1_load_balancer_ingress_t *ingress;
    kc_unknown_t unknown;
} core_v1_load_balancer_status_t;

// ServiceStatus represents the current status of a service.
typedef struct core_v1_service_status {
    // LoadBalancer contains the current status of the load-balancer, if one is present.
    // +optional
    core_v1_load_balancer_status_t load_balancer;
    size_t n_conditions;
    // Current service state.
    // +optional
    // +patchMergeKey=type
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=type
    meta_v1_condition_t *conditions;
    kc_unknown_t unknown;
} core_v1_service_status_t;

// Service is a named abstraction of software service consisting of a port and a pod selector.
// +genclient
// +genclient:skipVerbs=deleteCollection
// +kubebuilder:subresource:status
typedef struct core_v1_service {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Spec defines the behavior of a service.
    // +optional
    core_v1_service_spec_t spec;
    // Most recently observed status of the service. Read-only.
    // +optional
    core_v1_service_status_t status;
    kc_unknown_t unknown;
} core_v1_service_t;

// NamespaceSpec describes the attributes on a Namespace.
typedef struct core_v1_namespace_spec {
    size_t n_finalizers;
    // Finalizers is an opaque list of values that must be empty to permanently remove object from storage.
    // +optional
    // +listType=atomic
    char **finalizers;
    kc_unknown_t unknown;
} core_v1_namespace_spec_t;

// NamespaceCondition contains details about state of namespace.
typedef struct core_v1_namespace_condition {
    // Type of namespace controller condition (NamespaceConditionType).
    // +required
    char *type;
    // Status of the condition, one of True, False, Unknown.
    // +required
    char *status;
    // Last time the condition transitioned from one status to another.
    // +optional
    kc_time_t last_transition_time;
    // Unique, one-word, CamelCase reason for the condition's last transition.
    // +optional
    char *reason;
    // Human-readable message indicating details about last transition.
    // +optional
    char *message;
    kc_unknown_t unknown;
} core_v1_namespace_condition_t;

// NamespaceStatus is information about the current status of a Namespace.
typedef struct core_v1_namespace_status {
    // Phase is the current lifecycle phase of the namespace.
    // +optional
    core_v1_namespace_phase_t phase;
    size_t n_conditions;
    // Represents the latest available observations of a namespace's current state.
    // +optional
    // +patchMergeKey=type
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=type
    core_v1_namespace_condition_t *conditions;
    kc_unknown_t unknown;
} core_v1_namespace_status_t;

// Namespace provides a scope for Names.
// +genclient
// +genclient:nonNamespaced
// +genclient:skipVerbs=deleteCollection
// +kubebuilder:subresource:status
typedef struct core_v1_namespace {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Spec defines the behavior of the Namespace.
    // +optional
    core_v1_namespace_spec_t spec;
    // Status describes the current status of a Namespace.
    // +optional
    core_v1_namespace_status_t status;
    kc_unknown_t unknown;
} core_v1_namespace_t;

// ConfigMap holds configuration data for pods to consume.
// +genclient
// +genclient:noStatus
typedef struct core_v1_config_map {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated.
    // +optional
    bool *immutable;
    size_t n_data;
    // Data contains the configuration data (UTF-8 values).
    // +optional
    kc_str_entry_t *data;  // +kc:map
    size_t n_binary_data;
    // BinaryData contains the binary data; values are base64 strings as on the wire (Go []byte).
    // +optional
    kc_str_entry_t *binary_data;  // +kc:map
    kc_unknown_t unknown;
} core_v1_config_map_t;

// Secret holds secret data of a certain type.
// +genclient
// +genclient:noStatus
typedef struct core_v1_secret {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    // Immutable, if set to true, ensures that data stored in the Secret cannot be updated.
    // +optional
    bool *immutable;
    size_t n_data;
    // Data contains the secret data; values are base64 strings as on the wire (Go []byte).
    // +optional
    kc_str_entry_t *data;  // +kc:map
    size_t n_string_data;
    // stringData is a write-only convenience field merged into data on write.
    // +optional
    kc_str_entry_t *string_data;  // +kc:map
    // Used to facilitate programmatic handling of secret data (SecretType).
    // +optional
    char *type;
    kc_unknown_t unknown;
} core_v1_secret_t;

// ServiceAccount binds together a name, a principal that can be authenticated and authorized, and secrets.
// +genclient
// +genclient:noStatus
typedef struct core_v1_service_account {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +optional
    meta_v1_object_meta_t metadata;
    size_t n_secrets;
    // Secrets in the same namespace that pods running using this ServiceAccount are allowed to use.
    // +optional
    // +patchMergeKey=name
    // +patchStrategy=merge
    // +listType=map
    // +listMapKey=name
    core_v1_object_reference_t *secrets;
    size_t n_image_pull_secrets;
    // Secrets in the same namespace to use for pulling images of pods using this account.
    // +optional
    // +listType=atomic
    core_v1_local_object_reference_t *image_pull_secrets;
    // Whether pods running as this service account should have an API token automatically mounted.
    // +optional
    bool *automount_service_account_token;
    kc_unknown_t unknown;
} core_v1_service_account_t;

// EventSource contains information for an event.
typedef struct core_v1_event_source {
    // Component from which the event is generated.
    // +optional
    char *component;
    // Node name on which the event is generated.
    // +optional
    char *host;
    kc_unknown_t unknown;
} core_v1_event_source_t;

// EventSeries contain information on series of events.
typedef struct core_v1_event_series {
    // Number of occurrences in this series up to the last heartbeat time.
    int32_t count;
    // Time of the last occurrence observed.
    kc_micro_time_t last_observed_time;
    kc_unknown_t unknown;
} core_v1_event_series_t;

// Event is a report of an event somewhere in the cluster.
// +genclient
// +genclient:noStatus
typedef struct core_v1_event {
    // +json:inline
    meta_v1_type_meta_t type_meta;
    // Standard object's metadata.
    // +required
    meta_v1_object_meta_t metadata;
    // The object that this event is about.
    // +required
    core_v1_object_reference_t involved_object;
    // A short, machine understandable reason for the transition into the object's current status.
    // +optional
    char *reason;
    // A human-readable description of the status of this operation.
    // +optional
    char *message;
    // The component reporting this event.
    // +optional
    core_v1_event_source_t source;
    // The time at which the event was first recorded.
    // +optional
    kc_time_t first_timestamp;
    // The time at which the most recent occurrence of this event was recorded.
    // +optional
    kc_time_t last_timestamp;
    // The number of times this event has occurred.
    // +optional
    int32_t count;
    // Type of this event (Normal, Warning), new types could be added in the future.
    // +optional
    char *type;
    // Time when this Event was first observed.
    // +optional
    kc_micro_time_t event_time;
    // Data about the Event series this event represents or nil if it's a singleton Event.
    // +optional
    core_v1_event_series_t *series;
    // What action was taken/failed regarding to the Regarding object.
    // +optional
    char *action;
    // Optional secondary object for more complex actions.
    // +optional
    core_v1_object_reference_t *related;
    // Name of the controller that emitted this Event (Go: ReportingController).
    // +optional
    char *reporting_component;
    // ID of the controller instance, e.g. `kubelet-xyzf`.
    // +optional
    char *reporting_instance;
    kc_unknown_t unknown;
} core_v1_event_t;

#endif /* KC_APIS_CORE_V1_TYPES_H */
