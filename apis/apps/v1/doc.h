// Package v1 is k8s.io/api/apps/v1.
// +groupName=apps
// +k8s:deepcopy-gen=package
