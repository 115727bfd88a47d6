/* /review/attendance?year=: each invitee's record across the year's held
 * meetings (Art. 5.5): invited, present, leave approved, sent a delegate,
 * absent, and delegates sent without a written opinion; the same as CSV. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/clock.h"
#include "../lib/csv.h"
#include "../lib/db.h"
#include "../lib/hdfrows.h"
#include "../lib/meeting.h"
#include "../lib/render.h"
#include "review.h"

enum { YF_YEAR, YF_KIND };
const struct field myear_fields[] = {
	{"year", F_INT, 2000, 2100, 0, NULL},
	{"kind", F_WORD, 0, 0, 0, "all|committee|wg"},
	{NULL, 0, 0, 0, 0, NULL},
};

enum { Q_YEAR, Q_N };
static const char *const sql[Q_N] = {
	"SELECT u.id, u.display_name, COALESCE(u.position, ''), COUNT(*), SUM(i.attended = 'present'), "
	"SUM(i.answer = 'leave' AND i.leave_decision = 'approved'), SUM(i.attended = 'delegate'), "
	"SUM(i.attended = 'absent'), SUM(" MEETING_NO_OPINION("i") "), SUM(i.attended = 'unknown') "
	"FROM invitation i JOIN meeting m ON m.id = i.meeting_id JOIN app_user u ON u.id = i.user_id "
	MEETING_OPINIONS("i") "WHERE m.status = 'held' AND YEAR(m.starts_at + INTERVAL 7 HOUR) = ? "
	"AND (? = 'all' OR (? = 'wg') = (m.kind = 'wg')) "
	"GROUP BY u.id, u.display_name, u.position ORDER BY u.display_name",
};
static struct stmt_table tab = STMT_TABLE(sql);

static const char *const cols[] = {"user", "name", "position", "invited", "present", "leave",
				   "delegate", "absent", "no_opinion", "unknown"};
#define NCOLS (sizeof cols / sizeof cols[0])

static int load(struct req *r, struct dbres *res, long long *year, const char **kind)
{
	*year = r->fv[YF_YEAR].present ? r->fv[YF_YEAR].i : hanoi_date(time(NULL)).y;
	*kind = r->fv[YF_KIND].present ? r->fv[YF_KIND].s : "all";
	return db_tab_exec(&tab, Q_YEAR, res, "iss", *year, *kind, *kind);
}

int ui_attendance(struct req *r)
{
	struct dbres res;
	long long year;
	const char *kind;
	int rc;

	review_nav(r, "meetings");
	r->tmpl = "review/meeting-attendance.cs";
	if ((rc = load(r, &res, &year, &kind)) != E_OK)
		return rc;
	hseti(r, "Att.year", year);
	hset(r, "Att.kind", kind);
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Att.rows.%u", i);
		NSET_ROW(r, n, &res, i, cols);
	}
	dbres_free(&res);
	return E_OK;
}

int ui_attendance_csv(struct req *r)
{
	static const char *const head_vi[] = {"Mã người dùng", "Họ và tên", "Chức vụ", "Được mời",
					      "Có mặt", "Nghỉ có phép", "Cử người dự thay", "Vắng",
					      "Cử người thay thiếu ý kiến bằng văn bản", "Chưa ghi nhận"};
	static const char *const head_en[] = {"User id", "Name", "Position", "Invited", "Present",
					      "Leave approved", "Delegate sent", "Absent",
					      "Delegate without written opinion", "Not recorded"};
	const char *const *head = strcmp(r->lang, "en") == 0 ? head_en : head_vi;
	struct dbres res;
	long long year;
	const char *kind;
	char name[64], detail[64];
	int rc;

	if ((rc = load(r, &res, &year, &kind)) != E_OK)
		return rc;
	buf_reset(&r->out);
	buf_adds(&r->out, "\xEF\xBB\xBF");
	for (unsigned c = 0; c < NCOLS; c++)
		csv_put(&r->out, head[c], c == 0);
	buf_adds(&r->out, "\r\n");
	for (unsigned i = 0; i < res.nrows; i++) {
		for (unsigned c = 0; c < NCOLS; c++)
			csv_put(&r->out, dbres_get(&res, i, c), c == 0);
		buf_adds(&r->out, "\r\n");
	}
	dbres_free(&res);
	snprintf(detail, sizeof detail, "attendance %lld %s", year, kind);
	if ((rc = audit(r, "export", "attendance", detail, NULL, NULL, NULL)) != E_OK) {
		buf_reset(&r->out);
		return rc;
	}
	snprintf(name, sizeof name, "chuyen-can-%lld.csv", year);
	req_download(r, "text/csv; charset=utf-8", name);
	return E_OK;
}
