module gorunbench.dev/toolexec-recorder

go 1.18
