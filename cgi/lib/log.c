#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static FILE *log_fp;
static const char *prog = "egov";

void log_open(const char *program, const char *path)
{
	prog = program;
	if (path != NULL && *path != '\0') {
		log_fp = fopen(path, "a");
		if (log_fp != NULL)
			setvbuf(log_fp, NULL, _IOLBF, 0);
	}
}

void log_msg(const char *reqid, const char *fmt, ...)
{
	FILE *f = log_fp ? log_fp : stderr;
	char ts[32];
	time_t now = time(NULL);
	struct tm tm;
	va_list ap;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(f, "%s %s[%ld] %s: ", ts, prog, (long)getpid(), reqid ? reqid : "-");
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fflush(f);
}
