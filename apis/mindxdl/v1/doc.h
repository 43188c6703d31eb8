// Package v1 contains API Schema definitions for the mindxdl v1 API group (AscendJob).
// +groupName=mindxdl.gitee.com
// +k8s:deepcopy-gen=package
