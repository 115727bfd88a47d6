/* /report/meetings: a committee member's invitations (Art. 5.5).  Each
 * invitee answers for themself only (the user comes from the session):
 * will attend; asks leave with a reason, which the chair approves or
 * refuses; or sends a delegate (name, position) with a written opinion as
 * text and/or a document; a delegate without one is accepted but flagged.
 * Answers close when the meeting begins.  The chair of a meeting sees its
 * pending leave requests here and decides them.  Papers and the .ics file
 * are for the invitees and the chair only. */
#include <stdio.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/files.h"
#include "../lib/hdfrows.h"
#include "../lib/ics.h"
#include "../lib/log.h"
#include "../lib/meeting.h"
#include "../lib/render.h"
#include "../lib/textutil.h"
#include "report.h"

const struct field rmeetings_fields[] = {
	{"done", F_WORD, 0, 0, 0, "answered|decided"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { AF_MEETING, AF_VERSION, AF_ANSWER, AF_REASON, AF_DNAME, AF_DPOSITION, AF_OPINION };
const struct field ranswer_fields[] = {
	{"meeting", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"answer", F_WORD, 0, 0, 0, "attend|leave|delegate"},
	{"reason", F_TEXT, 0, 1000, 0, NULL},
	{"dname", F_LINE, 0, 255, 0, NULL},
	{"dposition", F_LINE, 0, 255, 0, NULL},
	{"opinion", F_TEXT, 0, 10000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { DF_MEETING, DF_USER, DF_VERSION, DF_DECISION, DF_NOTE };
const struct field rdecide_fields[] = {
	{"meeting", F_INT, 1, 4294967295LL, 1, NULL},
	{"user", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 1, NULL},
	{"decision", F_WORD, 0, 0, 1, "approved|refused"},
	{"note", F_TEXT, 0, 1000, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field rmfile_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

#define HANOI "+ INTERVAL 7 HOUR"

enum { Q_MINE, Q_AGENDA, Q_FILES, Q_PENDING, Q_ANS_LOCK, Q_ANSWER, Q_DEC_LOCK,
       Q_DECIDE, Q_FILE_GET, Q_MAY_SEE, Q_N };
static const char *const sql[Q_N] = {
	/* Q_MINE */
	"SELECT m.id, m.kind, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y %H:%i'), m.place, "
	"cu.display_name, m.status, (m.starts_at <= UTC_TIMESTAMP() OR m.status <> 'planned'), "
	"COALESCE(m.notice, ''), COALESCE(m.period_id, 0), i.answer, COALESCE(i.leave_reason, ''), "
	"COALESCE(i.leave_decision, ''), COALESCE(i.decision_note, ''), COALESCE(i.delegate_name, ''), "
	"COALESCE(i.delegate_position, ''), COALESCE(i.opinion_text, ''), i.version, " MEETING_NO_OPINION("i") ", "
	"i.attended, COALESCE(DATE_FORMAT(m.ends_at " HANOI ", '%H:%i'), ''), m.chair_id = i.user_id "
	"FROM invitation i JOIN meeting m ON m.id = i.meeting_id JOIN app_user cu ON cu.id = m.chair_id "
	MEETING_OPINIONS("i") "WHERE i.user_id = ? ORDER BY m.starts_at DESC",
	/* Q_AGENDA */
	"SELECT a.meeting_id, a.seq, a.title, COALESCE(a.presenter, '') FROM meeting_agenda a "
	"JOIN invitation i ON i.meeting_id = a.meeting_id AND i.user_id = ? ORDER BY a.meeting_id, a.seq",
	/* Q_FILES: papers and minutes, and one's own written opinions */
	"SELECT f.id, f.meeting_id, f.kind, f.original_name, f.size_bytes FROM meeting_file f "
	"JOIN invitation i ON i.meeting_id = f.meeting_id AND i.user_id = ? "
	"WHERE f.deleted = 0 AND (f.kind <> 'opinion' OR f.user_id = i.user_id) ORDER BY f.kind, f.id",
	/* Q_PENDING: leave requests waiting for this chair */
	"SELECT m.id, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y %H:%i'), i.user_id, "
	"u.display_name, COALESCE(u.position, ''), COALESCE(i.leave_reason, ''), i.version "
	"FROM invitation i JOIN meeting m ON m.id = i.meeting_id JOIN app_user u ON u.id = i.user_id "
	"WHERE m.chair_id = ? AND i.answer = 'leave' AND i.leave_decision = 'pending' "
	"AND m.status <> 'cancelled' ORDER BY m.starts_at, u.display_name",
	/* Q_ANS_LOCK: one's own invitation, locked for the answer */
	"SELECT i.version, m.status, m.starts_at <= UTC_TIMESTAMP() FROM invitation i "
	"JOIN meeting m ON m.id = i.meeting_id WHERE i.meeting_id = ? AND i.user_id = ? FOR UPDATE",
	/* Q_ANSWER: a new answer clears an earlier decision on leave */
	"UPDATE invitation SET answer = ?, answered_at = UTC_TIMESTAMP(), leave_reason = ?, "
	"leave_decision = ?, decided_by = NULL, decided_at = NULL, decision_note = NULL, "
	"delegate_name = ?, delegate_position = ?, opinion_text = ?, version = version + 1 "
	"WHERE meeting_id = ? AND user_id = ? AND version = ?",
	/* Q_DEC_LOCK */
	"SELECT m.chair_id, i.answer, COALESCE(i.leave_decision, ''), i.version, m.status "
	"FROM invitation i JOIN meeting m ON m.id = i.meeting_id "
	"WHERE i.meeting_id = ? AND i.user_id = ? FOR UPDATE",
	/* Q_DECIDE */
	"UPDATE invitation SET leave_decision = ?, decided_by = ?, decided_at = UTC_TIMESTAMP(), "
	"decision_note = NULLIF(?, ''), version = version + 1 WHERE meeting_id = ? AND user_id = ? "
	"AND version = ? AND answer = 'leave' AND leave_decision = 'pending'",
	/* Q_FILE_GET: invitees and the chair; an opinion only for its sender and the chair */
	"SELECT f.stored_name, f.original_name, f.content_type, f.size_bytes, f.sha256 "
	"FROM meeting_file f JOIN meeting m ON m.id = f.meeting_id WHERE f.id = ? AND f.deleted = 0 "
	"AND (m.chair_id = ? OR EXISTS (SELECT 1 FROM invitation i WHERE i.meeting_id = f.meeting_id "
	"AND i.user_id = ?)) AND (f.kind <> 'opinion' OR f.user_id = ? OR m.chair_id = ?)",
	/* Q_MAY_SEE */
	"SELECT 1 FROM meeting m WHERE m.id = ? AND (m.chair_id = ? OR EXISTS (SELECT 1 FROM invitation i "
	"WHERE i.meeting_id = m.id AND i.user_id = ?))",
};
static struct stmt_table tab = STMT_TABLE(sql);

static int page(struct req *r)
{
	static const char *const keys[] = {"id", "kind", "title", "when", "place", "chair", "status",
					   "closed", "notice", "period", "answer", "reason", "decision",
					   "decision_note", "dname", "dposition", "opinion", "version",
					   "no_opinion", "attended", "end", "chairing"};
	struct dbres res;
	int rc;

	r->tmpl = "report/meetings.cs";
	hseti(r, "Rm.no_unit", r->user.unit_id <= 0);
	hseti(r, "Rm.max_mb", config_int("evidence_max_bytes", 10485760) / 1048576);
	if ((rc = db_tab_exec(&tab, Q_MINE, &res, "i", r->user.id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rm.list.%s", dbres_get(&res, i, 0));
		NSET_ROW(r, n, &res, i, keys);
		if (strcmp(dbres_get(&res, i, 1), "regular") == 0)
			nseti(r, n, "briefing", meeting_briefing_exists(dbres_int(&res, i, 9)));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_AGENDA, &res, "i", r->user.id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rm.list.%s.agenda.%s", dbres_get(&res, i, 0), dbres_get(&res, i, 1));
		nset(r, n, "seq", dbres_get(&res, i, 1));
		nset(r, n, "title", dbres_get(&res, i, 2));
		nset(r, n, "presenter", dbres_get(&res, i, 3));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_FILES, &res, "i", r->user.id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Rm.list.%s.files.%s", dbres_get(&res, i, 1), dbres_get(&res, i, 0));
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "kind", dbres_get(&res, i, 2));
		nset(r, n, "name", dbres_get(&res, i, 3));
		nseti(r, n, "size_kb", (dbres_int(&res, i, 4) + 1023) / 1024);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_PENDING, &res, "i", r->user.id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		static const char *const pk[] = {"meeting", "title", "when", "user", "name", "position",
						 "reason", "version"};
		HDF *n = hnode(r, "Rm.pending.%u", i);
		NSET_ROW(r, n, &res, i, pk);
	}
	dbres_free(&res);
	return E_OK;
}

int ui_rmeetings(struct req *r)
{
	if (r->fv[0].present)
		hset(r, "Rm.done", r->fv[0].s);
	return page(r);
}

/* The page again with the refusal next to the meeting's form and what was
 * typed kept.  Nothing was stored. */
static int refuse(struct req *r, int status, const char *why)
{
	long long mid = r->fv[AF_MEETING].i;
	int rc = page(r);

	if (rc != E_OK)
		return rc;
	hset(r, "Rm.error", why);
	r->status = status;
	{
		char node[48];
		snprintf(node, sizeof node, "Rm.list.%lld", mid);
		/* not one's invitation: nothing to show the typed answer next to */
		if (hdf_get_obj(r->hdf, node) == NULL)
			return E_OK;
	}
	hseti(r, "Rm.error_meeting", mid);
	if (r->fv[AF_ANSWER].present)
		hsetf(r, r->fv[AF_ANSWER].s, "Rm.list.%lld.answer", mid);
	hsetf(r, r->fv[AF_REASON].s, "Rm.list.%lld.reason", mid);
	hsetf(r, r->fv[AF_DNAME].s, "Rm.list.%lld.dname", mid);
	hsetf(r, r->fv[AF_DPOSITION].s, "Rm.list.%lld.dposition", mid);
	hsetf(r, r->fv[AF_OPINION].s, "Rm.list.%lld.opinion", mid);
	return E_OK;
}

int ui_rmeeting_answer(struct req *r)
{
	const char *answer = r->fv[AF_ANSWER].present ? r->fv[AF_ANSWER].s : NULL, *why = NULL;
	const char *dir = config_get("evidence_dir", NULL);
	long long mid = r->fv[AF_MEETING].i;
	const struct kv *part = NULL;
	struct upfile f;
	struct dbres inv = {0};
	char stored[65] = "", ids[48], detail[600];
	int n, rc, leave, delegate;

	if (answer == NULL)
		return refuse(r, 422, "answer");
	leave = strcmp(answer, "leave") == 0;
	delegate = strcmp(answer, "delegate") == 0;
	if (leave && blank(r->fv[AF_REASON].s))
		return refuse(r, 422, "reason");
	if (delegate && blank(r->fv[AF_DNAME].s))
		return refuse(r, 422, "dname");
	if (delegate && blank(r->fv[AF_DPOSITION].s))
		return refuse(r, 422, "dposition");
	n = file_part(r, "file", &part);
	if (n > 1)
		return refuse(r, 422, "many_files");
	if (n == 1 && !delegate)
		return refuse(r, 422, "file_not_delegate");
	if (n == 1 && (why = file_check(part, &f)) != NULL) {
		hset(r, "Rm.file_why", why);
		return refuse(r, strcmp(why, "too_big") == 0 ? 413 : 422, "file");
	}
	if (n == 1) {
		if (dir == NULL) {
			log_msg(r->id, "meeting files: evidence_dir is not configured");
			return E_INTERNAL;
		}
		if ((rc = ev_store(dir, (const unsigned char *)f.data, f.len, stored)) != E_OK)
			return rc;
	}
	if ((rc = db_begin()) != E_OK)
		goto unlink;
	if ((rc = db_tab_exec(&tab, Q_ANS_LOCK, &inv, "ii", mid, r->user.id)) != E_OK)
		goto fail;
	/* not invited: nothing to answer */
	if (inv.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	if (strcmp(dbres_get(&inv, 0, 1), "planned") != 0 || dbres_int(&inv, 0, 2)) {
		why = "closed";
		goto refused;
	}
	if (dbres_int(&inv, 0, 0) != r->fv[AF_VERSION].i) {
		why = "conflict";
		goto refused;
	}
	rc = db_tab_exec(&tab, Q_ANSWER, NULL, "ssssssiii", answer,
			 leave ? r->fv[AF_REASON].s : (const char *)NULL,
			 leave ? "pending" : (const char *)NULL,
			 delegate ? r->fv[AF_DNAME].s : (const char *)NULL,
			 delegate ? r->fv[AF_DPOSITION].s : (const char *)NULL,
			 delegate && !blank(r->fv[AF_OPINION].s) ? r->fv[AF_OPINION].s : (const char *)NULL,
			 mid, r->user.id, r->fv[AF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	snprintf(ids, sizeof ids, "%lld:%lld", mid, r->user.id);
	snprintf(detail, sizeof detail, "%s%s%s%s", answer, delegate ? ": " : "",
		 delegate ? r->fv[AF_DNAME].s : "", stored[0] ? " (+ opinion file)" : "");
	if (rc == E_OK)
		rc = audit(r, "meeting_answer", "invitation", ids, NULL, detail,
			   leave ? r->fv[AF_REASON].s : NULL);
	if (rc == E_OK && stored[0])
		rc = meeting_file_add(r, mid, "opinion", r->user.id, stored, &f);
	if (rc != E_OK || (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&inv);
	{
		char loc[96];
		snprintf(loc, sizeof loc, "/report/meetings?done=answered#m-%lld", mid);
		req_redirect(r, loc);
	}
	return E_OK;
refused:
	db_rollback();
	dbres_free(&inv);
	if (stored[0])
		ev_unlink(dir, stored);
	return refuse(r, 409, why);
fail:
	db_rollback();
	dbres_free(&inv);
unlink:
	if (stored[0])
		ev_unlink(dir, stored);
	return rc;
}

int ui_rmeeting_decide(struct req *r)
{
	long long mid = r->fv[DF_MEETING].i, uid = r->fv[DF_USER].i;
	const char *decision = r->fv[DF_DECISION].s, *note = r->fv[DF_NOTE].s;
	struct dbres inv = {0};
	char ids[48];
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_DEC_LOCK, &inv, "ii", mid, uid)) != E_OK)
		goto fail;
	if (inv.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	/* only the meeting's chair decides on absence (Art. 5.5) */
	if (dbres_int(&inv, 0, 0) != r->user.id) {
		rc = E_FORBIDDEN;
		r->message = "not_chair";
		goto fail;
	}
	if (strcmp(dbres_get(&inv, 0, 1), "leave") != 0 || strcmp(dbres_get(&inv, 0, 2), "pending") != 0 ||
	    dbres_int(&inv, 0, 3) != r->fv[DF_VERSION].i) {
		db_rollback();
		dbres_free(&inv);
		rc = page(r);
		hset(r, "Rm.error", "decided_meanwhile");
		r->status = 409;
		return rc;
	}
	rc = db_tab_exec(&tab, Q_DECIDE, NULL, "sisiii", decision, r->user.id, note ? note : "", mid, uid,
			 r->fv[DF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	snprintf(ids, sizeof ids, "%lld:%lld", mid, uid);
	if (rc == E_OK)
		rc = audit(r, strcmp(decision, "approved") == 0 ? "leave_approve" : "leave_refuse",
			   "invitation", ids, "pending", decision, note && *note ? note : NULL);
	if (rc != E_OK || (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&inv);
	req_redirect(r, "/report/meetings?done=decided#pending");
	return E_OK;
fail:
	db_rollback();
	dbres_free(&inv);
	return rc;
}

int ui_rmeeting_file(struct req *r)
{
	long long id = r->fv[0].i, me = r->user.id;
	struct dbres f;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_FILE_GET, &f, "iiiii", id, me, me, me, me)) != E_OK)
		return rc;
	if (f.nrows != 1) {
		dbres_free(&f);
		return E_NOTFOUND;
	}
	rc = meeting_file_send(r, id, dbres_get(&f, 0, 0), dbres_int(&f, 0, 3), dbres_get(&f, 0, 4),
			       dbres_get(&f, 0, 2), dbres_get(&f, 0, 1));
	dbres_free(&f);
	return rc;
}

int ui_rmeeting_ics(struct req *r)
{
	struct dbres ok;
	int rc, may;

	if ((rc = db_tab_exec(&tab, Q_MAY_SEE, &ok, "iii", r->fv[0].i, r->user.id, r->user.id)) != E_OK)
		return rc;
	may = ok.nrows == 1;
	dbres_free(&ok);
	return may ? ics_meeting(r, r->fv[0].i) : E_NOTFOUND;
}
