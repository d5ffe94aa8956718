module gorunbench.dev/calibration/linkdelay

go 1.18
