/* The one gnuplot process of a period: `gnuplot -d charts.gp` in the build
 * directory (no init files: -d), stdin from /dev/null, its messages into a
 * log file there, a time limit, and its exit status checked. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "charts.h"

#define LOG_NAME ".gnuplot.log"

/* The last lines of the log, on one line, for a message. */
static void log_tail(const char *dir, char *out, size_t n)
{
	char path[1200];
	struct buf b;
	size_t start, lines = 0;

	out[0] = '\0';
	snprintf(path, sizeof path, "%s/%s", dir, LOG_NAME);
	buf_init(&b);
	if (buf_read_file(&b, path, 1 << 20) != 0 || b.len == 0) {
		buf_free(&b);
		return;
	}
	start = b.len;
	while (start > 0 && b.p[start - 1] == '\n')
		start--;
	while (start > 0 && lines < 4) {
		start--;
		if (b.p[start] == '\n')
			lines++;
	}
	{
		size_t o = 0;
		for (size_t i = start; i < b.len && o + 1 < n; i++) {
			char c = b.p[i];
			if (c == '\n') {
				if (o > 0 && out[o - 1] != ' ' && o + 3 < n) {
					out[o++] = ' ';
					out[o++] = '|';
					out[o++] = ' ';
				}
				continue;
			}
			out[o++] = ((unsigned char)c < 0x20 || c == 0x7f) ? ' ' : c;
		}
		while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '|'))
			o--;
		out[o] = '\0';
	}
	buf_free(&b);
}

int gnuplot_warnings(const char *dir, char *out, size_t n);
int gnuplot_warnings(const char *dir, char *out, size_t n)
{
	log_tail(dir, out, n);
	return out[0] != '\0';
}

int gnuplot_run(const char *prog, const char *dir, const char *script, int timeout_s, char *err,
		size_t errsz)
{
	char logpath[1200], tail[600];
	struct timespec start, now;
	pid_t pid;
	int status, logfd;

	snprintf(logpath, sizeof logpath, "%s/%s", dir, LOG_NAME);
	logfd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (logfd < 0) {
		snprintf(err, errsz, "cannot create %s: %s", logpath, strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsz, "cannot start gnuplot: %s", strerror(errno));
		close(logfd);
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);
		char *const argv[] = {(char *)prog, (char *)"-d", (char *)script, NULL};

		/* its own process group, so a time-out stops whatever it started */
		if (setpgid(0, 0) != 0 || nul < 0 || dup2(nul, 0) < 0 || dup2(logfd, 1) < 0 ||
		    dup2(logfd, 2) < 0 || chdir(dir) != 0)
			_exit(126);
		/* numbers and text the same whatever the caller's locale; no
		 * terminal or library chosen from the environment */
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("GNUTERM");
		unsetenv("GNUPLOT_LIB");
		unsetenv("GNUPLOT_DRIVER_DIR");
		unsetenv("DISPLAY");
		signal(SIGPIPE, SIG_DFL);
		execvp(prog, argv);
		_exit(127);
	}
	close(logfd);
	setpgid(pid, pid);   /* also here: no race with the child's own call */
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			snprintf(err, errsz, "lost the gnuplot process: %s", strerror(errno));
			return -1;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - start.tv_sec) * 1000L + (now.tv_nsec - start.tv_nsec) / 1000000L >=
		    timeout_s * 1000L) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(err, errsz, "gnuplot did not finish within %d s (charts_timeout_s); stopped it",
				 timeout_s);
			return -1;
		}
		nanosleep(&(struct timespec){0, 5000000L}, NULL);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	log_tail(dir, tail, sizeof tail);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(err, errsz, "cannot run gnuplot \"%s\" (not installed, or not on PATH; config key "
			 "gnuplot)", prog);
	else if (WIFEXITED(status))
		snprintf(err, errsz, "gnuplot failed with exit status %d%s%s", WEXITSTATUS(status),
			 *tail ? ": " : "", tail);
	else if (WIFSIGNALED(status))
		snprintf(err, errsz, "gnuplot was killed by signal %d%s%s", WTERMSIG(status),
			 *tail ? ": " : "", tail);
	else
		snprintf(err, errsz, "gnuplot failed");
	return -1;
}
