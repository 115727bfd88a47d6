/* /review/queue: forms waiting for review, oldest first. */
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

enum { QF_PERIOD, QF_KIND, QF_STATUS };
const struct field queue_fields[] = {
	{"period", F_INT, 0, 4294967295LL, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "department|district|commune|other"},
	{"status", F_WORD, 0, 0, 0, "submitted|returned|accepted|draft|all"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_QUEUE, Q_N };
static const char *const sql[Q_N] = {
	"SELECT s.id, u.name, u.kind, p.kind, p.year, p.seq, s.status, "
	"DATE_FORMAT(s.submitted_at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i'), "
	"DATE(s.submitted_at + INTERVAL 7 HOUR) <= p.due_on, "
	"DATEDIFF(DATE(s.submitted_at + INTERVAL 7 HOUR), p.due_on), COALESCE(us.display_name, '') "
	"FROM submission s JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id "
	"LEFT JOIN app_user us ON us.id = s.submitted_by "
	"WHERE (? = 'all' OR s.status = ?) AND (? = '' OR u.kind = ?) AND (? = 0 OR p.id = ?) "
	"ORDER BY s.submitted_at IS NULL, s.submitted_at, s.id LIMIT 1000",
};
static struct stmt_table tab = STMT_TABLE(sql);

int ui_queue(struct req *r)
{
	const char *status = r->fv[QF_STATUS].present ? r->fv[QF_STATUS].s : "submitted";
	const char *kind = r->fv[QF_KIND].present ? r->fv[QF_KIND].s : "";
	long long period = r->fv[QF_PERIOD].present ? r->fv[QF_PERIOD].i : 0;
	struct dbres res;
	int rc;

	review_nav(r, "queue");
	r->tmpl = "review/queue.cs";
	hset(r, "Queue.status", status);
	hset(r, "Queue.kind", kind);
	hseti(r, "Queue.period", period);
	if ((rc = review_period_choice(r, period)) != E_OK)
		return rc;
	rc = db_tab_exec(&tab, Q_QUEUE, &res, "ssssii", status, status, kind, kind, period, period);
	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64];
		HDF *n = hnode(r, "Queue.rows.%u", i);
		const char *late = dbres_get(&res, i, 9);

		period_label(dbres_get(&res, i, 3)[0], (int)dbres_int(&res, i, 4),
			     (int)dbres_int(&res, i, 5), r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "unit", dbres_get(&res, i, 1));
		nset(r, n, "kind", dbres_get(&res, i, 2));
		nset(r, n, "period", label);
		nset(r, n, "status", form_status(dbres_get(&res, i, 6), dbres_get(&res, i, 8)));
		nset(r, n, "submitted_at", dbres_get(&res, i, 7));
		nset(r, n, "submitted_by", dbres_get(&res, i, 10));
		if (late != NULL && late[0] != '-' && strcmp(late, "0") != 0)
			nset(r, n, "days_late", late);
	}
	hseti(r, "Queue.count", res.nrows);
	dbres_free(&res);
	return E_OK;
}
