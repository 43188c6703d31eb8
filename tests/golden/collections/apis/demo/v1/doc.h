// +groupName=demo.example.com
// +kc:prefix=demo_v1
