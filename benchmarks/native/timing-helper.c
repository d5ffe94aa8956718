/*
 * timing-helper: starts one program, waits for it with wait4(2) and writes how long it ran and what it
 * used, so the JVM's own cost of starting a process falls outside the measured interval.
 *
 * Usage: timing-helper [--after-stdin-eof] REPORT_FILE PROGRAM [ARGUMENT...]
 *
 * With --after-stdin-eof the helper first reads its stdin until end of file, and only then starts the
 * clock and the program. A caller that closes the helper's stdin once it has finished its own work of
 * starting the helper (the JVM starts threads then) keeps that work out of the measured interval. The
 * program then inherits the exhausted stdin.
 *
 * PROGRAM runs with the helper's environment, working directory, stdin, stdout and stderr, which it
 * inherits unchanged. When it has exited, the helper writes one line to REPORT_FILE (created or
 * truncated after the child exits, so the child never sees the file):
 *
 *   gorunbench-timing 1 wall_ns=N user_us=N sys_us=N maxrss_kib=N exit=N signal=N
 *
 * wall_ns is CLOCK_MONOTONIC from just before posix_spawn to just after wait4 returned. user_us and
 * sys_us are the child's CPU time plus that of every descendant it waited for; maxrss_kib is the largest
 * peak resident set of the child or any such descendant (not their sum), as Linux reports them in the
 * rusage of wait4. exit is the child's exit code, or -1 when a signal killed it (signal is then that
 * signal's number, else 0).
 *
 * The helper exits with the child's exit code, or 128 + the signal number, so callers see the child's
 * status. When PROGRAM cannot be started, it prints the reason on stderr, writes
 * "gorunbench-timing 1 error=spawn errno=N" and exits with 127.
 *
 * Build: gcc -O2 -o timing-helper timing-helper.c (Linux and other POSIX systems with wait4).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long) now.tv_sec * 1000000000LL + now.tv_nsec;
}

static long long micros(struct timeval t) {
    return (long long) t.tv_sec * 1000000LL + t.tv_usec;
}

static int write_report(const char *path, const char *line) {
    FILE *report = fopen(path, "w");
    if (report == NULL) {
        fprintf(stderr, "timing-helper: cannot write the report file %s: %s\n", path, strerror(errno));
        return -1;
    }
    int failed = fputs(line, report) == EOF;
    failed |= fclose(report) != 0;
    if (failed) {
        fprintf(stderr, "timing-helper: cannot write the report file %s\n", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int first = 1;
    int after_stdin_eof = argc > 1 && strcmp(argv[1], "--after-stdin-eof") == 0;
    if (after_stdin_eof) {
        first++;
    }
    if (argc < first + 2) {
        fprintf(stderr, "usage: timing-helper [--after-stdin-eof] REPORT_FILE PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    const char *report_path = argv[first];
    char **child_argv = argv + first + 1;
    char line[256];

    if (after_stdin_eof) {
        char discarded[512];
        ssize_t count;
        do {
            count = read(STDIN_FILENO, discarded, sizeof discarded);
        } while (count > 0 || (count < 0 && errno == EINTR));
    }

    long long start = monotonic_ns();
    pid_t pid;
    /* A program name without a slash is looked up on PATH, as execvp does. */
    int spawn_error = strchr(child_argv[0], '/') != NULL
            ? posix_spawn(&pid, child_argv[0], NULL, NULL, child_argv, environ)
            : posix_spawnp(&pid, child_argv[0], NULL, NULL, child_argv, environ);
    if (spawn_error != 0) {
        fprintf(stderr, "timing-helper: cannot start %s: %s\n", child_argv[0], strerror(spawn_error));
        snprintf(line, sizeof line, "gorunbench-timing 1 error=spawn errno=%d\n", spawn_error);
        write_report(report_path, line);
        return 127;
    }

    int status;
    struct rusage usage;
    pid_t waited;
    do {
        waited = wait4(pid, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    long long wall = monotonic_ns() - start;
    if (waited < 0) {
        fprintf(stderr, "timing-helper: wait4 failed for %s: %s\n", child_argv[0], strerror(errno));
        return 125;
    }

    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    int signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    snprintf(line, sizeof line,
            "gorunbench-timing 1 wall_ns=%lld user_us=%lld sys_us=%lld maxrss_kib=%ld exit=%d signal=%d\n",
            wall, micros(usage.ru_utime), micros(usage.ru_stime), usage.ru_maxrss, exit_code, signal_number);
    if (write_report(report_path, line) != 0) {
        return 125;
    }
    return signal_number != 0 ? 128 + signal_number : exit_code;
}
