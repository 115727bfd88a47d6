/* /review/meetings and /review/meeting: the committee's and the working
 * group's meetings (Art. 7).  A meeting is created with its kind, time
 * (typed in Hanoi time, kept in UTC), place and chair; its invitees default
 * by kind (every active member, deputy and head for a committee meeting, the
 * working group for its own) and are edited on the meeting's page, which
 * also keeps the agenda, papers, minutes, the invitees' answers (Art. 5.5)
 * and, afterwards, who actually came.  Edits carry the meeting's version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/audit.h"
#include "../lib/clock.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/hdfrows.h"
#include "../lib/meeting.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "review.h"

/* The meeting as typed, the same when created and when edited; T_ is the
 * place of each field from the form's first typed one. */
enum { T_TITLE, T_DATE, T_TIME, T_END, T_PLACE, T_CHAIR, T_PERIOD, T_NOTICE, T_N };
#define TYPED_FIELDS \
	{"title", F_LINE, 0, 500, 0, NULL}, \
	{"date", F_LINE, 0, 10, 0, NULL}, \
	{"time", F_LINE, 0, 5, 0, NULL}, \
	{"end", F_LINE, 0, 5, 0, NULL}, \
	{"place", F_LINE, 0, 255, 0, NULL}, \
	{"chair", F_INT, 1, 4294967295LL, 0, NULL}, \
	{"period", F_INT, 1, 4294967295LL, 0, NULL}, \
	{"notice", F_TEXT, 0, 5000, 0, NULL}

enum { LF_YEAR, LF_KIND, LF_TYPED, LF_DONE = LF_TYPED + T_N };
const struct field meetings_fields[] = {
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "regular|extraordinary|wg"},
	TYPED_FIELDS,
	{"done", F_WORD, 0, 0, 0, "created"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { MF_ID, MF_VERSION, MF_TYPED, MF_MINUTES = MF_TYPED + T_N, MF_STATUS, MF_DONE };
const struct field meeting_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 1, NULL},
	{"version", F_INT, 1, 4294967295LL, 0, NULL},
	TYPED_FIELDS,
	{"minutes", F_TEXT, 0, 60000, 0, NULL},
	{"status", F_WORD, 0, 0, 0, "planned|held|cancelled"},
	{"done", F_WORD, 0, 0, 0, "created|saved|agenda|invitee|attendance|file|file_deleted"},
	{NULL, 0, 0, 0, 0, NULL},
};

#define HANOI "+ INTERVAL 7 HOUR"
enum { Q_LIST, Q_CHAIRS, Q_PERIODS, Q_CHAIR, Q_PERIOD, Q_INSERT, Q_INVITE_DEFAULT, Q_GET, Q_LOCK,
       Q_UPDATE, Q_FILES, Q_INV, Q_OTHERS, Q_N };
static const char *const sql[Q_N] = {
	/* Q_LIST: a year's meetings (Hanoi year), newest first, with the answers' state */
	"SELECT m.id, m.kind, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y %H:%i'), m.place, "
	"cu.display_name, m.status, COUNT(i.user_id), SUM(i.answer <> 'none'), "
	"SUM(i.answer = 'leave' AND i.leave_decision = 'pending'), "
	"SUM(" MEETING_NO_OPINION("i") "), SUM(i.attended IN ('present', 'delegate')) "
	"FROM meeting m JOIN app_user cu ON cu.id = m.chair_id "
	"LEFT JOIN invitation i ON i.meeting_id = m.id " MEETING_OPINIONS("i")
	"WHERE YEAR(m.starts_at " HANOI ") = ? GROUP BY m.id ORDER BY m.starts_at DESC",
	/* Q_CHAIRS: who may chair: the head and deputies, a working group lead */
	"SELECT id, display_name, roles + 0 FROM app_user WHERE active = 1 "
	"AND (FIND_IN_SET('head', roles) OR FIND_IN_SET('deputy', roles) OR FIND_IN_SET('wg_lead', roles)) "
	"ORDER BY FIND_IN_SET('head', roles) DESC, FIND_IN_SET('deputy', roles) DESC, display_name",
	/* Q_PERIODS: the quarters a regular meeting may review */
	"SELECT id, kind, year, seq FROM period WHERE kind = 'Q' ORDER BY year DESC, seq DESC",
	/* Q_CHAIR */
	"SELECT roles + 0 FROM app_user WHERE id = ? AND active = 1",
	/* Q_PERIOD */
	"SELECT id FROM period WHERE id = ? AND kind = 'Q'",
	/* Q_INSERT */
	"INSERT INTO meeting (kind, title, starts_at, ends_at, place, chair_id, called_by, period_id, "
	"notice, status, created_by, created_at, version) VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, "
	"NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, ''), 'planned', ?, UTC_TIMESTAMP(), 1)",
	/* Q_INVITE_DEFAULT: every active member for a committee meeting, the working group for its own */
	"INSERT INTO invitation (meeting_id, user_id) SELECT ?, id FROM app_user WHERE active = 1 AND "
	"IF(? = 'wg', FIND_IN_SET('wg', roles) OR FIND_IN_SET('wg_lead', roles), "
	"FIND_IN_SET('member', roles) OR FIND_IN_SET('deputy', roles) OR FIND_IN_SET('head', roles))",
	/* Q_GET */
	"SELECT m.id, m.kind, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y'), "
	"DATE_FORMAT(m.starts_at " HANOI ", '%H:%i'), COALESCE(DATE_FORMAT(m.ends_at " HANOI ", '%H:%i'), ''), "
	"m.place, m.chair_id, cu.display_name, COALESCE(m.period_id, 0), COALESCE(m.notice, ''), "
	"COALESCE(m.minutes, ''), m.status, m.version, m.starts_at <= UTC_TIMESTAMP(), "
	"COALESCE(p.kind, ''), COALESCE(p.year, 0), COALESCE(p.seq, 0), "
	"YEAR(m.starts_at " HANOI ") "
	"FROM meeting m JOIN app_user cu ON cu.id = m.chair_id LEFT JOIN period p ON p.id = m.period_id "
	"WHERE m.id = ?",
	/* Q_LOCK: inside a change's transaction */
	"SELECT kind, version, title, starts_at, place, chair_id, status FROM meeting WHERE id = ? FOR UPDATE",
	/* Q_UPDATE: the version check is the optimistic lock */
	"UPDATE meeting SET title = ?, starts_at = ?, ends_at = NULLIF(?, ''), place = ?, chair_id = ?, "
	"called_by = IF(kind = 'extraordinary', ?, NULL), period_id = NULLIF(?, 0), "
	"notice = NULLIF(?, ''), minutes = NULLIF(?, ''), status = ?, version = version + 1 "
	"WHERE id = ? AND version = ?",
	/* Q_FILES */
	"SELECT f.id, f.kind, f.original_name, f.size_bytes, DATE_FORMAT(f.uploaded_at " HANOI ", '%d/%m/%Y'), "
	"u.display_name, COALESCE(f.user_id, 0) FROM meeting_file f JOIN app_user u ON u.id = f.uploaded_by "
	"WHERE f.meeting_id = ? AND f.deleted = 0 ORDER BY f.kind, f.id",
	/* Q_INV: the invitees, their answers and the chair's decisions */
	"SELECT i.user_id, u.display_name, COALESCE(u.position, ''), i.answer, "
	"COALESCE(DATE_FORMAT(i.answered_at " HANOI ", '%d/%m/%Y %H:%i'), ''), COALESCE(i.leave_reason, ''), "
	"COALESCE(i.leave_decision, ''), COALESCE(d.display_name, ''), COALESCE(i.decision_note, ''), "
	"COALESCE(i.delegate_name, ''), COALESCE(i.delegate_position, ''), COALESCE(i.opinion_text, ''), "
	"i.attended, i.version, " MEETING_NO_OPINION("i") " "
	"FROM invitation i JOIN app_user u ON u.id = i.user_id LEFT JOIN app_user d ON d.id = i.decided_by "
	MEETING_OPINIONS("i") "WHERE i.meeting_id = ? ORDER BY FIND_IN_SET('head', u.roles) DESC, "
	"FIND_IN_SET('deputy', u.roles) DESC, u.display_name",
	/* Q_OTHERS: whom else the working group may invite */
	"SELECT u.id, u.display_name FROM app_user u WHERE u.active = 1 AND (FIND_IN_SET('member', u.roles) "
	"OR FIND_IN_SET('deputy', u.roles) OR FIND_IN_SET('head', u.roles) OR FIND_IN_SET('wg', u.roles) "
	"OR FIND_IN_SET('wg_lead', u.roles)) AND NOT EXISTS (SELECT 1 FROM invitation i "
	"WHERE i.meeting_id = ? AND i.user_id = u.id) ORDER BY u.display_name",
};
static struct stmt_table tab = STMT_TABLE(sql);

/* "14:30", "8:05", "14h30" -> minutes after midnight, or -1 */
static int parse_hm(const char *s)
{
	int h, m, n = 0;
	char sep;

	if (s == NULL || sscanf(s, "%2d%c%2d%n", &h, &sep, &m, &n) != 3 || s[n] != '\0')
		return -1;
	if ((sep != ':' && sep != 'h') || h < 0 || h > 23 || m < 0 || m > 59 || strlen(s) < 4)
		return -1;
	return h * 60 + m;
}

/* A Hanoi date and time as the UTC DATETIME text the meeting keeps. */
static void to_utc(struct ymd d, int minutes, char *out, size_t outsz)
{
	long t = days_from_civil(d) * 1440L + minutes - 7 * 60;
	long days = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
	long rest = t - days * 1440;
	struct ymd u = civil_from_days(days);

	char tmp[64];

	snprintf(tmp, sizeof tmp, "%04u-%02u-%02u %02u:%02u:00", (unsigned)u.y % 10000u,
		 (unsigned)u.m % 100u, (unsigned)u.d % 100u, (unsigned)(rest / 60) % 100u,
		 (unsigned)(rest % 60) % 100u);
	if (outsz > 0) {
		size_t n = strlen(tmp) < outsz ? strlen(tmp) : outsz - 1;
		memcpy(out, tmp, n);
		out[n] = '\0';
	}
}

/* The typed meeting, checked: the UTC times, or the field at fault. */
struct typed {
	const char *title, *date, *time, *end, *place, *notice;
	long long chair, period;
	char start_utc[24], end_utc[24];
};

/* The typed fields of a form, from its first one at r->fv[at]. */
static struct typed typed_of(const struct req *r, int at)
{
	const struct fval *v = &r->fv[at];
	struct typed t = {v[T_TITLE].s, v[T_DATE].s, v[T_TIME].s, v[T_END].s, v[T_PLACE].s,
			  v[T_NOTICE].s, v[T_CHAIR].present ? v[T_CHAIR].i : 0,
			  v[T_PERIOD].present ? v[T_PERIOD].i : 0, "", ""};

	return t;
}

/* NULL when the typed meeting is acceptable, else the field at fault; a
 * database failure on the way is "db" with *rc set. */
static const char *check_typed(int *rc, const char *kind, struct typed *t)
{
	struct ymd d;
	int start, end = -1;
	struct dbres res;

	if (t->title == NULL || t->title[strspn(t->title, " ")] == '\0')
		return "title";
	if (t->date == NULL || date_parse(t->date, &d) != 0 || d.y < 2000 || d.y > 2100)
		return "date";
	if ((start = parse_hm(t->time)) < 0)
		return "time";
	if (t->end && t->end[0] && ((end = parse_hm(t->end)) < 0 || end <= start))
		return "end";
	if (t->place == NULL || t->place[strspn(t->place, " ")] == '\0')
		return "place";
	to_utc(d, start, t->start_utc, sizeof t->start_utc);
	t->end_utc[0] = '\0';
	if (end >= 0)
		to_utc(d, end, t->end_utc, sizeof t->end_utc);
	/* the chair: the head or a deputy; a working group meeting: its lead */
	*rc = E_OK;
	if (t->chair <= 0)
		return "chair";
	if ((*rc = db_tab_exec(&tab, Q_CHAIR, &res, "i", t->chair)) != E_OK)
		return "db";
	{
		unsigned roles = res.nrows == 1 ? (unsigned)dbres_int(&res, 0, 0) : 0;
		unsigned need = strcmp(kind, "wg") == 0 ? R_WG_LEAD : (R_HEAD | R_DEPUTY);
		dbres_free(&res);
		if ((roles & need) == 0)
			return "chair";
	}
	if (t->period > 0) {
		if (strcmp(kind, "regular") != 0)
			t->period = 0;
		else if ((*rc = db_tab_exec(&tab, Q_PERIOD, &res, "i", t->period)) != E_OK)
			return "db";
		else {
			int ok = res.nrows == 1;
			dbres_free(&res);
			if (!ok)
				return "period";
		}
	}
	return NULL;
}

static int choices(struct req *r)
{
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_CHAIRS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Mt.chairs.%u", i);
		unsigned roles = (unsigned)dbres_int(&res, i, 2);

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "name", dbres_get(&res, i, 1));
		nseti(r, n, "committee", (roles & (R_HEAD | R_DEPUTY)) != 0);
		nseti(r, n, "wg", (roles & R_WG_LEAD) != 0);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_PERIODS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64];
		HDF *n = hnode(r, "Mt.periods.%u", i);

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "label", label);
	}
	dbres_free(&res);
	return E_OK;
}

static int list(struct req *r, long long year)
{
	struct dbres res;
	int rc;

	review_nav(r, "meetings");
	r->tmpl = "review/meetings.cs";
	hseti(r, "Mt.year", year);
	if ((rc = choices(r)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LIST, &res, "i", year)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Mt.list.%u", i);

		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "kind", dbres_get(&res, i, 1));
		nset(r, n, "title", dbres_get(&res, i, 2));
		nset(r, n, "when", dbres_get(&res, i, 3));
		nset(r, n, "place", dbres_get(&res, i, 4));
		nset(r, n, "chair", dbres_get(&res, i, 5));
		nset(r, n, "status", dbres_get(&res, i, 6));
		nseti(r, n, "invited", dbres_int(&res, i, 7));
		nseti(r, n, "answered", dbres_int(&res, i, 8));
		nseti(r, n, "pending", dbres_int(&res, i, 9));
		nseti(r, n, "no_opinion", dbres_int(&res, i, 10));
		nseti(r, n, "came", dbres_int(&res, i, 11));
	}
	dbres_free(&res);
	return E_OK;
}

static long long this_year(void)
{
	return hanoi_date(time(NULL)).y;
}

int ui_meetings_get(struct req *r)
{
	if (r->fv[LF_DONE].present)
		hset(r, "Mt.done", r->fv[LF_DONE].s);
	return list(r, r->fv[LF_YEAR].present ? r->fv[LF_YEAR].i : this_year());
}

int ui_meetings_post(struct req *r)
{
	const char *kind = r->fv[LF_KIND].present ? r->fv[LF_KIND].s : NULL, *why;
	struct typed t = typed_of(r, LF_TYPED);
	char id[24], loc[80], detail[700];
	long long mid;
	int rc;

	why = kind == NULL ? "kind" : check_typed(&rc, kind, &t);
	if (why != NULL && strcmp(why, "db") == 0)
		return rc;
	if (why != NULL) {
		struct ymd d;
		long long year = t.date && date_parse(t.date, &d) == 0 ? d.y : this_year();
		rc = list(r, year);
		hset(r, "Mt.error", why);
		hset(r, "Mt.new.kind", kind ? kind : "");
		hset(r, "Mt.new.title", t.title);
		hset(r, "Mt.new.date", t.date);
		hset(r, "Mt.new.time", t.time);
		hset(r, "Mt.new.end", t.end);
		hset(r, "Mt.new.place", t.place);
		hseti(r, "Mt.new.chair", t.chair);
		hseti(r, "Mt.new.period", t.period);
		hset(r, "Mt.new.notice", t.notice);
		r->status = 422;
		return rc;
	}
	if ((rc = db_begin()) != E_OK)
		return rc;
	rc = db_tab_exec(&tab, Q_INSERT, NULL, "sssssiiisi", kind, t.title, t.start_utc, t.end_utc,
			 t.place, t.chair, strcmp(kind, "extraordinary") == 0 ? t.chair : 0LL, t.period,
			 t.notice ? t.notice : "", r->user.id);
	mid = (long long)db_insert_id();
	if (rc == E_OK)
		rc = db_tab_exec(&tab, Q_INVITE_DEFAULT, NULL, "is", mid, kind);
	snprintf(id, sizeof id, "%lld", mid);
	snprintf(detail, sizeof detail, "%s %s UTC, %s: %s (%llu invited)", kind, t.start_utc, t.place,
		 t.title, db_affected());
	if (rc == E_OK)
		rc = audit(r, "meeting_create", "meeting", id, NULL, detail, NULL);
	if (rc != E_OK) {
		db_rollback();
		return rc;
	}
	if ((rc = db_commit()) != E_OK)
		return rc;
	snprintf(loc, sizeof loc, "/review/meeting?id=%lld&done=created", mid);
	req_redirect(r, loc);
	return E_OK;
}

static int show(struct req *r, long long id)
{
	struct dbres m, res;
	int rc;

	review_nav(r, "meetings");
	r->tmpl = "review/meeting.cs";
	if ((rc = db_tab_exec(&tab, Q_GET, &m, "i", id)) != E_OK)
		return rc;
	if (m.nrows != 1) {
		dbres_free(&m);
		return E_NOTFOUND;
	}
	{
		static const char *const keys[] = {"id", "kind", "title", "date", "time", "end", "place",
						   "chair", "chair_name", "period", "notice", "minutes",
						   "status", "version", "started"};
		NSET_ROW(r, hnode(r, "Mt.m"), &m, 0, keys);
		hset(r, "Mt.year", dbres_get(&m, 0, 18));
		meeting_period_hdf(r, "Mt.m", dbres_int(&m, 0, 9), dbres_get(&m, 0, 15)[0],
				   (int)dbres_int(&m, 0, 16), (int)dbres_int(&m, 0, 17));
	}
	dbres_free(&m);
	if ((rc = choices(r)) != E_OK)
		return rc;
	if ((rc = meeting_agenda_hdf(r, id, "Mt.agenda")) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_FILES, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Mt.files.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "kind", dbres_get(&res, i, 1));
		nset(r, n, "name", dbres_get(&res, i, 2));
		nseti(r, n, "size_kb", (dbres_int(&res, i, 3) + 1023) / 1024);
		nset(r, n, "date", dbres_get(&res, i, 4));
		nset(r, n, "by", dbres_get(&res, i, 5));
		nset(r, n, "user", dbres_get(&res, i, 6));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_INV, &res, "i", id)) != E_OK)
		return rc;
	{
		static const char *const keys[] = {"user", "name", "position", "answer", "answered_at",
						   "reason", "decision", "decided_by", "decision_note",
						   "dname", "dposition", "opinion", "attended", "version",
						   "no_opinion"};
		for (unsigned i = 0; i < res.nrows; i++) {
			HDF *n = hnode(r, "Mt.inv.%u", i);
			NSET_ROW(r, n, &res, i, keys);
		}
		hseti(r, "Mt.invited", res.nrows);
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_OTHERS, &res, "i", id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Mt.others.%u", i);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "name", dbres_get(&res, i, 1));
	}
	dbres_free(&res);
	hseti(r, "Mt.max_mb", config_int("evidence_max_bytes", 10485760) / 1048576);
	return E_OK;
}

int ui_meeting_get(struct req *r)
{
	if (r->fv[MF_DONE].present)
		hset(r, "Mt.done", r->fv[MF_DONE].s);
	return show(r, r->fv[MF_ID].i);
}

int meeting_refuse(struct req *r, long long id, int status, const char *why)
{
	int rc = show(r, id);

	hset(r, "Mt.error", why);
	r->status = status;
	return rc;
}

/* The edit form again with what was typed and why it was refused. */
static int refuse_edit(struct req *r, int status, const char *why)
{
	int rc = show(r, r->fv[MF_ID].i);
	static const int f[] = {MF_TYPED + T_TITLE, MF_TYPED + T_DATE, MF_TYPED + T_TIME,
				MF_TYPED + T_END, MF_TYPED + T_PLACE, MF_TYPED + T_NOTICE, MF_MINUTES,
				MF_STATUS};
	const struct fval *chair = &r->fv[MF_TYPED + T_CHAIR], *period = &r->fv[MF_TYPED + T_PERIOD];

	if (rc != E_OK)
		return rc;
	for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++)
		if (r->fv[f[i]].present)
			hsetf(r, r->fv[f[i]].s, "Mt.m.%s", meeting_fields[f[i]].name);
	if (chair->present)
		hseti(r, "Mt.m.chair", chair->i);
	hseti(r, "Mt.m.period", period->present ? period->i : 0);
	/* a conflict shows the stored version (to start again from); else keep the typed one */
	if (strcmp(why, "conflict") != 0 && r->fv[MF_VERSION].present)
		hseti(r, "Mt.m.version", r->fv[MF_VERSION].i);
	hset(r, "Mt.error", why);
	r->status = status;
	return E_OK;
}

int ui_meeting_post(struct req *r)
{
	long long id = r->fv[MF_ID].i;
	struct dbres m = {0};
	struct typed t = typed_of(r, MF_TYPED);
	const char *why, *status = r->fv[MF_STATUS].present ? r->fv[MF_STATUS].s : NULL;
	char ids[24], old[800], new[800], loc[80], kind[16];
	int rc;

	if (!r->fv[MF_VERSION].present || status == NULL) {
		r->bad_field = !r->fv[MF_VERSION].present ? "version" : "status";
		return E_BADREQ;
	}
	if ((rc = db_begin()) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LOCK, &m, "i", id)) != E_OK)
		goto fail;
	if (m.nrows != 1) {
		rc = E_NOTFOUND;
		goto fail;
	}
	snprintf(kind, sizeof kind, "%s", dbres_get(&m, 0, 0));
	if (dbres_int(&m, 0, 1) != r->fv[MF_VERSION].i) {
		db_rollback();
		dbres_free(&m);
		return refuse_edit(r, 409, "conflict");
	}
	if ((why = check_typed(&rc, kind, &t)) != NULL) {
		db_rollback();
		dbres_free(&m);
		return strcmp(why, "db") == 0 ? rc : refuse_edit(r, 422, why);
	}
	snprintf(old, sizeof old, "%s UTC, %s, chair %s, %s: %s", dbres_get(&m, 0, 3),
		 dbres_get(&m, 0, 4), dbres_get(&m, 0, 5), dbres_get(&m, 0, 6), dbres_get(&m, 0, 2));
	snprintf(new, sizeof new, "%s UTC, %s, chair %lld, %s: %s", t.start_utc, t.place, t.chair,
		 status, t.title);
	rc = db_tab_exec(&tab, Q_UPDATE, NULL, "ssssiiisssii", t.title, t.start_utc, t.end_utc, t.place,
			 t.chair, t.chair, t.period, t.notice ? t.notice : "",
			 r->fv[MF_MINUTES].present ? r->fv[MF_MINUTES].s : "", status, id,
			 r->fv[MF_VERSION].i);
	if (rc == E_OK && db_affected() != 1)
		rc = E_CONFLICT;
	snprintf(ids, sizeof ids, "%lld", id);
	if (rc == E_OK)
		rc = audit(r, "meeting_update", "meeting", ids, old, new, NULL);
	if (rc != E_OK || (rc = db_commit()) != E_OK)
		goto fail;
	dbres_free(&m);
	snprintf(loc, sizeof loc, "/review/meeting?id=%lld&done=saved", id);
	req_redirect(r, loc);
	return E_OK;
fail:
	db_rollback();
	dbres_free(&m);
	return rc;
}
