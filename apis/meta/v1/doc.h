// Package v1 is k8s.io/apimachinery/pkg/apis/meta/v1: object metadata, Status, DeleteOptions,
// watch events and the discovery documents. meta.k8s.io has no REST resources: nothing here
// is +genclient, and the group name below is documentation only.
// +groupName=meta.k8s.io
// +k8s:deepcopy-gen=package
