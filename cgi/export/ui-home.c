/* /export/: the choices of the raw data export as a GET form (period range,
 * unit kind, pillar, status) with one button per format.
 * Statements: periods, pillars. */
#include <stdio.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "export.h"

enum { HS_PERIODS, HS_PILLARS };
static const char *const sql[] = {
	/* HS_PERIODS */
	"SELECT id, kind, year, seq, DATE_FORMAT(cutoff_start, '%d/%m/%Y'), "
	"DATE_FORMAT(cutoff_end, '%d/%m/%Y') FROM period ORDER BY kind, cutoff_end DESC, id",
	/* HS_PILLARS */
	"SELECT code, name, name_en FROM pillar ORDER BY sort, code",
};
static struct stmt_table tab = STMT_TABLE(sql);

const struct field home_fields[] = {
	{NULL, 0, 0, 0, 0, NULL},
};

int ui_home(struct req *r)
{
	struct dbres res;
	int rc;

	if ((rc = db_tab_exec(&tab, HS_PERIODS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Export.periods.%u", i);
		char label[64];
		const char *k = dbres_get(&res, i, 1);

		period_label(k[0], (int)dbres_int(&res, i, 2), (int)dbres_int(&res, i, 3), r->lang, label,
			     sizeof label);
		nset(r, n, "id", dbres_get(&res, i, 0));
		nset(r, n, "kind", k);
		nset(r, n, "label", label);
		nset(r, n, "from", dbres_get(&res, i, 4));
		nset(r, n, "to", dbres_get(&res, i, 5));
	}
	dbres_free(&res);
	if ((rc = db_tab_exec(&tab, HS_PILLARS, &res, "")) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		HDF *n = hnode(r, "Export.pillars.%u", i);
		nset(r, n, "code", dbres_get(&res, i, 0));
		nset(r, n, "name", dbres_get(&res, i, r->lang[0] == 'e' ? 2 : 1));
	}
	dbres_free(&res);
	r->tmpl = "export/home.cs";
	return E_OK;
}
