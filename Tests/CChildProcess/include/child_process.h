#ifndef JOBTWIN_CHILD_PROCESS_H
#define JOBTWIN_CHILD_PROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` through posix_spawn, its standard input, output and
/// error on `stdin_fd`, `stdout_fd` and `stderr_fd`, in `directory` (or the current one when
/// NULL), and with every other descriptor closed in the child.
///
/// Foundation's `Process.run()` on Linux finds the descriptors to close by reading
/// /proc/self/fd with a copy that reads past glibc's buffer (fixed upstream in
/// swift-corelibs-foundation#5472, not yet in our toolchain); in a test process with a
/// thousand descriptors open it crashes now and then. glibc's own "close from 3" action has
/// no such walk. Returns 0 and sets `*pid`, or an errno value.
int jt_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
             int stdin_fd, int stdout_fd, int stderr_fd, const char *directory);

#endif
