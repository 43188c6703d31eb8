// +groupName=meta.k8s.io
