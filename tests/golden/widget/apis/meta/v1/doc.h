// Package v1 is a minimal meta.k8s.io/v1 for golden tests.
// +groupName=meta.k8s.io
