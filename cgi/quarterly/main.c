/* egov-quarterly: the working group's quarterly report to the committee
 * (Art. 6.7 of the regulation).
 *
 *   egov-quarterly [-c CONFIG] --period ID
 *
 * Assembles the report of a period from what the system holds: indicator
 * progress (egov-aggregate's city figures against the targets), reporting
 * timeliness, directions done and overdue, the annual plan, and the problems
 * and proposals the units wrote in their forms; leaves a section for the
 * working group's own proposals.  Writes it as a Flat ODT, then has
 * LibreOffice (headless, a profile of its own, a time limit) convert it into
 * reports_dir/quarterly-<year>-Q<seq>.{odt,docx,pdf} (H<seq>, Y1 for half
 * years and years).  Everything is made in a work directory inside
 * reports_dir and renamed into place, so nobody downloads half a file; a
 * failed run leaves the previous documents as they were.
 *
 * One run per period at a time: an flock on reports_dir/.quarterly-ID.lock.
 * /review/quarterly takes that lock before starting us and hands it on with
 * --lock-fd, so a second click cannot start a second run.
 *
 * Config: reports_dir (required), templates (the headings come from
 * lang/vi-quarterly.hdf), soffice (program, default "soffice" on PATH),
 * quarterly_timeout_s (per conversion, 180), org_name, dashboard_on_track
 * (0.9); the database account quarterly.db_user.
 *
 * Exit status: 0 done, 1 failed (message on stderr: no such period, no data,
 * another run, LibreOffice missing, failing or too slow), 2 usage. */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/batch.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/err.h"
#include "../lib/log.h"
#include "quarterly.h"

static const char *const formats[][2] = {
	/* extension, LibreOffice's filter */
	{"odt", "odt"},
	{"docx", "docx:MS Word 2007 XML"},
	{"pdf", "pdf:writer_pdf_Export"},
};
#define NFORMATS 3

static int usage(void)
{
	fprintf(stderr,
		"usage: egov-quarterly [-c CONFIG] --period ID\n"
		"  Writes the working group's quarterly report of a period into reports_dir as\n"
		"  quarterly-<year>-Q<seq>.odt, .docx and .pdf (LibreOffice headless converts).\n"
		"  Config: EGOV_CONFIG or -c; keys reports_dir, templates, soffice,\n"
		"  quarterly_timeout_s, org_name, quarterly.db_user.\n"
		"  --lock-fd N: the caller holds the period's lock on descriptor N (the WG page).\n");
	return 2;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void rm_tree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Work directories a stopped run of this period left (we hold its lock). */
static void remove_stale_work(const char *dir, long long id)
{
	char pattern[64], path[1400];
	size_t n;
	struct dirent **names = NULL;
	int k = scandir(dir, &names, NULL, NULL);

	n = (size_t)snprintf(pattern, sizeof pattern, ".work-%lld-", id);
	for (int i = 0; i < k; i++) {
		if (strncmp(names[i]->d_name, pattern, n) == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
			rm_tree(path);
		}
		free(names[i]);
	}
	free(names);
}

/* 0 locked; -1 another run holds it (or the lock file cannot be used). */
static int take_lock(const char *dir, long long id, int given_fd)
{
	char path[1200];
	struct stat a, b;
	int fd = given_fd;

	snprintf(path, sizeof path, "%s/.quarterly-%lld.lock", dir, id);
	if (fd >= 0) {
		/* the page's lock is ours only if it is on this very file */
		if (fstat(fd, &a) != 0 || stat(path, &b) != 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino)
			return batch_fail("--lock-fd %d is not the lock file %s", fd, path), -1;
	} else {
		fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0)
			return batch_fail("cannot open the lock file %s: %s", path, strerror(errno)), -1;
	}
	/* a few tries: the WG page looks at the lock (shared, briefly) to say
	 * whether a run is going on */
	for (int i = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; i++) {
		if (errno != EWOULDBLOCK || i == 50)
			return batch_fail("another egov-quarterly is writing the report of period %lld; nothing done",
				          id), -1;
		nanosleep(&(struct timespec){0, 20000000L}, NULL);
	}
	return 0;   /* held until we exit */
}

static int write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		return -1;
	if (fwrite(b->p, 1, b->len, f) != b->len) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

struct job {
	const char *dir, *soffice;
	int timeout_s, lock_fd;
};

static int make_report(const struct job *j, const struct qperiod *p)
{
	struct timespec t0, t1, t2;
	char work[1100], rp[PATH_MAX], absw[1000], base[64], fodt[1200], from[1300], to[1300], err[1024], files[256];
	struct buf doc;
	int rc = 1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(base, sizeof base, "quarterly-%d-%c%d", p->year, p->kind, p->seq);
	snprintf(work, sizeof work, "%s/.work-%lld-%ld", j->dir, p->id, (long)getpid());
	remove_stale_work(j->dir, p->id);
	if (mkdir(work, 0700) != 0 || realpath(work, rp) == NULL)
		return batch_fail("cannot create the work directory %s: %s", work, strerror(errno));
	snprintf(absw, sizeof absw, "%.900s", rp);
	if (strlen(rp) > 900) {
		rm_tree(rp);
		return batch_fail("reports_dir: the path is too long");
	}
	printf("quarterly: period %lld (%s): reading the data\n", p->id, p->label);
	buf_init(&doc);
	if (sections_write(p, &doc, err, sizeof err) != 0) {
		batch_fail("period %lld: %s", p->id, err);
		goto out;
	}
	snprintf(fodt, sizeof fodt, "%s/%s.fodt", absw, base);
	if (write_file(fodt, &doc) != 0) {
		batch_fail("cannot write %s: %s", fodt, strerror(errno));
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("quarterly:   %s.fodt written (%zu bytes, %.2f s)\n", base, doc.len, batch_seconds(&t0, &t1));
	for (int i = 0; i < NFORMATS; i++) {
		struct stat st;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (soffice_convert(j->soffice, absw, absw, fodt, formats[i][1], j->timeout_s, err,
				    sizeof err) != 0) {
			batch_fail("period %lld: %s; the documents in %s were left as they were", p->id, err, j->dir);
			goto out;
		}
		snprintf(from, sizeof from, "%s/%s.%s", absw, base, formats[i][0]);
		if (stat(from, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
			batch_fail("period %lld: LibreOffice exited 0 but wrote no %s.%s (see %s/.soffice.log); the "
			           "documents in %s were left as they were", p->id, base, formats[i][0], work, j->dir);
			goto out;
		}
		chmod(from, 0644);
		clock_gettime(CLOCK_MONOTONIC, &t2);
		printf("quarterly:   %s.%s converted (%lld bytes, %.2f s)\n", base, formats[i][0],
		       (long long)st.st_size, batch_seconds(&t1, &t2));
	}
	/* all three made: only now replace the previous ones */
	for (int i = 0; i < NFORMATS; i++) {
		snprintf(from, sizeof from, "%s/%s.%s", absw, base, formats[i][0]);
		snprintf(to, sizeof to, "%s/%s.%s", j->dir, base, formats[i][0]);
		if (rename(from, to) != 0) {
			batch_fail("cannot move %s into place: %s", to, strerror(errno));
			goto out;
		}
	}
	snprintf(files, sizeof files, "%s.odt %s.docx %s.pdf", base, base, base);
	if (record_run(p, files) != 0)
		fprintf(stderr, "egov-quarterly: warning: the run was not written to the audit trail\n");
	clock_gettime(CLOCK_MONOTONIC, &t2);
	printf("quarterly: done: %s.{odt,docx,pdf} in %s, %.2f s\n", base, j->dir, batch_seconds(&t0, &t2));
	rc = 0;
out:
	buf_free(&doc);
	rm_tree(absw);
	return rc;
}

int main(int argc, char **argv)
{
	static struct job j = {.lock_fd = -1};
	const char *cfg = getenv("EGOV_CONFIG");
	const char *const *sql;
	long long period = 0;
	struct qperiod p;
	struct stat st;
	char err[1300];
	int nsql, rc, found, has;

	batch_name("egov-quarterly");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		if (strcmp(a, "-c") == 0 && i + 1 < argc) {
			cfg = argv[++i];
		} else if (strcmp(a, "--period") == 0 && i + 1 < argc && period == 0) {
			const char *v = argv[++i];
			period = strtoll(v, &end, 10);
			if (*v == '\0' || *end != '\0' || period <= 0)
				return batch_fail("--period %s: expected a period id (a positive number)", v);
		} else if (strcmp(a, "--lock-fd") == 0 && i + 1 < argc) {
			const char *v = argv[++i];
			long fd = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || fd < 3 || fd > 1023)
				return usage();
			j.lock_fd = (int)fd;
		} else {
			return usage();
		}
	}
	if (period == 0)
		return usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	umask(022);
	/* LibreOffice is waited for: an inherited "ignore" would reap it unseen */
	signal(SIGCHLD, SIG_DFL);
	if (batch_start(&cfg, "quarterly") != 0)
		return 1;
	j.dir = config_get("reports_dir", NULL);
	j.soffice = config_get("soffice", "soffice");
	j.timeout_s = (int)config_int("quarterly_timeout_s", 180);
	if (j.timeout_s <= 0)
		j.timeout_s = 180;
	rc = 1;
	if (j.dir == NULL || *j.dir == '\0' || strlen(j.dir) > 900) {
		batch_fail("reports_dir is not set (or too long) in %s", cfg);
		goto out_cfg;
	}
	if (stat(j.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		batch_fail("reports_dir %s is not a directory", j.dir);
		goto out_cfg;
	}
	if (*j.soffice == '\0') {
		batch_fail("soffice is set to nothing in %s", cfg);
		goto out_cfg;
	}
	if (lang_load(config_get("templates", "/usr/local/share/egov-progress/templates"), err,
		      sizeof err) != 0) {
		batch_fail("%s", err);
		goto out_cfg;
	}
	sql = sections_sql(&nsql);
	if (db_setup("quarterly", sql, nsql) != E_OK || db_ensure() != E_OK) {
		batch_fail("cannot connect to the database (check db_socket/db_host and quarterly.db_user in %s)",
			   cfg);
		goto out_lang;
	}
	found = period_load(period, &p);
	if (found < 0) {
		batch_fail("cannot read period %lld from the database", period);
	} else if (found == 0) {
		batch_fail("period %lld does not exist", period);
	} else if (take_lock(j.dir, period, j.lock_fd) != 0) {
		/* message given */
	} else if ((has = period_has_data(&p)) < 0) {
		batch_fail("cannot read period %lld's figures from the database", period);
	} else if (has == 0) {
		batch_fail("period %lld (%s) has no data to report: no unit has submitted its form and there are "
		           "no aggregated figures (run egov-aggregate after the forms come in); nothing written",
		           period, p.label);
	} else {
		rc = make_report(&j, &p);
	}
	db_shutdown();
out_lang:
	lang_free();
out_cfg:
	config_free();
	return rc;
}
