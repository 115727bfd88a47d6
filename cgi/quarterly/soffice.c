/* One LibreOffice conversion: its own profile (a first start writes one;
 * sharing the web user's or root's would collide with other runs), its
 * messages into a log file, a time limit (cgi/lib/spawn.c: its own process
 * group, so a time-out stops oosplash and soffice.bin together). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "../lib/spawn.h"
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
	char logpath[1200], profile[1300], home[1210], tail[400];
	char *const argv[] = {(char *)prog, profile, (char *)"--headless", (char *)"--invisible",
			      (char *)"--norestore", (char *)"--nologo", (char *)"--nodefault",
			      (char *)"--nolockcheck", (char *)"--convert-to", (char *)filter,
			      (char *)"--outdir", (char *)dir, (char *)input, NULL};
	/* nothing of the caller's desktop, home or locale */
	const char *const env[] = {home, "LC_ALL=C.UTF-8", "DISPLAY", "SAL_USE_VCLPLUGIN", NULL};
	/* soffice.bin may leave helpers behind in its group once it is done */
	struct spawn sp = {.what = "LibreOffice", .argv = argv, .dir = dir, .log = logpath,
			   .log_flags = O_APPEND, .env = env, .timeout_s = timeout_s, .poll_ms = 20,
			   .reap_group = 1};
	int status, rc;

	snprintf(logpath, sizeof logpath, "%s/%s", dir, LOG_NAME);
	snprintf(home, sizeof home, "HOME=%s", profile_dir);
	{
		/* a file URL: anything but plain path characters percent-encoded */
		size_t o = (size_t)snprintf(profile, sizeof profile, "-env:UserInstallation=file://");
		for (const unsigned char *c = (const unsigned char *)profile_dir; *c && o + 4 < sizeof profile; c++)
			o += (size_t)(strchr("/._-~", *c) || (*c >= '0' && *c <= '9') ||
					      ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')
				      ? snprintf(profile + o, sizeof profile - o, "%c", *c)
				      : snprintf(profile + o, sizeof profile - o, "%%%02X", *c));
	}
	if ((rc = spawn_wait(&sp, &status, err, errsz)) == SPAWN_TIMEOUT)
		snprintf(err, errsz, "LibreOffice did not finish the %s conversion within %d s "
			 "(quarterly_timeout_s); stopped it", filter, timeout_s);
	if (rc != SPAWN_DONE)
		return -1;
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
