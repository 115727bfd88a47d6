/* What the batch programs share (batch.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "config.h"
#include "log.h"

static const char *name = "egov";

void batch_name(const char *prog) { name = prog; }

int batch_vfail(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	return 1;
}

int batch_fail(const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = batch_vfail(fmt, ap);
	va_end(ap);
	return rc;
}

int batch_start(const char **cfg, const char *log_name)
{
	if (*cfg == NULL)
		*cfg = "/etc/egov-progress/egov.conf";
	if (config_load(*cfg) != 0)
		return batch_fail("cannot read the config %s", *cfg);
	log_open(log_name, NULL);
	/* run ids and anything else random come from libsodium (auth.h) */
	if (sodium_init() < 0)
		return batch_fail("libsodium cannot start");
	return 0;
}

double batch_seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

