// Package v1 forgot its group.
// +k8s:deepcopy-gen=package
