/* /dashboard/chart?period=&file= and /dashboard/briefing?period=: the chart
 * job's files are never public.  After the session and role checks the
 * program answers with X-Accel-Redirect to nginx's internal /charts/
 * location (aliasing charts_dir), which sends the file.  A chart name must
 * match chart_name_ok() (no dots but the extension's, no slashes) and the
 * period is a number, so the path cannot leave the period's directory.
 * Statements: the session only (the briefing: and the periods, to name the
 * file and find the default period). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../lib/render.h"
#include "dashboard.h"

const struct field chart_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"file", F_LINE, 1, 100, 1, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

const struct field briefing_fields[] = {
	{"period", F_INT, 1, 4294967295LL, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

static int file_exists(long long period, const char *file)
{
	const char *dir = dash_charts_dir();
	char path[1024];
	struct stat st;

	if (dir == NULL)
		return 0;
	snprintf(path, sizeof path, "%s/%lld/%s", dir, period, file);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

static void accel(struct req *r, long long period, const char *file, const char *ctype)
{
	r->tmpl = NULL;
	r->content_type = ctype;
	buf_reset(&r->out);
	req_header(r, "X-Accel-Redirect: /charts/%lld/%s", period, file);
}

int ui_chart(struct req *r)
{
	long long period = r->fv[0].i;
	const char *file = r->fv[1].s;

	if (!chart_name_ok(file)) {
		r->bad_field = "file";
		return E_BADREQ;
	}
	if (!file_exists(period, file))
		return E_NOTFOUND;
	accel(r, period, file, strcmp(strrchr(file, '.'), ".svg") == 0 ? "image/svg+xml" : "image/png");
	return E_OK;
}

int ui_briefing(struct req *r)
{
	struct dperiod p;
	char name[96];
	int rc;

	if ((rc = dash_period(r, r->fv[0].present ? r->fv[0].i : 0, &p)) != E_OK)
		return rc;
	if (p.id == 0 || !file_exists(p.id, BRIEFING_PDF))
		return E_NOTFOUND;
	/* "bao-cao-tom-tat-2026-Q3.pdf", "...-2026-H1.pdf", "...-2026.pdf" */
	if (p.kind == 'Y')
		snprintf(name, sizeof name, "bao-cao-tom-tat-%d.pdf", p.year);
	else
		snprintf(name, sizeof name, "bao-cao-tom-tat-%d-%c%d.pdf", p.year, p.kind, p.seq);
	req_download(r, "application/pdf", name);
	accel(r, p.id, BRIEFING_PDF, "application/pdf");
	return E_OK;
}
