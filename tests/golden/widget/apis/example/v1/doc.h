// Package v1 is the worked example of docs/header-language.md §6.
// +groupName=example.com
