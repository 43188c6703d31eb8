// Package v1 is github.com/kubeflow/common/pkg/apis/common/v1: types shared by training-job
// operators (no kinds of its own, so nothing here is +genclient).
// +groupName=kubeflow.org
// +k8s:deepcopy-gen=package
