#include <stdlib.h>

#include "export.h"

static const char *const sql[ST_LIB_COUNT] = {LIB_SQL};

/* GET only: exporting changes nothing but the audit trail */
static const struct page pages[] = {
	{"/export/", M_GET, ui_home, NULL, EXPORT_ROLES, home_fields, 0},
	{"/export/raw.csv", M_GET, ui_raw_csv, NULL, EXPORT_ROLES, raw_fields, 0},
	{"/export/raw.xlsx", M_GET, ui_raw_xlsx, NULL, EXPORT_ROLES, raw_fields, 0},
#include "pages-index.inc"
#include "pages-ranking.inc"
#include "pages-plan.inc"
#include "pages-template.inc"
	{NULL, 0, NULL, NULL, 0, NULL, 0},
};

static const struct app app = {"export", pages, sql, ST_LIB_COUNT, 4 * 1024};

/* With a command (egov-export [-c CONFIG] raw ...) it is the scheduled
 * tool; otherwise the FastCGI worker (whose only argument is the config). */
int main(int argc, char **argv)
{
	if (argc > 1 && cli_is_command(argv[1]))
		return cli_main(argc, argv);
	return app_main(&app, argc, argv);
}
