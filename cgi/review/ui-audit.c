/* /review/audit: the audit trail, searched by unit, indicator, user and
 * date range, or for one value ("figure", "<submission>:<code>") or one
 * submission's timeline; /review/audit.csv exports the same rows. */
#include <stdio.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/db.h"
#include "../lib/hdfrows.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

enum { AF_UNIT, AF_INDICATOR, AF_USER, AF_FROM, AF_TO, AF_ENTITY, AF_ENTITY_ID };
const struct field audit_fields[] = {
	{"unit", F_LINE, 0, 32, 0, NULL},
	{"indicator", F_LINE, 0, 32, 0, NULL},
	{"user", F_LINE, 0, 64, 0, NULL},
	{"from", F_LINE, 0, 10, 0, NULL},
	{"to", F_LINE, 0, 10, 0, NULL},
	/* every entity a program writes to the trail, so each row's link works */
	{"entity", F_WORD, 0, 0, 0,
	 "figure|submission|period|period_indicator|user|unit|units|indicator|indicators|pillars|"
	 "evidence|export|audit|index_version|index_criterion|criterion_indicator|meeting|"
	 "meeting_file|invitation|attendance|direction|plan|plan_task|commendation"},
	{"entity_id", F_LINE, 0, 64, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_SEARCH, Q_N };
/* The unit of a row is the unit whose form it is about (figure and
 * submission rows) or else the actor's unit. */
#define SEARCH \
	"SELECT a.id, DATE_FORMAT(a.at + INTERVAL 7 HOUR, '%d/%m/%Y %H:%i:%s'), COALESCE(us.login, ''), " \
	"COALESCE(us.display_name, ''), COALESCE(fu.code, au.code, ''), a.action, a.entity, a.entity_id, " \
	"a.old_value, a.new_value, a.reason, a.request_id " \
	"FROM audit a LEFT JOIN app_user us ON us.id = a.actor_id " \
	"LEFT JOIN unit au ON au.id = a.actor_unit_id " \
	"LEFT JOIN submission s ON s.id = CASE WHEN a.entity = 'submission' THEN a.entity_id " \
	"  WHEN a.entity IN ('figure', 'evidence') THEN SUBSTRING_INDEX(a.entity_id, ':', 1) END " \
	"LEFT JOIN unit fu ON fu.id = s.unit_id " \
	"WHERE (? = '' OR COALESCE(fu.code, au.code) = ?) " \
	"AND (? = '' OR (a.entity = 'figure' AND SUBSTRING_INDEX(a.entity_id, ':', -1) = ?)) " \
	"AND (? = '' OR us.login = ?) " \
	"AND (? = '' OR a.at >= ? - INTERVAL 7 HOUR) " \
	"AND (? = '' OR a.at < ? + INTERVAL 1 DAY - INTERVAL 7 HOUR) " \
	"AND (? = '' OR a.entity = ?) AND (? = '' OR a.entity_id = ?) " \
	"ORDER BY a.id DESC LIMIT ?"
static const char *const sql[Q_N] = {SEARCH};
static struct stmt_table tab = STMT_TABLE(sql);

#define COLS 12

/* Runs the search with the validated filters; dates typed dd/mm/yyyy. */
static int search(struct req *r, long long limit, struct dbres *res)
{
	const char *v[7];
	char from[11] = "", to[11] = "";
	struct ymd d;
	struct dbparam p[15];

	for (int i = 0; i < 7; i++)
		v[i] = r->fv[i].present ? r->fv[i].s : "";
	if (v[AF_FROM][0]) {
		if (date_parse(v[AF_FROM], &d) != 0) {
			r->bad_field = "from";
			return E_BADREQ;
		}
		date_iso(d, from, sizeof from);
	}
	if (v[AF_TO][0]) {
		if (date_parse(v[AF_TO], &d) != 0) {
			r->bad_field = "to";
			return E_BADREQ;
		}
		date_iso(d, to, sizeof to);
	}
	{
		const char *args[14] = {v[AF_UNIT], v[AF_UNIT], v[AF_INDICATOR], v[AF_INDICATOR],
					v[AF_USER], v[AF_USER], from, from, to, to, v[AF_ENTITY],
					v[AF_ENTITY], v[AF_ENTITY_ID], v[AF_ENTITY_ID]};
		for (int i = 0; i < 14; i++)
			p[i] = (struct dbparam){'s', 0, 0, args[i], 0};
	}
	p[14] = (struct dbparam){'i', limit, 0, NULL, 0};
	return db_tab_execv(&tab, Q_SEARCH, res, p, 15);
}

int ui_audit(struct req *r)
{
	static const char *const names[COLS] = {"id", "at", "login", "user", "unit", "action", "entity",
						"entity_id", "old", "new", "reason", "request"};
	struct dbres res;
	int rc;

	review_nav(r, "audit");
	r->tmpl = "review/audit.cs";
	for (int i = 0; i < 7; i++)
		if (r->fv[i].present)
			hsetf(r, r->fv[i].s, "Audit.q.%s", audit_fields[i].name);
	if ((rc = search(r, 500, &res)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Audit.rows.%u", i);
		NSET_ROW(r, n, &res, i, names);
	}
	hseti(r, "Audit.count", res.nrows);
	dbres_free(&res);
	return E_OK;
}

int ui_audit_csv(struct req *r)
{
	static const char *const head[COLS] = {"id", "time (Asia/Ho_Chi_Minh)", "login", "user", "unit",
					       "action", "entity", "entity_id", "old_value", "new_value",
					       "reason", "request_id"};
	struct dbres res;
	int rc;

	if ((rc = search(r, 100000, &res)) != E_OK)
		return rc;
	/* UTF-8 with a byte order mark, so spreadsheet programs read the Vietnamese */
	buf_add(&r->out, "\xEF\xBB\xBF", 3);
	for (int c = 0; c < COLS; c++)
		csv_put(&r->out, head[c], c == 0);
	buf_adds(&r->out, "\r\n");
	for (unsigned i = 0; i < res.nrows; i++) {
		for (int c = 0; c < COLS; c++)
			csv_put(&r->out, dbres_get(&res, i, (unsigned)c), c == 0);
		buf_adds(&r->out, "\r\n");
	}
	dbres_free(&res);
	req_download(r, "text/csv; charset=utf-8", "nhat-ky.csv");
	return audit(r, "export", "audit", "csv", NULL, NULL, NULL);
}
