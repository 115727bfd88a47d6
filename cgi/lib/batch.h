/* What the batch programs run from cron or a page (egov-aggregate,
 * egov-charts, egov-quarterly, egov-remind) share: their start, their
 * one-line messages on stderr, their timings, and the numbers in the
 * documents they write. */
#ifndef EGOV_BATCH_H
#define EGOV_BATCH_H
#include <stdarg.h>
#include <stddef.h>
#include <time.h>

/* The program's name, which starts each message: "egov-charts". */
void batch_name(const char *prog);
/* "egov-charts: <message>" on stderr, after what stdout holds so the two
 * stay in order on one terminal or log; returns 1, the failure exit status. */
int batch_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int batch_vfail(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Reads the configuration, *cfg or else the system's (which *cfg then
 * names, for later messages), and opens the log on stderr, where cron mails
 * it and the journal keeps it, under the program's short name "charts".
 * 0, or 1 after saying why. */
int batch_start(const char **cfg, const char *log_name);
/* Seconds from a to b (CLOCK_MONOTONIC readings). */
double batch_seconds(const struct timespec *a, const struct timespec *b);

#endif
