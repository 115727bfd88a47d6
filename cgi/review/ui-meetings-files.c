/* A meeting's papers and minutes files (stored like evidence: lib/files.h),
 * their downloads (written opinions too), and the meeting's .ics file.
 *   POST /review/meeting-file         upload (multipart: csrf, meeting, kind, file)
 *   GET  /review/meeting-file?id=     download
 *   POST /review/meeting-file-delete  soft delete of a paper or minutes file
 *   GET  /review/meeting.ics?id=      the calendar file */
#include <stdio.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/files.h"
#include "../lib/ics.h"
#include "../lib/log.h"
#include "../lib/meeting.h"
#include "../lib/render.h"
#include "review.h"

enum { FF_ID, FF_MEETING, FF_KIND };
const struct field mfile_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{"meeting", F_INT, 1, 4294967295LL, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "paper|minutes"},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field mfile_del_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field mics_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_LOCK, Q_GET, Q_DELETE, Q_N };
static const char *const sql[Q_N] = {
	"SELECT status FROM meeting WHERE id = ? FOR UPDATE",
	"SELECT meeting_id, kind, stored_name, original_name, content_type, size_bytes, sha256 "
	"FROM meeting_file WHERE id = ? AND deleted = 0",
	"UPDATE meeting_file SET deleted = 1 WHERE id = ? AND deleted = 0 AND kind IN ('paper', 'minutes')",
};
static struct stmt_table tab = STMT_TABLE(sql);

int ui_meeting_file_post(struct req *r)
{
	const char *dir = config_get("evidence_dir", NULL), *why;
	long long mid = r->fv[FF_MEETING].i;
	const struct kv *part;
	struct upfile f;
	struct dbres m = {0};
	char stored[65], loc[96];
	int n, rc;

	if (!r->fv[FF_MEETING].present || !r->fv[FF_KIND].present) {
		r->bad_field = !r->fv[FF_MEETING].present ? "meeting" : "kind";
		return E_BADREQ;
	}
	if (dir == NULL) {
		log_msg(r->id, "meeting files: evidence_dir is not configured");
		return E_INTERNAL;
	}
	n = file_part(r, "file", &part);
	if (n != 1)
		return meeting_refuse(r, mid, 422, n == 0 ? "no_file" : "many_files");
	if ((why = file_check(part, &f)) != NULL) {
		hset(r, "Mt.file_why", why);
		return meeting_refuse(r, mid, strcmp(why, "too_big") == 0 ? 413 : 422, "file");
	}
	/* written and synced outside the transaction; removed unless committed */
	if ((rc = ev_store(dir, (const unsigned char *)f.data, f.len, stored)) != E_OK)
		return rc;
	if ((rc = db_begin()) != E_OK)
		goto unlink;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &m, "i", mid)) != E_OK)
		goto fail;
	if (m.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	if ((rc = meeting_file_add(r, mid, r->fv[FF_KIND].s, 0, stored, &f)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&m);
	snprintf(loc, sizeof loc, "/review/meeting?id=%lld&done=file#papers", mid);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&m);
unlink:
	ev_unlink(dir, stored);
	return rc;
}

int ui_meeting_file_get(struct req *r)
{
	struct dbres f;
	int rc;

	if (!r->fv[FF_ID].present) {
		r->bad_field = "id";
		return E_BADREQ;
	}
	if ((rc = db_tab_exec(&tab, Q_GET, &f, "i", r->fv[FF_ID].i)) != E_OK)
		return rc;
	if (f.nrows != 1) {
		dbres_free(&f);
		return E_NOTFOUND;
	}
	rc = meeting_file_send(r, r->fv[FF_ID].i, dbres_get(&f, 0, 2), dbres_int(&f, 0, 5),
			       dbres_get(&f, 0, 6), dbres_get(&f, 0, 4), dbres_get(&f, 0, 3));
	dbres_free(&f);
	return rc;
}

int ui_meeting_file_delete(struct req *r)
{
	long long id = r->fv[0].i, mid;
	struct dbres f = {0};
	char ids[24], old[400], loc[96];
	int rc;

	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_GET, &f, "i", id)) != E_OK)
		goto fail;
	if (f.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	mid = dbres_int(&f, 0, 0);
	/* a written opinion belongs to the member who sent it */
	if (strcmp(dbres_get(&f, 0, 1), "opinion") == 0) {
		db_rollback();
		dbres_free(&f);
		return meeting_refuse(r, mid, 403, "opinion_file");
	}
	if ((rc = db_tab_exec(&tab, Q_DELETE, NULL, "i", id)) != E_OK)
		goto fail;
	if (db_affected() != 1) {
		rc = E_CONFLICT;
		goto fail;
	}
	snprintf(ids, sizeof ids, "%lld", id);
	snprintf(old, sizeof old, "meeting %lld, %s: %s", mid, dbres_get(&f, 0, 1), dbres_get(&f, 0, 3));
	if ((rc = audit(r, "meeting_file_delete", "meeting_file", ids, old, NULL, NULL)) != E_OK ||
	    (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&f);
	snprintf(loc, sizeof loc, "/review/meeting?id=%lld&done=file_deleted#papers", mid);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&f);
	return rc;
}

int ui_meeting_ics(struct req *r)
{
	return ics_meeting(r, r->fv[0].i);
}
