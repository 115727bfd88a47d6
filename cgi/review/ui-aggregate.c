/* POST /review/aggregate: the working group recomputes a period's figures
 * and charts on demand.  The jobs run detached from the worker (they take
 * seconds and must not hold a FastCGI worker); the dashboard shows when the
 * figures were computed. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "review.h"

const struct field aggregate_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_PERIOD, Q_N };
static const char *const sql[Q_N] = {"SELECT id FROM period WHERE id = ?"};
static struct stmt_table tab = STMT_TABLE(sql);

/* In the grandchild: egov-aggregate --period ID, then egov-charts --period ID. */
static void run_jobs(const char *bindir, const char *period)
{
	char agg[1024], charts[1024];
	const char *cfg = getenv("EGOV_CONFIG");
	int status, fd;
	pid_t pid;

	snprintf(agg, sizeof agg, "%s/egov-aggregate", bindir);
	snprintf(charts, sizeof charts, "%s/egov-charts", bindir);
	/* nothing of the worker's: not its FastCGI socket, not its database link */
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
	}
	if (cfg == NULL)
		_exit(2);
	pid = fork();
	if (pid == 0) {
		execl(agg, "egov-aggregate", "-c", cfg, "--period", period, "--quiet", (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		_exit(1);
	execl(charts, "egov-charts", "-c", cfg, "--period", period, (char *)NULL);
	_exit(127);
}

int ui_aggregate(struct req *r)
{
	const char *bindir = config_get("bin_dir", "/usr/local/lib/egov-progress");
	long long id = r->fv[0].i;
	struct dbres p;
	char period[24], loc[64];
	pid_t child;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_PERIOD, &p, "i", id)) != E_OK)
		return rc;
	rc = p.nrows == 1 ? E_OK : E_NOTFOUND;
	dbres_free(&p);
	if (rc != E_OK)
		return rc;
	snprintf(period, sizeof period, "%lld", id);
	if ((rc = audit(r, "aggregate_request", "period", period, NULL, NULL, NULL)) != E_OK)
		return rc;
	/* double fork: the jobs belong to init, the worker reaps only the middle child */
	child = fork();
	if (child < 0) {
		log_msg(r->id, "aggregate: fork failed");
		return E_INTERNAL;
	}
	if (child == 0) {
		setsid();
		signal(SIGCHLD, SIG_DFL);
		if (fork() == 0)
			run_jobs(bindir, period);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	snprintf(loc, sizeof loc, "/review/?done=aggregate&period=%lld", id);
	req_redirect(r, loc);
	return E_OK;
}
