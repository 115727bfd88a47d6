/* Evidence attachments for the officer's own unit:
 *   POST /report/evidence          upload (multipart: csrf, period, indicator, file)
 *   GET  /report/evidence?id=      download, own unit only
 *   POST /report/evidence-delete   soft delete (csrf, id)
 * Adding and deleting only while the form is editable: period open, not
 * locked, the unit's submission in draft or returned.  The unit always comes
 * from the session.  Every change is audited in its own transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/evidence.h"
#include "../lib/files.h"
#include "../lib/log.h"
#include "../lib/refdata.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "report.h"

#define MIB (1024LL * 1024LL)

const struct field evidence_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{"indicator", F_LINE, 0, 32, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};
enum { EF_ID, EF_PERIOD, EF_INDICATOR };

const struct field evidence_del_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

static const char *const sql[] = {
#define ST_HEAD 0
	/* the period as the unit sees it, and the unit's submission; the share
	 * lock makes a concurrent submit or lock wait for this change, or win */
	"SELECT p.is_open, p.locked, COALESCE(s.id, 0), s.status FROM period p "
	"JOIN unit u ON u.id = ? LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = p.id "
	"WHERE p.id = ? AND p.cutoff_end >= u.valid_from "
	"AND (u.valid_to IS NULL OR p.cutoff_start <= u.valid_to) LOCK IN SHARE MODE",
#define ST_USED 1
	/* the unit's quota: locking its rows serialises concurrent uploads */
	"SELECT COALESCE(SUM(size_bytes), 0) FROM evidence WHERE unit_id = ? AND deleted = 0 "
	"FOR UPDATE",
#define ST_INSERT 2
	"INSERT INTO evidence (submission_id, indicator_id, unit_id, stored_name, original_name, "
	"content_type, size_bytes, sha256, uploaded_by, uploaded_at) "
	"VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
#define ST_ROW 3
	"SELECT s.period_id, p.is_open, p.locked, s.status, e.original_name, "
	"COALESCE(i.code, ''), e.submission_id FROM evidence e "
	"JOIN submission s ON s.id = e.submission_id JOIN period p ON p.id = s.period_id "
	"LEFT JOIN indicator i ON i.id = e.indicator_id "
	"WHERE e.id = ? AND e.unit_id = ? AND e.deleted = 0 LOCK IN SHARE MODE",
#define ST_DELETE 4
	"UPDATE evidence SET deleted = 1 WHERE id = ? AND deleted = 0",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* A refusal the officer can act on: a page with the reason and the way back
 * to the form.  Nothing was stored (the caller rolled back). */
static int refuse(struct req *r, int status, const char *why, long long period_id)
{
	r->status = status;
	r->tmpl = "report/evidence.cs";
	hset(r, "Ev.err", why);
	if (period_id > 0)
		hseti(r, "Ev.period", period_id);
	hseti(r, "Ev.max_mb", config_int("evidence_max_bytes", 10 * MIB) / MIB);
	hseti(r, "Ev.quota_mb", config_int("evidence_quota_bytes", 200 * MIB) / MIB);
	return E_OK;
}

/* Why the form does not take changes now, or NULL. */
static const char *not_editable(int is_open, int locked, const char *status, int *http)
{
	if (locked) {
		*http = 403;
		return "locked";
	}
	if (!is_open) {
		*http = 403;
		return "closed";
	}
	if (status != NULL && strcmp(status, "draft") != 0 && strcmp(status, "returned") != 0) {
		*http = 409;
		return "read_only";
	}
	return NULL;
}

/* Called by the form page (ui-form.c): the list, the marks on the rows, the
 * outcome of the last upload or delete. */
int evidence_form(struct req *r, long long sub_id)
{
	const char *ev = req_param(r, "ev");
	int rc;

	hseti(r, "Form.evidence_max_mb", config_int("evidence_max_bytes", 10 * MIB) / MIB);
	if (ev != NULL && list_has("added|deleted", '|', ev))
		hset(r, "Form.ev_done", ev);
	rc = evidence_list(r, sub_id, "Form.evidence");
	if (rc != E_OK)
		hset(r, "Form.evidence.failed", "1");
	return rc;
}

int ui_evidence_get(struct req *r)
{
	if (!r->fv[EF_ID].present) {
		r->bad_field = "id";
		return E_BADREQ;
	}
	/* unit 0 would mean "any unit" to evidence_send */
	if (r->user.unit_id <= 0)
		return E_NOTFOUND;
	return evidence_send(r, r->fv[EF_ID].i, r->user.unit_id);
}

/* The indicator a file is for: one the period asks of the unit's kind. */
static int indicator_of(struct req *r, long long period_id, const char *code, long long *id)
{
	const struct refdata *rd;
	int rc;

	*id = 0;
	if (code == NULL || code[0] == '\0')
		return E_OK;
	if ((rc = ref_get(r, &rd)) != E_OK)
		return rc;
	for (unsigned i = 0; i < rd->nind; i++)
		if (strcmp(rd->ind[i].code, code) == 0 &&
		    ref_asked(rd, period_id, r->user.unit_kind, rd->ind[i].id)) {
			*id = rd->ind[i].id;
			return E_OK;
		}
	return E_NOTFOUND;
}

/* One upload, once its content and name passed. */
struct upload {
	long long period_id, ind_id, sub_id, used, quota;
	const char *code, *name, *stored, *sum;
	const struct ev_type *t;
	size_t len;
};

/* The upload's transaction: the form still editable (a draft made if there
 * is none yet), the unit's quota, the row and its audit.  E_OK with *why NULL
 * when committed; E_OK with *why and *http when refused; else an error.
 * Anything but a commit is rolled back. */
static int add_row(struct req *r, struct upload *u, const char **why, int *http)
{
	struct dbres h = {0}, q = {0};
	char ids[24], detail[1400];
	int rc;

	*why = NULL;
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, ST_HEAD, &h, "ii", r->user.unit_id, u->period_id)) != E_OK)
		goto out;
	if (h.nrows != 1) {
		rc = E_NOTFOUND;
		goto out;
	}
	u->sub_id = dbres_int(&h, 0, 2);
	*why = not_editable((int)dbres_int(&h, 0, 0), (int)dbres_int(&h, 0, 1), dbres_get(&h, 0, 3),
			    http);
	if (*why != NULL)
		goto out;
	if (u->sub_id == 0) {
		/* the first thing the unit keeps for this period: its draft, as a save makes it */
		rc = db_exec(ST_SUB_INSERT, NULL, "iissii", r->user.unit_id, u->period_id,
			     (const char *)NULL, (const char *)NULL, r->user.id, r->user.id);
		if (rc == E_DUP)
			rc = E_CONFLICT;  /* created meanwhile: try again */
		if (rc != E_OK)
			goto out;
		u->sub_id = (long long)db_insert_id();
		snprintf(ids, sizeof ids, "%lld", u->sub_id);
		if ((rc = audit(r, "create", "submission", ids, NULL, "1", NULL)) != E_OK)
			goto out;
	}
	if ((rc = db_tab_exec(&tab, ST_USED, &q, "i", r->user.unit_id)) != E_OK)
		goto out;
	u->used = dbres_int(&q, 0, 0);
	if (u->used + (long long)u->len > u->quota) {
		*why = "quota";
		*http = 422;
		goto out;
	}
	rc = db_tab_exec(&tab, ST_INSERT, NULL, "iiisssisi", u->sub_id, u->ind_id, r->user.unit_id,
			 u->stored, u->name, u->t->mime, (long long)u->len, u->sum, r->user.id);
	if (rc != E_OK)
		goto out;
	snprintf(ids, sizeof ids, "%llu", db_insert_id());
	snprintf(detail, sizeof detail, "submission %lld, %s: %s (%s, %zu bytes, sha256 %s)",
		 u->sub_id, (u->code && u->code[0]) ? u->code : "-", u->name, u->t->mime, u->len,
		 u->sum);
	if ((rc = audit(r, "evidence_add", "evidence", ids, NULL, detail, NULL)) == E_OK)
		rc = db_commit();
out:
	if (rc != E_OK || *why != NULL)
		db_rollback();
	dbres_free(&h);
	dbres_free(&q);
	return rc;
}

int ui_evidence_post(struct req *r)
{
	const char *dir = config_get("evidence_dir", NULL), *why;
	struct upload u = {r->fv[EF_PERIOD].i, 0, 0, 0, config_int("evidence_quota_bytes", 200 * MIB),
			   r->fv[EF_INDICATOR].s, NULL, NULL, NULL, NULL, 0};
	const struct kv *file;
	struct upfile f;
	char stored[65], loc[96];
	int count, http = 0, rc;

	if (!r->fv[EF_PERIOD].present) {
		r->bad_field = "period";
		return E_BADREQ;
	}
	if (r->user.unit_id <= 0)
		return refuse(r, 403, "no_unit", 0);
	if (dir == NULL) {
		log_msg(r->id, "evidence: evidence_dir is not configured");
		return E_INTERNAL;
	}
	file = file_first(r, "file", &count);
	if (count > 1)
		return refuse(r, 422, "many_files", u.period_id);
	if (file == NULL || (file->vlen == 0 && file->filename[0] == '\0'))
		return refuse(r, 422, "no_file", u.period_id);
	if ((why = file_check(file, &f)) != NULL) {
		if (strcmp(why, EV_WHY_EXT) == 0)
			hset(r, "Ev.type", f.type->label);
		return refuse(r, strcmp(why, "too_big") == 0 ? 413 : 422, why, u.period_id);
	}
	rc = indicator_of(r, u.period_id, u.code, &u.ind_id);
	if (rc == E_NOTFOUND)
		return refuse(r, 422, "indicator", u.period_id);
	if (rc != E_OK)
		return rc;
	u.t = f.type;
	u.name = f.name;
	u.sum = f.sum;
	u.len = f.len;

	/* the file first (slow: written and synced outside the transaction),
	 * removed again unless its row is committed */
	if ((rc = ev_store(dir, (const unsigned char *)f.data, f.len, stored)) != E_OK)
		return rc;
	u.stored = stored;
	rc = add_row(r, &u, &why, &http);
	if (rc != E_OK || why != NULL) {
		ev_unlink(dir, stored);
		if (rc != E_OK)
			return rc;
		hseti(r, "Ev.used_mb", (u.used + MIB - 1) / MIB);
		return refuse(r, http, why, u.period_id);
	}
	snprintf(loc, sizeof loc, "/report/form?period=%lld&ev=added#evidence", u.period_id);
	req_redirect(r, loc);
	return E_OK;
}

int ui_evidence_delete(struct req *r)
{
	long long id = r->fv[0].i, period_id;
	struct dbres e = {0};
	const char *why;
	char ids[24], old[1400], loc[96];
	int http = 0, rc;

	if (r->user.unit_id <= 0)
		return E_NOTFOUND;
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, ST_ROW, &e, "ii", id, r->user.unit_id)) != E_OK)
		goto fail;
	if (e.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	period_id = dbres_int(&e, 0, 0);
	why = not_editable((int)dbres_int(&e, 0, 1), (int)dbres_int(&e, 0, 2), dbres_get(&e, 0, 3),
			   &http);
	if (why != NULL) {
		db_rollback();
		dbres_free(&e);
		return refuse(r, http, why, period_id);
	}
	if ((rc = db_tab_exec(&tab, ST_DELETE, NULL, "i", id)) != E_OK)
		goto fail;
	if (db_affected() != 1) {
		rc = E_CONFLICT;
		goto fail;
	}
	snprintf(ids, sizeof ids, "%lld", id);
	snprintf(old, sizeof old, "submission %s, %s: %s", dbres_get(&e, 0, 6),
		 dbres_get(&e, 0, 5)[0] ? dbres_get(&e, 0, 5) : "-", dbres_get(&e, 0, 4));
	if ((rc = audit(r, "evidence_delete", "evidence", ids, old, NULL, NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&e);
	snprintf(loc, sizeof loc, "/report/form?period=%lld&ev=deleted#evidence", period_id);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&e);
	return rc;
}
