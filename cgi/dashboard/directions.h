/* directions and the plan, read only (ui-directions.c): declarations */
#ifndef EGOV_DASHBOARD_DIRECTIONS_H
#define EGOV_DASHBOARD_DIRECTIONS_H
#include "../lib/req.h"

extern const struct field ddirs_fields[];
int ui_ddirs(struct req *r);           /* GET /dashboard/directions?year= */

/* The overdue directions (as of today in Hanoi) per owner unit, into
 * Dash.dirs.{today, overdue, units.N.{id,name,count,list.M.{id,code,body,
 * deadline,days,status}}}.  The overview reads the rows with its
 * submissions statement (one statement fewer); other pages call
 * load_overdue_dirs.  A row's cells in this order: */
enum dirs_col { DC_UNIT, DC_CODE, DC_UNIT_NAME, DC_BODY, DC_STATUS, DC_DEADLINE, DC_DAYS, DC_COUNT, DC_DIR, DC_N };
#define DIRS_MAX 512
struct dirs_acc {
	int nu, nd, nseen;
	char last[24];
	long long seen[DIRS_MAX];
};
void dirs_begin(struct req *r, struct dirs_acc *a, char *today);   /* today: 11 bytes, filled */
void dirs_add(struct req *r, struct dirs_acc *a, const char *const *cells);
int load_overdue_dirs(struct req *r);

#endif
