// Command toolexec-recorder runs one tool unchanged and records how long it took.
//
// It is used in three ways by the gorunbench harness:
//
//	go build -toolexec=/path/toolexec-recorder ...   records compile, asm, cgo, pack, link, ...
//	go run -exec=/path/toolexec-recorder ...         records the program go run starts
//	a copy named gcc (or g++, cc, c++) first on PATH  records the C compiler, which the go command,
//	                                                 cgo and the external linker start without -toolexec
//
// In the first two uses the first argument is the tool and the rest are its arguments. A copy named
// after a C compiler looks that name up in GORUNBENCH_RECORDER_PATH, the PATH without the copy's
// directory.
//
// The tool gets the same arguments, standard input, output and error, and its exit code becomes the
// recorder's. For each call the recorder writes one JSON file into the directory
// GORUNBENCH_RECORDER_DIR: the tool name and path, its arguments, the package (TOOLEXEC_IMPORTPATH,
// set by the go command for -toolexec), the working directory, the recorded tool it runs under
// (GORUNBENCH_RECORDER_PARENT, for example cgo for the C compiler calls cgo makes), the start and end
// as Unix nanoseconds, how long starting the process took, and the user and system CPU time.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

const (
	envDir    = "GORUNBENCH_RECORDER_DIR"
	envPath   = "GORUNBENCH_RECORDER_PATH"
	envParent = "GORUNBENCH_RECORDER_PARENT"
	selfName  = "toolexec-recorder"
)

// call is one recorded tool call; field names are part of the file format the harness reads.
type call struct {
	Tool          string   `json:"tool"`
	Path          string   `json:"path"`
	Args          []string `json:"args"`
	Package       string   `json:"package"`
	Dir           string   `json:"dir"`
	Parent        string   `json:"parent"`
	StartUnixNano int64    `json:"startUnixNano"`
	EndUnixNano   int64    `json:"endUnixNano"`
	LaunchNanos   int64    `json:"launchNanos"`
	UserNanos     int64    `json:"userNanos"`
	SystemNanos   int64    `json:"systemNanos"`
	ExitCode      int      `json:"exitCode"`
}

func main() {
	os.Exit(run(os.Args))
}

func run(argv []string) int {
	recordDir := os.Getenv(envDir)
	if recordDir == "" {
		fmt.Fprintf(os.Stderr, "%s: %s is not set; set it to the directory that receives the records\n", selfName, envDir)
		return 2
	}
	tool, path, args, err := resolve(argv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", selfName, err)
		return 2
	}

	dir, _ := os.Getwd()
	rec := call{
		Tool:    tool,
		Path:    path,
		Args:    args,
		Package: os.Getenv("TOOLEXEC_IMPORTPATH"),
		Dir:     dir,
		Parent:  os.Getenv(envParent),
	}

	cmd := exec.Command(path, args...)
	cmd.Stdin = os.Stdin
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), envParent+"="+tool)

	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start %s: %v\n", selfName, path, err)
		return 2
	}
	launched := time.Now()
	waitErr := cmd.Wait()
	end := time.Now()

	rec.StartUnixNano = start.UnixNano()
	rec.EndUnixNano = end.UnixNano()
	rec.LaunchNanos = launched.Sub(start).Nanoseconds()
	rec.UserNanos = cmd.ProcessState.UserTime().Nanoseconds()
	rec.SystemNanos = cmd.ProcessState.SystemTime().Nanoseconds()
	rec.ExitCode = cmd.ProcessState.ExitCode()

	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		fmt.Fprintf(os.Stderr, "%s: waiting for %s failed: %v\n", selfName, path, waitErr)
		return 2
	}
	if err := write(recordDir, rec); err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not record the call of %s: %v\n", selfName, tool, err)
		return 2
	}
	if rec.ExitCode < 0 {
		// Killed by a signal: ExitCode reports -1, which is not a valid exit status.
		return 1
	}
	return rec.ExitCode
}

// resolve returns the tool's name, its executable and its arguments.
func resolve(argv []string) (string, string, []string, error) {
	self := toolName(argv[0])
	if self != selfName {
		// A copy named after a C compiler: find the real one on the PATH without the copy.
		searchPath, ok := os.LookupEnv(envPath)
		if !ok {
			return "", "", nil, fmt.Errorf("%s is not set, so the real %s cannot be found", envPath, self)
		}
		path, err := lookPath(self, searchPath)
		if err != nil {
			return "", "", nil, err
		}
		return self, path, argv[1:], nil
	}
	if len(argv) < 2 {
		return "", "", nil, fmt.Errorf("usage: %s TOOL [ARGUMENTS...]", selfName)
	}
	return toolName(argv[1]), argv[1], argv[2:], nil
}

// toolName returns the file name of an executable without directory and .exe suffix.
func toolName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".exe")
}

// lookPath finds name in the directories of searchPath, trying the extensions of PATHEXT on Windows.
func lookPath(name, searchPath string) (string, error) {
	extensions := []string{""}
	if pathext := os.Getenv("PATHEXT"); pathext != "" {
		extensions = append(extensions, strings.Split(strings.ToLower(pathext), ";")...)
	}
	for _, dir := range filepath.SplitList(searchPath) {
		if dir == "" {
			continue
		}
		for _, ext := range extensions {
			candidate := filepath.Join(dir, name+ext)
			if info, err := os.Stat(candidate); err == nil && info.Mode().IsRegular() && (runtime.GOOS == "windows" || info.Mode().Perm()&0o111 != 0) {
				return candidate, nil
			}
		}
	}
	return "", fmt.Errorf("%s was not found in %s=%s", name, envPath, searchPath)
}

// write stores rec as a new file in dir, through a temp file and a rename so readers never see half a record.
func write(dir string, rec call) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("%d-%d", rec.StartUnixNano, os.Getpid())
	temp := filepath.Join(dir, "."+name+".tmp")
	if err := os.WriteFile(temp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(temp, filepath.Join(dir, name+".json"))
}
