// Package v1 is a small API for golden tests: scalars and string enums.
// +groupName=demo.example.com
// +k8s:deepcopy-gen=package
