// Command linkdelay is a -toolexec wrapper for calibrating the regression gate: it runs every tool
// unchanged, and before each invocation of the linker it sleeps for GORUNBENCH_LINK_DELAY_MS milliseconds.
//
// The go command runs "link -V=full" through the wrapper in every build made with -toolexec, also in a
// warm build that does not link again, so each warm "go build" gets exactly one delay.
//
// Usage: go build -toolexec=/path/to/linkdelay ...
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: linkdelay TOOL [ARGUMENTS...] (run it with go build -toolexec)")
		os.Exit(2)
	}
	tool := os.Args[1]
	if strings.TrimSuffix(filepath.Base(tool), ".exe") == "link" {
		delay, err := delayFromEnvironment()
		if err != nil {
			fmt.Fprintln(os.Stderr, "linkdelay:", err)
			os.Exit(2)
		}
		time.Sleep(delay)
	}
	cmd := exec.Command(tool, os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "linkdelay:", err)
		os.Exit(1)
	}
}

func delayFromEnvironment() (time.Duration, error) {
	value := os.Getenv("GORUNBENCH_LINK_DELAY_MS")
	if value == "" {
		return 0, nil
	}
	ms, err := strconv.Atoi(value)
	if err != nil || ms < 0 {
		return 0, fmt.Errorf("GORUNBENCH_LINK_DELAY_MS=%q is not a whole number of milliseconds >= 0", value)
	}
	return time.Duration(ms) * time.Millisecond, nil
}
