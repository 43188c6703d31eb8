// +groupName=demo.example.com
// +groupName=other.example.com
