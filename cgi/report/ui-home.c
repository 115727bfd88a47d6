/* /report/: the unit's periods with their status and due dates, and a
 * short count of its open and overdue directions and plan tasks. */
#include <stdio.h>
#include <stdlib.h>

#include "../lib/db.h"
#include "../lib/period.h"
#include "../lib/render.h"
#include "../lib/text.h"
#include "report.h"

int ui_home(struct req *r)
{
	struct dbres res;
	int rc;

	r->tmpl = "report/home.cs";
	/* the meetings page is a committee member's: a plain officer is not shown it */
	hseti(r, "Home.member", (r->user.roles & MEMBERS) != 0);
	if (r->user.unit_id == 0) {
		hset(r, "Home.no_unit", "1");
		return E_OK;
	}
	if ((rc = db_exec(ST_PERIODS, &res, "i", r->user.unit_id)) != E_OK)
		return rc;
	for (unsigned i = 0; i < res.nrows; i++) {
		char label[64], due[16];
		const char *late = dbres_get(&res, i, 9);

		period_label(dbres_get(&res, i, 1)[0], (int)dbres_int(&res, i, 2),
			     (int)dbres_int(&res, i, 3), r->lang, label, sizeof label);
		date_iso_to_vn(dbres_get(&res, i, 4), due, sizeof due);
		hsetf(r, dbres_get(&res, i, 0), "Home.periods.%u.id", i);
		hsetf(r, label, "Home.periods.%u.label", i);
		hsetf(r, due, "Home.periods.%u.due", i);
		hsetfi(r, dbres_int(&res, i, 5) && !dbres_int(&res, i, 6), "Home.periods.%u.open", i);
		hsetfi(r, dbres_int(&res, i, 6), "Home.periods.%u.locked", i);
		hsetf(r, form_status(dbres_get(&res, i, 7), dbres_get(&res, i, 8)),
		      "Home.periods.%u.status", i);
		if (late != NULL && atoll(late) > 0)
			hsetf(r, late, "Home.periods.%u.days_late", i);
	}
	dbres_free(&res);
	return directions_counts(r);
}
