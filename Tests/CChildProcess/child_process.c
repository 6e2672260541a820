// glibc declares posix_spawn_file_actions_addclosefrom_np and _addchdir_np only for GNU
// sources, which Swift's Glibc module is not compiled as.
#define _GNU_SOURCE
#include "child_process.h"

#include <errno.h>
#include <spawn.h>
#include <unistd.h>

int jt_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
             int stdin_fd, int stdout_fd, int stderr_fd, const char *directory) {
    posix_spawn_file_actions_t actions;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    // A descriptor already in its place (this process's own standard stream, passed on) needs
    // no dup2, which onto itself would change nothing anyway.
    if (result == 0 && stdin_fd != STDIN_FILENO) result = posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
    if (result == 0 && stdout_fd != STDOUT_FILENO) result = posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
    if (result == 0 && stderr_fd != STDERR_FILENO) result = posix_spawn_file_actions_adddup2(&actions, stderr_fd, STDERR_FILENO);
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (result == 0 && directory != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, directory);
    posix_spawnattr_t attributes;
    if (result == 0) result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    // Its own process group, as Foundation's Process does: a signal meant for the test runner's
    // group does not reach the child.
    result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    if (result == 0) result = posix_spawnattr_setpgroup(&attributes, 0);
    if (result == 0) result = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
