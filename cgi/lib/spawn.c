/* Runs a helper program with a time limit (spawn.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "spawn.h"

/* In the child: nothing of the caller's terminal, desktop or locale that
 * the helper would otherwise pick up. */
static void child_env(const char *const *env)
{
	char name[128];

	for (; env != NULL && *env != NULL; env++) {
		const char *eq = strchr(*env, '=');
		if (eq == NULL) {
			unsetenv(*env);
		} else if ((size_t)(eq - *env) < sizeof name) {
			snprintf(name, sizeof name, "%.*s", (int)(eq - *env), *env);
			setenv(name, eq + 1, 1);
		}
	}
}

int spawn_wait(const struct spawn *s, int *status, char *err, size_t errsz)
{
	struct timespec start, now;
	pid_t pid;
	int logfd;

	logfd = open(s->log, O_WRONLY | O_CREAT | s->log_flags | O_CLOEXEC, 0644);
	if (logfd < 0) {
		snprintf(err, errsz, "cannot create %s: %s", s->log, strerror(errno));
		return SPAWN_FAILED;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsz, "cannot start %s: %s", s->what, strerror(errno));
		close(logfd);
		return SPAWN_FAILED;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);

		if (setpgid(0, 0) != 0 || nul < 0 || dup2(nul, 0) < 0 || dup2(logfd, 1) < 0 ||
		    dup2(logfd, 2) < 0 || chdir(s->dir) != 0)
			_exit(126);
		child_env(s->env);
		signal(SIGPIPE, SIG_DFL);
		execvp(s->argv[0], s->argv);
		_exit(127);
	}
	close(logfd);
	setpgid(pid, pid);   /* also here: no race with the child's own call */
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		pid_t w = waitpid(pid, status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			snprintf(err, errsz, "lost the %s process: %s", s->what, strerror(errno));
			return SPAWN_FAILED;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - start.tv_sec) * 1000L + (now.tv_nsec - start.tv_nsec) / 1000000L >=
		    s->timeout_s * 1000L) {
			kill(-pid, SIGKILL);
			waitpid(pid, status, 0);
			return SPAWN_TIMEOUT;
		}
		nanosleep(&(struct timespec){0, s->poll_ms * 1000000L}, NULL);
	}
	if (s->reap_group)
		kill(-pid, SIGKILL);
	return SPAWN_DONE;
}
