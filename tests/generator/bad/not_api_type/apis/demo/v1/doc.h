// +groupName=demo.example.com
