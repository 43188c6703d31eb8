// +groupName=alpha.example.com
