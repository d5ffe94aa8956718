// Command exec-floor does nothing and exits with 0: the process-start floor on machines without a C
// compiler. A Go binary starts its runtime first, so this floor is higher than the static C one.
package main

func main() {}
