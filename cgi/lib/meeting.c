/* Meetings: the parts review, report and dashboard share (lib/meeting.h). */
#include <stdio.h>
#include <sys/stat.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "meeting.h"
#include "period.h"
#include "render.h"

enum { Q_AGENDA, Q_FILE_ADD, Q_N };
static const char *const sql[Q_N] = {
	"SELECT seq, title, COALESCE(presenter, '') FROM meeting_agenda WHERE meeting_id = ? ORDER BY seq",
	"INSERT INTO meeting_file (meeting_id, kind, user_id, stored_name, original_name, content_type, "
	"size_bytes, sha256, uploaded_by, uploaded_at) "
	"VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
};
static struct stmt_table tab = STMT_TABLE(sql);

int meeting_briefing_exists(long long period)
{
	const char *dir = config_get("charts_dir", NULL);
	char path[1024];
	struct stat st;

	if (dir == NULL || period <= 0)
		return 0;
	snprintf(path, sizeof path, "%s/%lld/briefing.pdf", dir, period);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

void meeting_period_hdf(struct req *r, const char *node, long long period, int kind, int year,
			int seq)
{
	char label[64];

	if (period <= 0)
		return;
	period_label(kind, year, seq, r->lang, label, sizeof label);
	hsetf(r, label, "%s.period_label", node);
	hsetfi(r, meeting_briefing_exists(period), "%s.briefing", node);
}

int meeting_agenda_hdf(struct req *r, long long meeting_id, const char *node)
{
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, Q_AGENDA, &res, "i", meeting_id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "%s.%u", node, i);
		nset(r, n, "seq", dbres_get(&res, i, 0));
		nset(r, n, "title", dbres_get(&res, i, 1));
		nset(r, n, "presenter", dbres_get(&res, i, 2));
	}
	dbres_free(&res);
	return E_OK;
}

int meeting_file_add(struct req *r, long long meeting_id, const char *kind, long long user_id,
		     const char *stored, const struct upfile *f)
{
	char ids[24], detail[1400];
	int rc;

	rc = db_tab_exec(&tab, Q_FILE_ADD, NULL, "isisssisi", meeting_id, kind, user_id, stored, f->name,
			 f->type->mime, (long long)f->len, f->sum, r->user.id);
	if (rc != E_OK)
		return rc;
	snprintf(ids, sizeof ids, "%llu", db_insert_id());
	snprintf(detail, sizeof detail, "meeting %lld, %s: %s (%s, %zu bytes, sha256 %s)", meeting_id,
		 kind, f->name, f->type->mime, f->len, f->sum);
	return audit(r, "meeting_file_add", "meeting_file", ids, NULL, detail, NULL);
}

int meeting_file_send(struct req *r, long long id, const char *stored, long long size,
		      const char *sha256, const char *mime, const char *original)
{
	char ids[24];
	int rc;

	snprintf(ids, sizeof ids, "%lld", id);
	if ((rc = audit(r, "meeting_file_download", "meeting_file", ids, NULL, NULL, NULL)) != E_OK)
		return rc;
	return file_send(r, stored, size, sha256, mime, original);
}
