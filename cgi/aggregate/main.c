/* egov-aggregate: the aggregation job.
 *
 *   egov-aggregate [-c CONFIG] (--period ID | --all | --due [--date YYYY-MM-DD]) [--quiet]
 *
 * For each period it replaces, in one transaction, the period's rows of
 * agg_value (value, target, progress, units reporting and asked, completeness
 * per indicator and scope: the city, each kind of unit, each unit, and each
 * lineage of merged units) and agg_score (a score per unit and pillar and the
 * unit's rank among its kind), from the figures of the forms whose status is
 * one of the config's aggregate_statuses (default submitted,accepted).  The
 * rules are in docs/scoring.md.
 *
 *   --period ID   that period
 *   --all         every period
 *   --due         every period whose due date has passed (or that is open for
 *                 reports) and that changed since its last successful run: a
 *                 form or figure written since (submitted, accepted, returned,
 *                 corrected), different statuses counted, or a change to the
 *                 reference data, the units or the period's window (recorded as
 *                 "inputs=" in agg_run.message).  Periods never aggregated are
 *                 due.  Today is the date in Asia/Ho_Chi_Minh; --date for
 *                 catch-up runs and tests.  Nightly, this reruns only what
 *                 changed; the run after a due date picks up the late forms.
 *   --quiet       each period's first and last line and the errors only
 *
 * Safe while officers submit: a period is read in one transaction, whose
 * first read takes the snapshot (REPEATABLE READ) every later read sees, and
 * the job writes only agg_value, agg_score, agg_run and the audit trail.  A
 * database lock (GET_LOCK) refuses a second run against the same database.
 * Each run of a period is an agg_run row (running, then done or failed with
 * its message) and one audit row (action aggregate, entity period).
 *
 * Exit status: 0 every period done (or nothing due); 1 a period failed or the
 * database is unreachable (message on stderr; a failed period keeps its
 * previous rows); 2 usage error; 3 another run holds the lock (nothing done). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/auth.h"
#include "../lib/batch.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/err.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/text.h"
#include "aggregate.h"

#define VN_OFFSET (7 * 3600)      /* Asia/Ho_Chi_Minh: UTC+7 all year */
#define EXIT_LOCKED 3

/* Each period's submissions and figures are read by ST_SUBS and ST_FIGURES;
 * the writes are multi-row inserts built in job.c (db_exec_text). */
static const char *const sql[ST_COUNT] = {
	/* ST_ISOLATION: the snapshot of a period's transaction (the server default,
	 * said out loud in case the server is configured otherwise) */
	"SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
	/* ST_LOCK: one run at a time per database (released when we disconnect) */
	"SELECT GET_LOCK(?, 0)",
	/* ST_STALE: with the lock held, a run still "running" was interrupted */
	"UPDATE agg_run SET status = 'failed', finished_at = UTC_TIMESTAMP(3), message = ? "
	"WHERE status = 'running'",
	/* ST_PERIOD */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end FROM period WHERE id = ?",
	/* ST_PERIODS_ALL */
	"SELECT id, kind, year, seq, cutoff_start, cutoff_end FROM period "
	"ORDER BY year, cutoff_end, kind, seq",
	/* ST_PERIODS_DUE: open or past its due date, with its last done run
	 * (joins, no correlated subquery: MariaDB 10.11 crashes re-executing
	 * prepared statements with correlated EXISTS); the run's start less a
	 * second, as the forms' columns keep whole seconds */
	"SELECT p.id, p.kind, p.year, p.seq, p.cutoff_start, p.cutoff_end, r.message, r.statuses, "
	"r.started_at - INTERVAL 1 SECOND "
	"FROM period p LEFT JOIN (SELECT period_id, MAX(id) AS id FROM agg_run WHERE status = 'done' "
	"GROUP BY period_id) lr ON lr.period_id = p.id LEFT JOIN agg_run r ON r.id = lr.id "
	"WHERE p.opens_on <= ? AND (p.due_on < ? OR p.is_open = 1) "
	"ORDER BY p.year, p.cutoff_end, p.kind, p.seq",
	/* ST_CHANGED_SUBS: a form of the period written since */
	"SELECT COUNT(*) FROM submission WHERE period_id = ? "
	"AND (updated_at >= ? OR submitted_at >= ? OR reviewed_at >= ?)",
	/* ST_CHANGED_FIGS: a figure of the period written or corrected since */
	"SELECT 1 FROM submission s JOIN figure f ON f.submission_id = s.id "
	"WHERE s.period_id = ? AND (f.updated_at >= ? OR f.corrected_at >= ?) LIMIT 1",
	/* ST_INPUTS: what the figures' meaning depends on besides the figures */
	"SELECT (SELECT version FROM refdata_version WHERE id = 1), COUNT(*), "
	"COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', id, kind, valid_from, COALESCE(valid_to, '-'), "
	"COALESCE(successor_id, 0)))), 0) FROM unit",
	/* ST_RUN_START */
	"INSERT INTO agg_run (period_id, started_at, status, statuses) "
	"VALUES (?, UTC_TIMESTAMP(3), 'running', ?)",
	/* ST_RUN_DONE */
	"UPDATE agg_run SET status = 'done', finished_at = UTC_TIMESTAMP(3), values_read = ?, "
	"message = ? WHERE id = ?",
	/* ST_RUN_FAILED */
	"UPDATE agg_run SET status = 'failed', finished_at = UTC_TIMESTAMP(3), values_read = ?, "
	"message = ? WHERE id = ?",
	/* ST_ASKED: what the period asks of each kind of unit */
	"SELECT pi.unit_kind, i.id, i.code, i.pillar, i.direction, i.aggregation, "
	"COALESCE(i.weight_indicator_id, 0) "
	"FROM period_indicator pi JOIN indicator i ON i.id = pi.indicator_id "
	"WHERE pi.period_id = ? ORDER BY i.id, pi.unit_kind",
	/* ST_UNITS: every unit, whether it existed during the window, its successor */
	"SELECT id, kind, COALESCE(successor_id, 0), "
	"valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) FROM unit ORDER BY id",
	/* ST_TARGETS: the year's targets, city-wide (unit 0) and per unit */
	"SELECT indicator_id, COALESCE(unit_id, 0), target_value FROM target WHERE year = ?",
	/* ST_SUBS: the forms that count */
	"SELECT id FROM submission WHERE period_id = ? AND FIND_IN_SET(status, ?) > 0",
	/* ST_FIGURES: their figures, a range of forms at a time */
	"SELECT s.unit_id, f.indicator_id, f.num_value, f.not_applicable, "
	"f.text_value IS NOT NULL AND f.text_value <> '' "
	"FROM submission s JOIN figure f ON f.submission_id = s.id "
	"WHERE s.period_id = ? AND FIND_IN_SET(s.status, ?) > 0 AND s.id BETWEEN ? AND ?",
	/* ST_DEL_VALUES */
	"DELETE FROM agg_value WHERE period_id = ?",
	/* ST_DEL_SCORES */
	"DELETE FROM agg_score WHERE period_id = ?",
};


double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: egov-aggregate [-c CONFIG] (--period ID | --all | --due [--date YYYY-MM-DD]) [--quiet]\n"
		"  Recomputes the summary tables (agg_value, agg_score) of a period, of every period,\n"
		"  or of every period past its due date (or open) that changed since its last run.\n"
		"  --quiet: each period's first and last line and the errors only.\n"
		"  Config: EGOV_CONFIG or -c; keys aggregate.db_user, aggregate.db_password,\n"
		"  aggregate_statuses (default submitted,accepted).\n"
		"  Exit: 0 done, 1 failed (message on stderr), 2 usage, 3 another run is going on.\n");
	return 2;
}


/* "submitted, accepted" -> "submitted,accepted"; NULL for an unknown status */
static char *parse_statuses(const char *in)
{
	static const char *const known = "draft|submitted|returned|accepted";
	char *out = calloc(strlen(in) + 1, 1), *o = out;

	if (out == NULL)
		return NULL;
	for (const char *s = in; *s;) {
		char word[32];
		size_t n = 0;

		while (*s == ' ' || *s == ',')
			s++;
		while (*s && *s != ',' && *s != ' ' && n + 1 < sizeof word)
			word[n++] = *s++;
		word[n] = '\0';
		if (n == 0)
			continue;
		if (!list_has(known, '|', word) || (*s && *s != ',' && *s != ' ')) {
			free(out);
			return NULL;
		}
		if (!list_has(out, ',', word))
			o += sprintf(o, "%s%s", o == out ? "" : ",", word);
	}
	if (o == out) {
		free(out);
		return NULL;
	}
	return out;
}

static void period_from(const struct dbres *res, unsigned row, struct period *p)
{
	const char *kind = dbres_get(res, row, 1);

	memset(p, 0, sizeof *p);
	p->id = dbres_int(res, row, 0);
	p->kind = kind ? kind[0] : 'Q';
	p->year = (int)dbres_int(res, row, 2);
	p->seq = (int)dbres_int(res, row, 3);
	snprintf(p->cutoff_start, sizeof p->cutoff_start, "%.10s", dbres_get(res, row, 4));
	snprintf(p->cutoff_end, sizeof p->cutoff_end, "%.10s", dbres_get(res, row, 5));
	period_label(p->kind, p->year, p->seq, "vi", p->label, sizeof p->label);
}

int inputs_digest(const struct run *r, const struct period *p, char *out, size_t outsz)
{
	struct dbres res;
	char text[256];
	uint64_t h = 14695981039346656037ULL;   /* FNV-1a */

	if (db_exec(ST_INPUTS, &res, "") != E_OK)
		return -1;
	if (res.nrows != 1) {
		dbres_free(&res);
		return -1;
	}
	snprintf(text, sizeof text, "refdata %s|units %s %s|%c %d %d|%s %s|%s",
		 dbres_get(&res, 0, 0) ? dbres_get(&res, 0, 0) : "-", dbres_get(&res, 0, 1),
		 dbres_get(&res, 0, 2), p->kind, p->year, p->seq, p->cutoff_start, p->cutoff_end,
		 r->statuses);
	dbres_free(&res);
	for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
		h ^= *s;
		h *= 1099511628211ULL;
	}
	snprintf(out, outsz, "%016llx", (unsigned long long)h);
	return 0;
}

static int take_lock(void)
{
	struct dbres res;
	char name[80];
	int got;

	snprintf(name, sizeof name, "egov-aggregate:%.50s", config_get("db_name", "egov"));
	if (db_exec(ST_LOCK, &res, "s", name) != E_OK)
		return batch_fail("%s", "cannot take the job's database lock");
	got = res.nrows == 1 && dbres_int(&res, 0, 0) == 1;
	dbres_free(&res);
	if (!got) {
		batch_fail("another egov-aggregate is running against database %s; nothing done",
		     config_get("db_name", "egov"));
		return EXIT_LOCKED;
	}
	return 0;
}

/* Whether a period changed since its last done run (row of ST_PERIODS_DUE):
 * 1 yes, 0 no, -1 error. */
static int period_changed(const struct run *r, const struct period *p, const struct dbres *res,
			  unsigned row)
{
	const char *msg = dbres_get(res, row, 6), *st = dbres_get(res, row, 7);
	const char *since = dbres_get(res, row, 8);
	char digest[17];
	struct dbres q;
	int changed;

	if (since == NULL || st == NULL || strcmp(st, r->statuses) != 0)
		return 1;
	if (db_exec(ST_CHANGED_SUBS, &q, "isss", p->id, since, since, since) != E_OK)
		return -1;
	changed = dbres_int(&q, 0, 0) > 0;
	dbres_free(&q);
	if (changed)
		return 1;
	if (db_exec(ST_CHANGED_FIGS, &q, "iss", p->id, since, since) != E_OK)
		return -1;
	changed = q.nrows > 0;
	dbres_free(&q);
	if (changed)
		return 1;
	/* no form changed: due only if the inputs moved */
	if (inputs_digest(r, p, digest, sizeof digest) != 0)
		return -1;
	return msg == NULL || strncmp(msg, "inputs=", 7) != 0 || strncmp(msg + 7, digest, 16) != 0;
}

/* The periods to run: by id, all, or due. */
static int select_periods(struct run *r, long long id, int all, const char *today,
			  struct period **out, int *n)
{
	struct dbres res;
	int rc;

	*out = NULL;
	*n = 0;
	if (id > 0)
		rc = db_exec(ST_PERIOD, &res, "i", id);
	else if (all)
		rc = db_exec(ST_PERIODS_ALL, &res, "");
	else
		rc = db_exec(ST_PERIODS_DUE, &res, "ss", today, today);
	if (rc != E_OK)
		return batch_fail("cannot read the periods (database %s)",
			    rc == E_DBDOWN ? "unreachable" : "error, see the log above");
	if (id > 0 && res.nrows == 0) {
		dbres_free(&res);
		return batch_fail("no period with id %lld; nothing done", id);
	}
	*out = calloc(res.nrows + 1, sizeof **out);
	if (*out == NULL) {
		dbres_free(&res);
		return batch_fail("%s", "out of memory");
	}
	for (unsigned i = 0; i < res.nrows; i++) {
		struct period *p = &(*out)[*n];

		period_from(&res, i, p);
		if (id == 0 && !all) {
			int changed = period_changed(r, p, &res, i);

			if (changed < 0) {
				dbres_free(&res);
				return batch_fail("%s", "cannot tell which periods changed (database error, see the "
					    "log above)");
			}
			if (!changed) {
				if (!r->quiet)
					printf("aggregate: %s: unchanged since its last run\n", p->label);
				continue;
			}
		}
		(*n)++;
	}
	dbres_free(&res);
	return 0;
}

int main(int argc, char **argv)
{
	static struct run r;
	const char *cfg = getenv("EGOV_CONFIG"), *date = NULL;
	long long id = 0;
	int all = 0, due = 0, rc = 0, nper = 0, modes;
	struct period *per = NULL;
	char today[11], nread[32], nrows[32], *statuses;
	struct ymd d;
	double t0 = now_s();

	batch_name("egov-aggregate");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			cfg = argv[++i];
		} else if (strcmp(argv[i], "--period") == 0 && i + 1 < argc) {
			char *end;
			errno = 0;
			id = strtoll(argv[++i], &end, 10);
			if (errno != 0 || *end != '\0' || id <= 0 || id > 4294967295LL)
				return batch_fail("--period %s: expected a period id (a positive number)", argv[i]) + 1;
		} else if (strcmp(argv[i], "--all") == 0) {
			all = 1;
		} else if (strcmp(argv[i], "--due") == 0) {
			due = 1;
		} else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			date = argv[++i];
		} else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
			r.quiet = 1;
		} else {
			return usage();
		}
	}
	modes = (id > 0) + all + due;
	if (modes != 1 || (date != NULL && !due))
		return usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (date != NULL) {
		if (strlen(date) != 10 || date[4] != '-' || date_parse(date, &d) != 0)
			return batch_fail("--date %s: expected a date as YYYY-MM-DD", date) + 1;
	} else {
		time_t local = time(NULL) + VN_OFFSET;
		struct tm tm;

		gmtime_r(&local, &tm);
		d = (struct ymd){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	}
	date_iso(d, today, sizeof today);
	if (batch_start(&cfg, "aggregate") != 0)
		return 1;
	statuses = parse_statuses(config_get("aggregate_statuses", "submitted,accepted"));
	if (statuses == NULL) {
		config_free();
		return batch_fail("aggregate_statuses = %s: expected a comma-separated list of draft, "
			    "submitted, returned, accepted", config_get("aggregate_statuses", ""));
	}
	r.statuses = statuses;
	random_hex(r.actor.id, 8);
	if (db_setup("aggregate", sql, ST_COUNT) != E_OK || db_ensure() != E_OK) {
		batch_fail("cannot connect to the database (check db_socket/db_host and aggregate.db_user "
		     "in %s); nothing done", cfg);
		rc = 1;
		goto out;
	}
	if (db_exec(ST_ISOLATION, NULL, "") != E_OK) {
		rc = batch_fail("%s", "cannot set the transaction isolation level");
		goto out;
	}
	if ((rc = take_lock()) != 0)
		goto out;
	if (db_exec(ST_STALE, NULL, "s", "interrupted: the run stopped before it finished "
		    "(found by a later run)") != E_OK) {
		rc = batch_fail("%s", "cannot read agg_run (database error, see the log above)");
		goto out;
	}
	if ((rc = select_periods(&r, id, all, today, &per, &nper)) != 0)
		goto out;
	if (nper == 0) {
		printf("aggregate: %s\n", due ? "no period is due (none open or past its due date "
		       "changed since its last run)" : "no periods");
		goto out;
	}
	if (!r.quiet)
		printf("aggregate: run %s: %d period%s (%s), statuses counted: %s\n", r.actor.id, nper,
		       nper == 1 ? "" : "s", id > 0 ? "--period" : all ? "--all" : "--due", r.statuses);
	for (int i = 0; i < nper; i++) {
		int prc = aggregate_period(&r, &per[i]);

		if (prc == E_DBDOWN) {
			batch_fail("the database is unreachable; %d period%s not run", nper - i - 1,
			     nper - i - 1 == 1 ? "" : "s");
			break;
		}
	}
	group3(r.values_read, nread, sizeof nread);
	group3(r.rows_written, nrows, sizeof nrows);
	printf("aggregate: %d period%s done, %d failed: %s figures read, %s rows written in %.2f s\n",
	       r.periods_done, r.periods_done == 1 ? "" : "s", r.periods_failed, nread, nrows,
	       now_s() - t0);
	rc = r.periods_done == nper ? 0 : 1;
out:
	free(per);
	free(statuses);
	db_shutdown();
	config_free();
	return rc;
}
