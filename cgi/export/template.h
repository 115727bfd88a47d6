/* a unit's form as an XLSX template (ui-template.c): declarations.
 * The sheet's layout is also what egov-report's import reads back
 * (cgi/report/ui-import.c includes this header), so it is defined once. */
#ifndef EGOV_EXPORT_TEMPLATE_H
#define EGOV_EXPORT_TEMPLATE_H
#include "../lib/req.h"

/* Columns, from 0 (A).  TPL_COL_KIND is hidden: it says what a row is
 * ("ind", "problems", "proposals"); its first cell holds the key. */
enum {
	TPL_COL_CODE, TPL_COL_NAME, TPL_COL_UOM, TPL_COL_RANGE, TPL_COL_PREV,
	TPL_COL_VALUE, TPL_COL_NA, TPL_COL_NOTE, TPL_COL_REQUIRED, TPL_COL_KIND,
	TPL_COLS
};
/* "egov-form;1;unit=<unit id>;period=<period id>;code=<unit code>" */
#define TPL_KEY_PREFIX "egov-form;1;"
#define TPL_MARK_IND "ind"
#define TPL_MARK_PROBLEMS "problems"
#define TPL_MARK_PROPOSALS "proposals"
/* how yes and no are written in the sheet (a list validation offers them) */
#define TPL_YES "Có"
#define TPL_NO "Không"
/* a form has a few dozen rows: room for many more, never a million */
#define TPL_ROWS_MAX 2000

extern const struct field template_fields[];
/* GET /export/template.xlsx?period=ID[&unit=CODE] */
int ui_template(struct req *r);

#endif
