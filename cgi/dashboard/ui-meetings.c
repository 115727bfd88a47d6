/* /dashboard/meetings: upcoming and past meetings with the state of the
 * answers (leave pending, delegates without a written opinion flagged) and,
 * for one meeting (?id=), its agenda, papers, the briefing pack of the
 * quarter a regular meeting reviews, and each invitee's answer and
 * attendance.  Read only: answering is on /report/meetings, editing on
 * /review/meeting; file links go to whichever of the two the reader uses. */
#include <stdio.h>
#include <string.h>

#include "../lib/db.h"
#include "../lib/hdfrows.h"
#include "../lib/meeting.h"
#include "../lib/render.h"
#include "dashboard.h"

const struct field dmeetings_fields[] = {
	{"id", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

#define HANOI "+ INTERVAL 7 HOUR"

enum { Q_LIST, Q_ONE, Q_FILES, Q_INV, Q_N };
static const char *const sql[Q_N] = {
	/* Q_LIST: the last two years and what is planned, with the answers counted */
	"SELECT m.id, m.kind, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y %H:%i'), m.place, "
	"cu.display_name, m.status, m.starts_at <= UTC_TIMESTAMP(), COUNT(i.user_id), "
	"SUM(i.answer = 'attend'), SUM(i.answer = 'leave' AND i.leave_decision = 'pending'), "
	"SUM(i.answer = 'leave' AND i.leave_decision = 'approved'), "
	"SUM(i.answer = 'leave' AND i.leave_decision = 'refused'), SUM(i.answer = 'delegate'), "
	"SUM(" MEETING_NO_OPINION("i") "), SUM(i.answer = 'none'), SUM(i.attended = 'present'), "
	"SUM(i.attended = 'delegate'), SUM(i.attended = 'absent') "
	"FROM meeting m JOIN app_user cu ON cu.id = m.chair_id LEFT JOIN invitation i ON i.meeting_id = m.id "
	MEETING_OPINIONS("i") "WHERE m.starts_at >= UTC_TIMESTAMP() - INTERVAL 2 YEAR GROUP BY m.id ORDER BY m.starts_at DESC",
	/* Q_ONE */
	"SELECT m.id, m.kind, m.title, DATE_FORMAT(m.starts_at " HANOI ", '%d/%m/%Y %H:%i'), m.place, "
	"cu.display_name, m.status, COALESCE(m.notice, ''), COALESCE(m.minutes, ''), COALESCE(m.period_id, 0), "
	"COALESCE(p.kind, ''), COALESCE(p.year, 0), COALESCE(p.seq, 0) "
	"FROM meeting m JOIN app_user cu ON cu.id = m.chair_id LEFT JOIN period p ON p.id = m.period_id "
	"WHERE m.id = ?",
	/* Q_FILES: papers and minutes (written opinions stay with the answers' readers) */
	"SELECT id, kind, original_name, size_bytes FROM meeting_file "
	"WHERE meeting_id = ? AND deleted = 0 AND kind IN ('paper', 'minutes') ORDER BY kind, id",
	/* Q_INV */
	"SELECT u.display_name, COALESCE(u.position, ''), i.answer, COALESCE(i.leave_decision, ''), "
	"COALESCE(i.delegate_name, ''), COALESCE(i.delegate_position, ''), " MEETING_NO_OPINION("i") ", i.attended "
	"FROM invitation i JOIN app_user u ON u.id = i.user_id " MEETING_OPINIONS("i")
	"WHERE i.meeting_id = ? "
	"ORDER BY FIND_IN_SET('head', u.roles) DESC, FIND_IN_SET('deputy', u.roles) DESC, u.display_name",
};
static struct stmt_table tab = STMT_TABLE(sql);

static void fill(struct req *r, const struct dbres *res, const char *node, const char *const *keys,
		 unsigned nkeys)
{
	for (unsigned i = 0; i < res->nrows; i++) {
		HDF *n = hnode(r, "%s.%u", node, i);
		nset_row(r, n, res, i, keys, nkeys);
	}
}

static int one(struct req *r, long long id)
{
	static const char *const fk[] = {"id", "kind", "name", "size"};
	static const char *const ik[] = {"name", "position", "answer", "decision", "dname",
					 "dposition", "no_opinion", "attended"};
	static const char *const mk[] = {"id", "kind", "title", "when", "place", "chair", "status",
					 "notice", "minutes", "period"};
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_ONE, &res, "i", id)) != E_OK)
		return rc;
	if (res.nrows != 1) {
		dbres_free(&res);
		return E_NOTFOUND;
	}
	NSET_ROW(r, hnode(r, "Dm.m"), &res, 0, mk);
	meeting_period_hdf(r, "Dm.m", dbres_int(&res, 0, 9), dbres_get(&res, 0, 10)[0],
			   (int)dbres_int(&res, 0, 11), (int)dbres_int(&res, 0, 12));
	dbres_free(&res);
	if ((rc = meeting_agenda_hdf(r, id, "Dm.agenda")) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_FILES, &res, "i", id)) != E_OK)
		return rc;
	fill(r, &res, "Dm.files", fk, 4);
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, Q_INV, &res, "i", id)) != E_OK)
		return rc;
	fill(r, &res, "Dm.inv", ik, 8);
	dbres_free(&res);
	return E_OK;
}

int ui_dmeetings(struct req *r)
{
	static const char *const lk[] = {"id", "kind", "title", "when", "place", "chair", "status",
					 "past", "invited", "attend", "pending", "approved", "refused",
					 "delegate", "no_opinion", "none", "present", "delegated",
					 "absent"};
	struct dbres res;
	int rc;

	if (dash_page(r, "meetings", "dashboard/meetings.cs"))
		return E_OK;
	/* papers are served by the program the reader answers or edits with */
	hset(r, "Dm.files_at", (r->user.roles & (R_WG | R_WG_LEAD | R_ADMIN)) ? "/review/meeting-file"
									       : "/report/meeting-file");
	hseti(r, "Dm.member", (r->user.roles & (R_MEMBER | R_UNIT_HEAD | R_DEPUTY | R_HEAD)) != 0);
	if (r->fv[0].present && (rc = one(r, r->fv[0].i)) != E_OK)
		return rc;
	if ((rc = db_tab_exec(&tab, Q_LIST, &res, "")) != E_OK)
		return rc;
	fill(r, &res, "Dm.list", lk, sizeof lk / sizeof lk[0]);
	dbres_free(&res);
	return E_OK;
}
