/* A helper program a batch job runs (LibreOffice, gnuplot) in a directory,
 * with a time limit: in a process group of its own, so that a time-out
 * stops whatever it started too; stdin from /dev/null; its stdout and
 * stderr into a log file, which is how its messages reach ours. */
#ifndef EGOV_SPAWN_H
#define EGOV_SPAWN_H
#include <stddef.h>

struct spawn {
	const char *what;           /* "gnuplot": who the messages name */
	char *const *argv;          /* argv[0] is looked for on PATH */
	const char *dir;            /* its working directory */
	const char *log;            /* its stdout and stderr */
	int log_flags;              /* O_TRUNC or O_APPEND */
	const char *const *env;     /* "NAME=value" set, "NAME" unset; NULL ends */
	int timeout_s;
	long poll_ms;               /* how often it is looked at */
	int reap_group;             /* stop what it leaves in its group once done */
};

enum { SPAWN_DONE = 0, SPAWN_FAILED = -1, SPAWN_TIMEOUT = -2 };

/* SPAWN_DONE with its wait status in *status; SPAWN_FAILED (not started,
 * or lost) with the reason in err; SPAWN_TIMEOUT: stopped, the message is
 * the caller's. */
int spawn_wait(const struct spawn *s, int *status, char *err, size_t errsz);

#endif
