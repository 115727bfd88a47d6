/* egov-aggregate: shared between the command (main.c) and the work on one
 * period (job.c). */
#ifndef EGOV_AGGREGATE_H
#define EGOV_AGGREGATE_H
#include "../lib/batch.h"
#include "../lib/req.h"

enum {
	ST_ISOLATION,
	ST_LOCK,
	ST_STALE,
	ST_PERIOD,
	ST_PERIODS_ALL,
	ST_PERIODS_DUE,
	ST_CHANGED_SUBS,
	ST_CHANGED_FIGS,
	ST_INPUTS,
	ST_RUN_START,
	ST_RUN_DONE,
	ST_RUN_FAILED,
	ST_ASKED,
	ST_UNITS,
	ST_TARGETS,
	ST_SUBS,
	ST_FIGURES,
	ST_DEL_VALUES,
	ST_DEL_SCORES,
	ST_COUNT
};

/* A period as the run sees it. */
struct period {
	long long id;
	int kind, year, seq;
	char cutoff_start[11], cutoff_end[11];
	char label[64];
};

struct run {
	const char *statuses;   /* submission statuses that count, "submitted,accepted" */
	struct req actor;       /* the audit trail's actor: none; id = this run's id */
	int quiet;
	/* totals over the run */
	int periods_done, periods_failed;
	unsigned long long values_read, rows_written;
};

/* Runs one period in one transaction: 0 done; else the failure was printed
 * and recorded (agg_run failed, audit) and the return value is an enum err. */
int aggregate_period(struct run *r, const struct period *p);

/* A digest of what a period's figures depend on besides the figures
 * themselves (reference data version, units, the period's window, the
 * statuses counted): --due reruns a period when it moved.  0 with *out set. */
int inputs_digest(const struct run *r, const struct period *p, char *out, size_t outsz);

double now_s(void);
/* 1234567 -> "1,234,567" */
void group3(unsigned long long v, char *out, size_t outsz);

#endif
