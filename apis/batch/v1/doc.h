// Package v1 is k8s.io/api/batch/v1.
// +groupName=batch
// +k8s:deepcopy-gen=package
