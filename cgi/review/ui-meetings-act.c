/* A meeting's agenda, invitees and recorded attendance (POST only; each
 * answers with the meeting's page).  Changes lock the meeting's row first,
 * so two people editing the same meeting take turns; attendance carries each
 * invitation's version, as the invitee may be answering at the same time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

enum { AG_ID, AG_ACTION, AG_SEQ, AG_TITLE, AG_PRESENTER };
const struct field magenda_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "add|delete"},
	{"seq", F_INT, 1, 65535, 0, NULL},
	{"title", F_LINE, 0, 500, 0, NULL},
	{"presenter", F_LINE, 0, 255, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { IV_ID, IV_ACTION, IV_USER };
const struct field minvitee_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"action", F_WORD, 0, 0, 1, "add|remove"},
	{"user", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

/* att_<user id> and ver_<user id> come as raw parameters, one per invitee */
const struct field mattend_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_LOCK, Q_AG_ADD, Q_AG_DEL, Q_USER, Q_INV_GET, Q_INV_ADD, Q_INV_DEL, Q_INVS, Q_ATTEND, Q_N };
static const char *const sql[Q_N] = {
	/* Q_LOCK */
	"SELECT kind, status, starts_at <= UTC_TIMESTAMP() FROM meeting WHERE id = ? FOR UPDATE",
	/* Q_AG_ADD: the next number (the meeting's row lock serialises this) */
	"INSERT INTO meeting_agenda (meeting_id, seq, title, presenter) "
	"SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, NULLIF(?, '') FROM meeting_agenda WHERE meeting_id = ?",
	/* Q_AG_DEL */
	"DELETE FROM meeting_agenda WHERE meeting_id = ? AND seq = ?",
	/* Q_USER: someone who may be invited */
	"SELECT display_name FROM app_user WHERE id = ? AND active = 1 AND (FIND_IN_SET('member', roles) "
	"OR FIND_IN_SET('deputy', roles) OR FIND_IN_SET('head', roles) OR FIND_IN_SET('wg', roles) "
	"OR FIND_IN_SET('wg_lead', roles))",
	/* Q_INV_GET */
	"SELECT answer, attended FROM invitation WHERE meeting_id = ? AND user_id = ? FOR UPDATE",
	/* Q_INV_ADD */
	"INSERT INTO invitation (meeting_id, user_id) VALUES (?, ?)",
	/* Q_INV_DEL */
	"DELETE FROM invitation WHERE meeting_id = ? AND user_id = ? AND answer = 'none' "
	"AND attended = 'unknown'",
	/* Q_INVS */
	"SELECT user_id, attended, version FROM invitation WHERE meeting_id = ? FOR UPDATE",
	/* Q_ATTEND: the version check is the optimistic lock */
	"UPDATE invitation SET attended = ?, recorded_by = ?, recorded_at = UTC_TIMESTAMP(), "
	"version = version + 1 WHERE meeting_id = ? AND user_id = ? AND version = ?",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* Begins the transaction with the meeting locked: E_OK, or an error with
 * nothing begun; *m holds kind, status, started. */
static int lock_meeting(long long id, struct dbres *m)
{
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, m, "i", id)) != E_OK) {
		db_rollback();
		return rc;
	}
	if (m->nrows != 1) {
		dbres_free(m);
		db_rollback();
		return E_NOTFOUND;
	}
	return E_OK;
}

static int done(struct req *r, long long id, const char *what, const char *anchor)
{
	char loc[120];
	int rc = db_commit();

	if (rc != E_OK)
		return rc;
	snprintf(loc, sizeof loc, "/review/meeting?id=%lld&done=%s#%s", id, what, anchor);
	req_redirect(r, loc);
	return E_OK;
}

int ui_meeting_agenda(struct req *r)
{
	long long id = r->fv[AG_ID].i;
	int add = strcmp(r->fv[AG_ACTION].s, "add") == 0, rc;
	const char *title = r->fv[AG_TITLE].s, *presenter = r->fv[AG_PRESENTER].s;
	struct dbres m;
	char ids[48], val[800];

	if (add && (title == NULL || title[strspn(title, " ")] == '\0'))
		return meeting_refuse(r, id, 422, "agenda_title");
	if (!add && !r->fv[AG_SEQ].present) {
		r->bad_field = "seq";
		return E_BADREQ;
	}
	if ((rc = lock_meeting(id, &m)) != E_OK)
		return rc;
	dbres_free(&m);
	if (add) {
		rc = db_tab_exec(&tab, Q_AG_ADD, NULL, "issi", id, title, presenter ? presenter : "", id);
		snprintf(val, sizeof val, "%s%s%s", title, presenter && *presenter ? " – " : "",
			 presenter ? presenter : "");
	} else {
		rc = db_tab_exec(&tab, Q_AG_DEL, NULL, "ii", id, r->fv[AG_SEQ].i);
		if (rc == E_OK && db_affected() != 1)
			rc = E_NOTFOUND;
		snprintf(val, sizeof val, "%lld", r->fv[AG_SEQ].i);
	}
	snprintf(ids, sizeof ids, "%lld", id);
	if (rc == E_OK)
		rc = audit(r, add ? "meeting_agenda_add" : "meeting_agenda_delete", "meeting", ids,
			   add ? NULL : val, add ? val : NULL, NULL);
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	return done(r, id, "agenda", "agenda");
}

int ui_meeting_invitee(struct req *r)
{
	long long id = r->fv[IV_ID].i, uid = r->fv[IV_USER].i;
	int add = strcmp(r->fv[IV_ACTION].s, "add") == 0, rc;
	struct dbres m, u = {0}, inv = {0};
	char ids[48];

	if ((rc = lock_meeting(id, &m)) != E_OK)
		return rc;
	dbres_free(&m);
	if ((rc = db_tab_exec(&tab, Q_INV_GET, &inv, "ii", id, uid)) != E_OK)
		goto fail;
	if (add) {
		if ((rc = db_tab_exec(&tab, Q_USER, &u, "i", uid)) != E_OK)
			goto fail;
		if (u.nrows != 1 || inv.nrows != 0) {
			const char *why = u.nrows != 1 ? "invitee" : "invited_already";
			db_rollback();
			dbres_free(&u);
			dbres_free(&inv);
			return meeting_refuse(r, id, 422, why);
		}
		rc = db_tab_exec(&tab, Q_INV_ADD, NULL, "ii", id, uid);
	} else {
		/* an answer or a recorded attendance is part of the record: keep it */
		if (inv.nrows != 1 || strcmp(dbres_get(&inv, 0, 0), "none") != 0 ||
		    strcmp(dbres_get(&inv, 0, 1), "unknown") != 0) {
			int status = inv.nrows != 1 ? 404 : 409;
			db_rollback();
			dbres_free(&inv);
			return meeting_refuse(r, id, status, "invitee_answered");
		}
		rc = db_tab_exec(&tab, Q_INV_DEL, NULL, "ii", id, uid);
		if (rc == E_OK && db_affected() != 1)
			rc = E_CONFLICT;
	}
	snprintf(ids, sizeof ids, "%lld:%lld", id, uid);
	if (rc == E_OK)
		rc = audit(r, add ? "invitation_add" : "invitation_remove", "invitation", ids, NULL,
			   NULL, NULL);
	if (rc != E_OK)
		goto fail;
	dbres_free(&u);
	dbres_free(&inv);
	return done(r, id, "invitee", "invitees");
fail:
	db_rollback();
	dbres_free(&u);
	dbres_free(&inv);
	return rc;
}

/* Attendance is recorded once the meeting has begun (or is marked held);
 * only changed rows are written, each checked against the version shown. */
int ui_meeting_attendance(struct req *r)
{
	long long id = r->fv[0].i;
	struct dbres m, inv = {0};
	struct audit_row *rows = NULL;
	char (*ids)[48] = NULL;
	int rc, n = 0;

	if ((rc = lock_meeting(id, &m)) != E_OK)
		return rc;
	if (strcmp(dbres_get(&m, 0, 1), "cancelled") == 0 ||
	    (strcmp(dbres_get(&m, 0, 1), "held") != 0 && dbres_int(&m, 0, 2) == 0)) {
		int cancelled = strcmp(dbres_get(&m, 0, 1), "cancelled") == 0;
		dbres_free(&m);
		db_rollback();
		return meeting_refuse(r, id, 409, cancelled ? "cancelled" : "not_started");
	}
	dbres_free(&m);
	if ((rc = db_tab_exec(&tab, Q_INVS, &inv, "i", id)) != E_OK)
		goto fail;
	rows = calloc(inv.nrows + 1, sizeof *rows);
	ids = calloc(inv.nrows + 1, sizeof *ids);
	if (rows == NULL || ids == NULL) {
		rc = E_INTERNAL;
		goto fail;
	}
	for (unsigned i = 0; i < inv.nrows; i++) {
		char key[48];
		const char *v, *ver, *uid = dbres_get(&inv, i, 0);
		long long version;
		char *end;

		snprintf(key, sizeof key, "att_%s", uid);
		v = req_body_param(r, key);
		if (v == NULL || strcmp(v, dbres_get(&inv, i, 1)) == 0)
			continue;
		if (!list_has("unknown|present|absent|delegate", '|', v)) {
			r->bad_field = "att";
			rc = E_BADREQ;
			goto fail;
		}
		snprintf(key, sizeof key, "ver_%s", uid);
		ver = req_body_param(r, key);
		version = ver ? strtoll(ver, &end, 10) : -1;
		if (ver == NULL || *end != '\0' || version != dbres_int(&inv, i, 2)) {
			db_rollback();
			free(rows);
			free(ids);
			dbres_free(&inv);
			return meeting_refuse(r, id, 409, "attendance_conflict");
		}
		if ((rc = db_tab_exec(&tab, Q_ATTEND, NULL, "siiii", v, r->user.id, id,
				      dbres_int(&inv, i, 0), version)) != E_OK)
			goto fail;
		if (db_affected() != 1) {
			rc = E_CONFLICT;
			goto fail;
		}
		snprintf(ids[n], sizeof ids[n], "%lld:%s", id, uid);
		rows[n] = (struct audit_row){"attendance_record", "invitation", ids[n],
					     dbres_get(&inv, i, 1), v, NULL};
		n++;
	}
	if (n > 0 && (rc = audit_many(r, rows, n)) != E_OK)
		goto fail;
	free(rows);
	free(ids);
	dbres_free(&inv);
	return done(r, id, "attendance", "invitees");
fail:
	db_rollback();
	free(rows);
	free(ids);
	dbres_free(&inv);
	return rc;
}
