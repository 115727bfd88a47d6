/* What the batch programs share (batch.h). */
#include <math.h>
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
	return 0;
}

double batch_seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void batch_num_vn(double v, int dec, char *out, size_t n)
{
	char tmp[64], *dot, *p = out, *end = out + n - 1;
	size_t intlen;

	if (n == 0)
		return;
	snprintf(tmp, sizeof tmp, "%.*f", dec, fabs(v));
	dot = strchr(tmp, '.');
	if (dot != NULL) {
		char *e = tmp + strlen(tmp);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
		else
			*dot = ',';
	}
	intlen = strcspn(tmp, ",");
	if (v < 0 && strspn(tmp, "0,") != strlen(tmp) && p < end)
		*p++ = '-';
	for (size_t i = 0; tmp[i] && p < end; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0 && p < end)
			*p++ = '.';
		if (p < end)
			*p++ = tmp[i];
	}
	*p = '\0';
}
