/* The one gnuplot process of a period: `gnuplot -d charts.gp` in the build
 * directory (no init files: -d), its messages into a log file there, a time
 * limit (cgi/lib/spawn.c), and its exit status checked. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>

#include "../lib/spawn.h"
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
	char *const argv[] = {(char *)prog, (char *)"-d", (char *)script, NULL};
	/* numbers and text the same whatever the caller's locale; no terminal
	 * or library chosen from the environment */
	static const char *const env[] = {"LC_ALL=C.UTF-8", "GNUTERM", "GNUPLOT_LIB", "GNUPLOT_DRIVER_DIR",
					  "DISPLAY", NULL};
	struct spawn sp = {.what = "gnuplot", .argv = argv, .dir = dir, .log = logpath, .log_flags = O_TRUNC,
			   .env = env, .timeout_s = timeout_s, .poll_ms = 5};
	int status, rc;

	snprintf(logpath, sizeof logpath, "%s/%s", dir, LOG_NAME);
	if ((rc = spawn_wait(&sp, &status, err, errsz)) == SPAWN_TIMEOUT)
		snprintf(err, errsz, "gnuplot did not finish within %d s (charts_timeout_s); stopped it", timeout_s);
	if (rc != SPAWN_DONE)
		return -1;
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
