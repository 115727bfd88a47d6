/* One LibreOffice conversion: its own profile (a first start writes one;
 * sharing the web user's or root's would collide with other runs), its own
 * process group so a time-out stops oosplash and soffice.bin together,
 * stdin from /dev/null and its messages into a log file. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "quarterly.h"

#define LOG_NAME ".soffice.log"

/* The log's last line, for a message. */
static void log_last(const char *dir, char *out, size_t n)
{
	char path[1200];
	struct buf b;
	size_t end, start;

	out[0] = '\0';
	snprintf(path, sizeof path, "%s/%s", dir, LOG_NAME);
	buf_init(&b);
	if (buf_read_file(&b, path, 1 << 20) == 0 && b.len > 0) {
		end = b.len;
		while (end > 0 && (b.p[end - 1] == '\n' || b.p[end - 1] == '\r'))
			end--;
		start = end;
		while (start > 0 && b.p[start - 1] != '\n')
			start--;
		snprintf(out, n, "%.*s", (int)(end - start), b.p + start);
		for (char *c = out; *c; c++)
			if ((unsigned char)*c < 0x20)
				*c = ' ';
	}
	buf_free(&b);
}

int soffice_convert(const char *prog, const char *dir, const char *profile_dir, const char *input,
		    const char *filter, int timeout_s, char *err, size_t errsz)
{
	char logpath[1200], profile[1300], tail[400];
	struct timespec start, now;
	pid_t pid;
	int status, logfd;

	snprintf(logpath, sizeof logpath, "%s/%s", dir, LOG_NAME);
	{
		/* a file URL: anything but plain path characters percent-encoded */
		size_t o = (size_t)snprintf(profile, sizeof profile, "-env:UserInstallation=file://");
		for (const unsigned char *c = (const unsigned char *)profile_dir; *c && o + 4 < sizeof profile; c++)
			o += (size_t)(strchr("/._-~", *c) || (*c >= '0' && *c <= '9') ||
					      ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')
				      ? snprintf(profile + o, sizeof profile - o, "%c", *c)
				      : snprintf(profile + o, sizeof profile - o, "%%%02X", *c));
	}
	logfd = open(logpath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (logfd < 0) {
		snprintf(err, errsz, "cannot create %s: %s", logpath, strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsz, "cannot start LibreOffice: %s", strerror(errno));
		close(logfd);
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);
		char *const argv[] = {(char *)prog, profile, (char *)"--headless", (char *)"--invisible",
				      (char *)"--norestore", (char *)"--nologo", (char *)"--nodefault",
				      (char *)"--nolockcheck", (char *)"--convert-to", (char *)filter,
				      (char *)"--outdir", (char *)dir, (char *)input, NULL};

		if (setpgid(0, 0) != 0 || nul < 0 || dup2(nul, 0) < 0 || dup2(logfd, 1) < 0 ||
		    dup2(logfd, 2) < 0 || chdir(dir) != 0)
			_exit(126);
		/* nothing of the caller's desktop, home or locale */
		setenv("HOME", profile_dir, 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("DISPLAY");
		unsetenv("SAL_USE_VCLPLUGIN");
		signal(SIGPIPE, SIG_DFL);
		execvp(prog, argv);
		_exit(127);
	}
	close(logfd);
	setpgid(pid, pid);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			snprintf(err, errsz, "lost the LibreOffice process: %s", strerror(errno));
			return -1;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((now.tv_sec - start.tv_sec) * 1000L + (now.tv_nsec - start.tv_nsec) / 1000000L >=
		    timeout_s * 1000L) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(err, errsz, "LibreOffice did not finish the %s conversion within %d s "
				 "(quarterly_timeout_s); stopped it", filter, timeout_s);
			return -1;
		}
		nanosleep(&(struct timespec){0, 20000000L}, NULL);
	}
	/* soffice.bin may leave helpers behind in its group once it is done */
	kill(-pid, SIGKILL);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	log_last(dir, tail, sizeof tail);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(err, errsz, "cannot run LibreOffice \"%s\" (not installed, or not on PATH; config "
			 "key soffice)", prog);
	else if (WIFEXITED(status))
		snprintf(err, errsz, "LibreOffice failed the %s conversion with exit status %d%s%s", filter,
			 WEXITSTATUS(status), *tail ? ": " : "", tail);
	else
		snprintf(err, errsz, "LibreOffice was killed by signal %d during the %s conversion",
			 WIFSIGNALED(status) ? WTERMSIG(status) : 0, filter);
	return -1;
}
