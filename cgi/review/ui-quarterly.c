/* /review/quarterly: the working group's quarterly report to the committee
 * (Art. 6.7).  The page shows which documents of a period exist; "Lập báo
 * cáo" starts egov-quarterly detached from the worker (LibreOffice takes
 * seconds and must not hold a FastCGI worker); /review/quarterly-file sends
 * a document as a download.
 *
 * One run per period: the worker takes the period's flock itself before it
 * starts the job and hands the locked descriptor to egov-quarterly
 * (--lock-fd), so a second click while the first run is still starting is
 * refused too.  The job's output goes to reports_dir/.quarterly-ID.log,
 * whose last line the page shows. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "review.h"

enum { QF_PERIOD, QF_DONE };
const struct field quarterly_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "started"},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field qfile_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"format", F_WORD, 0, 0, 1, "odt|docx|pdf"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_DEFAULT, Q_PERIOD, Q_N };
static const char *const sql[Q_N] = {
	/* the latest quarter whose data are in, else the latest quarter */
	"SELECT id FROM period WHERE kind = 'Q' "
	"ORDER BY cutoff_end < DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) DESC, year DESC, seq DESC LIMIT 1",
	"SELECT id, kind, year, seq FROM period WHERE id = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const formats[][2] = {
	{"odt", "application/vnd.oasis.opendocument.text"},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"pdf", "application/pdf"},
};
#define NFORMATS 3
#define MAX_DOC_BYTES (64L << 20)

struct qper {
	long long id;
	char kind;
	int year, seq;
};

/* E_OK and the period, E_NOTFOUND, or a database error. */
static int load_period(long long id, struct qper *p)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, Q_PERIOD, &res, "i", id);

	if (rc != E_OK)
		return rc;
	rc = res.nrows == 1 ? E_OK : E_NOTFOUND;
	if (rc == E_OK) {
		p->id = id;
		p->kind = dbres_get(&res, 0, 1)[0];
		p->year = (int)dbres_int(&res, 0, 2);
		p->seq = (int)dbres_int(&res, 0, 3);
	}
	dbres_free(&res);
	return rc;
}

static const char *reports_dir(void)
{
	const char *d = config_get("reports_dir", NULL);
	return d != NULL && *d != '\0' && strlen(d) < 900 ? d : NULL;
}

/* reports_dir/quarterly-2026-Q3.odt, as egov-quarterly names it */
static void doc_path(const struct qper *p, const char *ext, char *out, size_t n)
{
	snprintf(out, n, "%s/quarterly-%d-%c%d.%s", reports_dir(), p->year, p->kind, p->seq, ext);
}

static void lock_path(long long id, char *out, size_t n)
{
	snprintf(out, n, "%s/.quarterly-%lld.lock", reports_dir(), id);
}

/* Whether a run of the period holds its lock now. */
static int running(long long id)
{
	char path[1024];
	int fd, busy = 0;

	lock_path(id, path, sizeof path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (flock(fd, LOCK_SH | LOCK_NB) != 0)
		busy = errno == EWOULDBLOCK;
	close(fd);
	return busy;
}

static void hanoi_time(time_t t, char *out, size_t n)
{
	struct tm tm;

	t += 7 * 3600;   /* Asia/Ho_Chi_Minh has no summer time */
	gmtime_r(&t, &tm);
	strftime(out, n, "%d/%m/%Y %H:%M", &tm);
}

/* An exclusive lock without waiting for a run, but past a page's brief
 * shared look at it (running()). */
static int lock_now(int fd)
{
	for (int i = 0; i < 20; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK)
			return -1;
		nanosleep(&(struct timespec){0, 10000000L}, NULL);
	}
	return -1;
}

/* How the last run ended, from the last line the job wrote.  The page names
 * the outcome only: the line itself (paths, LibreOffice's words) stays in
 * reports_dir/.quarterly-ID.log for the administrator. */
static void last_run(struct req *r, long long id)
{
	char path[1024];
	struct buf b;
	size_t end, start;
	const char *line, *outcome = "failed";

	snprintf(path, sizeof path, "%s/.quarterly-%lld.log", reports_dir(), id);
	buf_init(&b);
	if (buf_read_file(&b, path, 1 << 20) != 0 || b.len == 0) {
		buf_free(&b);
		return;
	}
	buf_str(&b);   /* room for the NUL at b.len */
	end = b.len;
	while (end > 0 && b.p[end - 1] == '\n')
		end--;
	start = end;
	while (start > 0 && b.p[start - 1] != '\n')
		start--;
	b.p[end] = '\0';
	line = b.p + start;
	if (strncmp(line, "quarterly: done", 15) == 0)
		outcome = "done";
	else if (strstr(line, "has no data to report") != NULL)
		outcome = "no_data";
	else if (strncmp(line, "quarterly:", 10) == 0)
		outcome = "cut";   /* stopped in the middle: no last word */
	hset(r, "Qr.last", outcome);
	buf_free(&b);
	{
		struct stat st;
		if (stat(path, &st) == 0) {
			char when[32];
			hanoi_time(st.st_mtime, when, sizeof when);
			hset(r, "Qr.last_when", when);
		}
	}
}

static void list_docs(struct req *r, const struct qper *p)
{
	int n = 0;

	for (int i = 0; i < NFORMATS; i++) {
		char path[1024], when[32], size[32];
		struct stat st;
		HDF *node;

		doc_path(p, formats[i][0], path, sizeof path);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		hanoi_time(st.st_mtime, when, sizeof when);
		snprintf(size, sizeof size, "%lld KB", ((long long)st.st_size + 1023) / 1024);
		node = hnode(r, "Qr.docs.%d", n++);
		nset(r, node, "format", formats[i][0]);
		nset(r, node, "when", when);
		nset(r, node, "size", size);
	}
}

/* The page for a period; err: a Lang.Quarterly.Err key to show. */
static int page(struct req *r, long long id, const char *err)
{
	struct qper p = {0};
	struct dbres res;
	char label[64];
	int rc;

	review_nav(r, "quarterly");
	r->tmpl = "review/quarterly.cs";
	if (id == 0) {
		if ((rc = db_tab_exec(&tab, Q_DEFAULT, &res, "")) != E_OK)
			return rc;
		if (res.nrows == 1)
			id = dbres_int(&res, 0, 0);
		dbres_free(&res);
	}
	if ((rc = review_period_choice(r, id)) != E_OK)
		return rc;
	if (err != NULL)
		hset(r, "Qr.error", err);
	if (id == 0)
		return E_OK;
	if ((rc = load_period(id, &p)) != E_OK)
		return rc;
	period_label(p.kind, p.year, p.seq, r->lang, label, sizeof label);
	hseti(r, "Qr.period.id", p.id);
	hset(r, "Qr.period.label", label);
	if (reports_dir() == NULL) {
		hset(r, "Qr.error", "no_reports_dir");
		return E_OK;
	}
	list_docs(r, &p);
	hseti(r, "Qr.running", running(p.id));
	last_run(r, p.id);
	return E_OK;
}

int ui_quarterly_get(struct req *r)
{
	if (r->fv[QF_DONE].present)
		hset(r, "Qr.done", r->fv[QF_DONE].s);
	return page(r, r->fv[QF_PERIOD].present ? r->fv[QF_PERIOD].i : 0, NULL);
}

/* In the grandchild: egov-quarterly with the period's lock on lock_fd and
 * its output in the period's log; nothing else of the worker's. */
static void run_job(const char *bindir, long long id, int lock_fd)
{
	char prog[1024], period[24], fd[16], logpath[1024];
	const char *cfg = getenv("EGOV_CONFIG");
	int nul = open("/dev/null", O_RDONLY), logfd;

	snprintf(logpath, sizeof logpath, "%s/.quarterly-%lld.log", reports_dir(), id);
	logfd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (nul < 0 || logfd < 0 || cfg == NULL)
		_exit(2);
	dup2(nul, 0);
	dup2(logfd, 1);
	dup2(logfd, 2);
	for (int f = 3; f < 1024; f++)
		if (f != lock_fd)
			close(f);
	fcntl(lock_fd, F_SETFD, 0);   /* the lock goes on into the job */
	snprintf(prog, sizeof prog, "%s/egov-quarterly", bindir);
	snprintf(period, sizeof period, "%lld", id);
	snprintf(fd, sizeof fd, "%d", lock_fd);
	execl(prog, "egov-quarterly", "-c", cfg, "--period", period, "--lock-fd", fd, (char *)NULL);
	dprintf(1, "egov-quarterly: cannot start %s\n", prog);
	_exit(127);
}

int ui_quarterly_post(struct req *r)
{
	const char *bindir = config_get("bin_dir", "/usr/local/lib/egov-progress");
	struct qper p;
	char path[1024], id[24], loc[96];
	pid_t child;
	int rc, fd;

	if (!r->fv[QF_PERIOD].present) {
		r->bad_field = "period";
		return E_BADREQ;
	}
	if ((rc = load_period(r->fv[QF_PERIOD].i, &p)) != E_OK)
		return rc;
	if (reports_dir() == NULL) {
		r->status = 503;
		return page(r, p.id, "no_reports_dir");
	}
	lock_path(p.id, path, sizeof path);
	fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		log_msg(r->id, "quarterly: cannot open %s: %s", path, strerror(errno));
		r->status = 500;
		return page(r, p.id, "start_failed");
	}
	if (lock_now(fd) != 0) {
		close(fd);
		r->status = 409;
		return page(r, p.id, "busy");
	}
	snprintf(id, sizeof id, "%lld", p.id);
	if ((rc = audit(r, "quarterly_request", "period", id, NULL, NULL, NULL)) != E_OK) {
		close(fd);
		return rc;
	}
	/* double fork: the job belongs to init, the worker reaps only the middle child */
	child = fork();
	if (child < 0) {
		close(fd);
		log_msg(r->id, "quarterly: fork failed");
		return E_INTERNAL;
	}
	if (child == 0) {
		setsid();
		signal(SIGCHLD, SIG_DFL);
		if (fork() == 0)
			run_job(bindir, p.id, fd);
		_exit(0);
	}
	close(fd);   /* the job's copy keeps the lock */
	waitpid(child, NULL, 0);
	snprintf(loc, sizeof loc, "/review/quarterly?period=%lld&done=started", p.id);
	req_redirect(r, loc);
	return E_OK;
}

int ui_quarterly_file(struct req *r)
{
	const char *ext = r->fv[1].s, *ctype = NULL;
	struct qper p;
	char path[1024], name[64];
	int rc;

	for (int i = 0; i < NFORMATS; i++)
		if (strcmp(ext, formats[i][0]) == 0)
			ctype = formats[i][1];
	if (ctype == NULL) {
		r->bad_field = "format";
		return E_BADREQ;
	}
	if ((rc = load_period(r->fv[0].i, &p)) != E_OK)
		return rc;
	if (reports_dir() == NULL)
		return E_NOTFOUND;
	doc_path(&p, ext, path, sizeof path);
	buf_reset(&r->out);
	if (buf_read_file(&r->out, path, MAX_DOC_BYTES) != 0) {
		buf_reset(&r->out);
		return E_NOTFOUND;
	}
	snprintf(name, sizeof name, "bao-cao-quy-%d-%c%d.%s", p.year, p.kind, p.seq, ext);
	req_download(r, ctype, name);
	return E_OK;
}
