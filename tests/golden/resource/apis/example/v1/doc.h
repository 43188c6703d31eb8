// Package v1 is the worked example of docs/header-language.md §6 (kept in this golden case).
// +groupName=example.com
