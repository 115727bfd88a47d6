/* /review/periods: the reporting calendar.  Create periods with the data
 * cut-off window of Decree 09 filled in, open, close, lock, and unlock with
 * a reason; choose which indicators a period asks of each kind of unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/refdata.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

enum { PF_KIND, PF_YEAR, PF_SEQ, PF_DUE, PF_OPENS, PF_DONE };
const struct field periods_fields[] = {
	{"kind", F_WORD, 0, 0, 0, "Q|H|Y"},
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"seq", F_INT, 1, 4, 0, NULL},
	{"due", F_LINE, 0, 10, 0, NULL},
	{"opens", F_LINE, 0, 10, 0, NULL},
	{"done", F_WORD, 0, 0, 0, "created|open|close|lock|unlock|asked"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { SF_ID, SF_ACTION, SF_REASON };
const struct field pstate_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "open|close|lock|unlock"},
	{"reason", F_TEXT, 0, 2000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field pind_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_LIST, Q_ADD, Q_ASK_ACTIVE, Q_GET, Q_SET_OPEN, Q_SET_LOCK, Q_ASK_DEL, Q_ASK_ADD, Q_N };
static const char *const sql[Q_N] = {
	"SELECT p.id, p.kind, p.year, p.seq, p.cutoff_start, p.cutoff_end, p.opens_on, p.due_on, "
	"p.is_open, p.locked, (SELECT COUNT(*) FROM period_indicator pi WHERE pi.period_id = p.id) "
	"FROM period p ORDER BY p.year DESC, p.cutoff_end DESC, p.kind",
	"INSERT INTO period (kind, year, seq, cutoff_start, cutoff_end, opens_on, due_on, is_open) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
	/* a new period asks what is active now of each kind of unit */
	"INSERT INTO period_indicator (period_id, unit_kind, indicator_id) "
	"SELECT ?, k.kind, i.id FROM indicator i JOIN (SELECT 'department' AS kind UNION ALL "
	"SELECT 'district' UNION ALL SELECT 'commune' UNION ALL SELECT 'other') k "
	"ON FIND_IN_SET(k.kind, i.unit_kinds) WHERE i.active = 1",
	"SELECT id, kind, year, seq, is_open, locked FROM period WHERE id = ? FOR UPDATE",
	"UPDATE period SET is_open = ? WHERE id = ?",
	"UPDATE period SET locked = ? WHERE id = ?",
	"DELETE FROM period_indicator WHERE period_id = ? AND unit_kind = ? AND indicator_id = ?",
	"INSERT INTO period_indicator (period_id, unit_kind, indicator_id) VALUES (?, ?, ?)",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const kinds[] = {"department", "district", "commune", "other"};

static int list(struct req *r)
{
	struct dbres res;
	int rc = db_tab_exec(&tab, Q_LIST, &res, "");

	review_nav(r, "periods");
	r->tmpl = "review/periods.cs";
	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64], d[16];
		HDF *n = hnode(r, "Cal.periods.%u", i);

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
		date_iso_to_vn(dbres_get(&res, i, 4), d, sizeof d);
		nset(r, n, "cutoff_start", d);
		date_iso_to_vn(dbres_get(&res, i, 5), d, sizeof d);
		nset(r, n, "cutoff_end", d);
		date_iso_to_vn(dbres_get(&res, i, 6), d, sizeof d);
		nset(r, n, "opens", d);
		date_iso_to_vn(dbres_get(&res, i, 7), d, sizeof d);
		nset(r, n, "due", d);
		nseti(r, n, "open", dbres_int(&res, i, 8));
		nseti(r, n, "locked", dbres_int(&res, i, 9));
		nseti(r, n, "asked", dbres_int(&res, i, 10));
	}
	dbres_free(&res);
	hseti(r, "Cal.due_days", config_int("due_days_after_cutoff", 6));
	return E_OK;
}

int ui_periods_get(struct req *r)
{
	if (r->fv[PF_DONE].present)
		hset(r, "Cal.done", r->fv[PF_DONE].s);
	return list(r);
}

/* Shows the list again with the typed values and a message. */
static int refuse(struct req *r, const char *field, const char *key)
{
	int rc = list(r);

	hset(r, "Cal.error", key);
	hset(r, "Cal.error_field", field);
	hset(r, "Cal.kind", r->fv[PF_KIND].s);
	hset(r, "Cal.year", r->fv[PF_YEAR].s);
	hset(r, "Cal.seq", r->fv[PF_SEQ].s);
	hset(r, "Cal.due", r->fv[PF_DUE].s);
	hset(r, "Cal.opens", r->fv[PF_OPENS].s);
	r->status = 422;
	return rc;
}

int ui_periods_post(struct req *r)
{
	struct ymd s, e, due, opens;
	char cs[11], ce[11], co[11], cd[11], kind[2], id[24];
	int rc;

	if (!r->fv[PF_KIND].present || !r->fv[PF_YEAR].present || !r->fv[PF_SEQ].present)
		return refuse(r, "kind", "period_missing");
	kind[0] = r->fv[PF_KIND].s[0];
	kind[1] = '\0';
	if (period_window(kind[0], (int)r->fv[PF_YEAR].i, (int)r->fv[PF_SEQ].i, &s, &e) != 0)
		return refuse(r, "seq", "period_invalid");
	due = period_default_due(e, (int)config_int("due_days_after_cutoff", 6));
	opens = period_default_open(e);
	if (r->fv[PF_DUE].present && r->fv[PF_DUE].s[0] && date_parse(r->fv[PF_DUE].s, &due) != 0)
		return refuse(r, "due", "date");
	if (r->fv[PF_OPENS].present && r->fv[PF_OPENS].s[0] && date_parse(r->fv[PF_OPENS].s, &opens) != 0)
		return refuse(r, "opens", "date");
	if (days_from_civil(due) < days_from_civil(opens))
		return refuse(r, "due", "due_before_open");
	date_iso(s, cs, sizeof cs);
	date_iso(e, ce, sizeof ce);
	date_iso(opens, co, sizeof co);
	date_iso(due, cd, sizeof cd);
	if ((rc = db_begin()) != E_OK)
		return rc;
	rc = db_tab_exec(&tab, Q_ADD, NULL, "siissss", kind, r->fv[PF_YEAR].i, r->fv[PF_SEQ].i, cs, ce,
			 co, cd);
	if (rc == E_DUP) {
		db_rollback();
		return refuse(r, "seq", "period_exists");
	}
	snprintf(id, sizeof id, "%llu", db_insert_id());
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_ASK_ACTIVE, NULL, "i", (long long)db_insert_id());
	if (rc == E_OK)
		rc = audit(r, "period_create", "period", id, NULL, cd, NULL);
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) == E_OK)
		req_redirect(r, "/review/periods?done=created");
	return rc;
}

int ui_period_state(struct req *r)
{
	const char *a = r->fv[SF_ACTION].s, *reason = r->fv[SF_REASON].s;
	struct dbres p;
	char id[24], loc[64];
	int rc, st, value;

	/* unlocking reopens figures the committee may already have seen: say why */
	if (strcmp(a, "unlock") == 0 && (reason == NULL || reason[strspn(reason, " \t\r\n")] == '\0')) {
		rc = list(r);
		hset(r, "Cal.error", "reason_required");
		hseti(r, "Cal.error_period", r->fv[SF_ID].i);
		r->status = 422;
		return rc;
	}
	st = (strcmp(a, "open") == 0 || strcmp(a, "close") == 0) ? Q_SET_OPEN : Q_SET_LOCK;
	value = strcmp(a, "open") == 0 || strcmp(a, "lock") == 0;
	snprintf(id, sizeof id, "%lld", r->fv[SF_ID].i);
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_GET, &p, "i", r->fv[SF_ID].i)) != E_OK)
		goto fail;
	if (p.nrows != 1) {
		dbres_free(&p);
		rc = E_NOTFOUND;
		goto fail;
	}
	dbres_free(&p);
	if ((rc = db_tab_exec(&tab, st, NULL, "ii", (long long)value, r->fv[SF_ID].i)) != E_OK ||
	    (rc = audit(r, strcmp(a, "open") == 0 ? "period_open" : strcmp(a, "close") == 0 ? "period_close"
			   : strcmp(a, "lock") == 0 ? "period_lock" : "period_unlock",
			"period", id, NULL, NULL, reason && *reason ? reason : NULL)) != E_OK)
		goto fail;
	if ((rc = db_commit()) == E_OK) {
		snprintf(loc, sizeof loc, "/review/periods?done=%s", a);
		req_redirect(r, loc);
	}
	return rc;
fail:
	db_rollback();
	return rc;
}

static int pind_show(struct req *r, const struct refdata *rd, const struct dbres *p)
{
	char label[64];
	int k = 0;

	period_label(dbres_get(p, 0, 1)[0], (int)dbres_int(p, 0, 2), (int)dbres_int(p, 0, 3), r->lang,
		     label, sizeof label);
	review_nav(r, "periods");
	hset(r, "Ask.period.id", dbres_get(p, 0, 0));
	hset(r, "Ask.period.label", label);
	hseti(r, "Ask.period.locked", dbres_int(p, 0, 5));
	for (unsigned i = 0; i < rd->nind; i++) {
		const struct ref_ind *in = &rd->ind[i];
		HDF *n = hnode(r, "Ask.rows.%d", k++);

		nseti(r, n, "id", in->id);
		nset(r, n, "code", in->code);
		nset(r, n, "name", strcmp(r->lang, "en") == 0 ? in->name_en : in->name);
		nseti(r, n, "active", in->active);
		for (unsigned j = 0; j < sizeof kinds / sizeof kinds[0]; j++) {
			char key[32];
			snprintf(key, sizeof key, "ask.%s", kinds[j]);
			nseti(r, n, key, ref_asked(rd, dbres_int(p, 0, 0), kinds[j], in->id));
		}
	}
	r->tmpl = "review/period-indicators.cs";
	return E_OK;
}

int ui_pind_get(struct req *r)
{
	const struct refdata *rd;
	struct dbres p;
	int rc;

	if ((rc = ref_get(r, &rd)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_GET, &p, "i", r->fv[0].i)) != E_OK)
		return rc;
	rc = p.nrows == 1 ? pind_show(r, rd, &p) : E_NOTFOUND;
	dbres_free(&p);
	return rc;
}

/* Replaces the period's set with what is ticked: ask_<kind>_<indicator id>. */
int ui_pind_post(struct req *r)
{
	const struct refdata *rd;
	struct dbres p;
	struct audit_row *rows = NULL;
	char (*ids)[64] = NULL;
	int rc, n = 0;
	long long pid = r->fv[0].i;

	if ((rc = ref_get(r, &rd)) != E_OK)
		return rc;
	rows = calloc(rd->nind * 4 + 1, sizeof *rows);
	ids = calloc(rd->nind * 4 + 1, sizeof *ids);
	if (rows == NULL || ids == NULL) {
		rc = E_INTERNAL;
		goto out;
	}
	if ((rc = db_begin()) != E_OK)
		goto out;
	if ((rc = db_tab_exec(&tab, Q_GET, &p, "i", pid)) != E_OK)
		goto fail;
	if (p.nrows != 1 || dbres_int(&p, 0, 5)) {
		rc = p.nrows != 1 ? E_NOTFOUND : E_FORBIDDEN;
		r->message = "period_locked";
		dbres_free(&p);
		goto fail;
	}
	dbres_free(&p);
	for (unsigned i = 0; i < rd->nind; i++) {
		for (unsigned j = 0; j < sizeof kinds / sizeof kinds[0]; j++) {
			const struct ref_ind *in = &rd->ind[i];
			char key[64];
			const char *v;
			int want, has = ref_asked(rd, pid, kinds[j], in->id);

			snprintf(key, sizeof key, "ask_%s_%lld", kinds[j], in->id);
			v = req_body_param(r, key);
			want = v != NULL && strcmp(v, "1") == 0;
			if (want == has)
				continue;
			rc = db_tab_exec(&tab, want ? Q_ASK_ADD : Q_ASK_DEL, NULL, "isi", pid, kinds[j], in->id);
			if (rc != E_OK)
				goto fail;
			snprintf(ids[n], sizeof ids[n], "%lld:%s:%s", pid, kinds[j], in->code);
			rows[n] = (struct audit_row){want ? "ask_add" : "ask_remove", "period_indicator",
						     ids[n], NULL, NULL, NULL};
			n++;
		}
	}
	if (n > 0 && (rc = audit_many(r, rows, n)) != E_OK)
		goto fail;
	if ((rc = db_commit()) == E_OK)
		req_redirect(r, "/review/periods?done=asked");
	goto out;
fail:
	db_rollback();
out:
	free(rows);
	free(ids);
	return rc;
}
