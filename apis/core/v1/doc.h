// Package v1 is k8s.io/api/core/v1, the core ("legacy") group served under /api/v1.
// +groupName=
// +k8s:deepcopy-gen=package
