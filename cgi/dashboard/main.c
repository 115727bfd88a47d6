#include "dashboard.h"

/* Only the session and reference-data statements live here; each page file
 * has its own table. */
static const char *const sql[ST_LIB_COUNT] = {LIB_SQL};

/* GET only: the dashboard changes nothing (any other method answers 405). */
static const struct page pages[] = {
	{"/dashboard/", M_GET, ui_overview, NULL, DASH, overview_fields, 0},
	{"/dashboard/pillar", M_GET, ui_pillar, NULL, DASH, pillar_fields, 0},
	{"/dashboard/indicator", M_GET, ui_indicator, NULL, DASH, indicator_fields, 0},
	{"/dashboard/unit", M_GET, ui_unit, NULL, DASH, unit_fields, 0},
	{"/dashboard/ranking", M_GET, ui_ranking, NULL, DASH, ranking_fields, 0},
	{"/dashboard/timeliness", M_GET, ui_timeliness, NULL, DASH, timeliness_fields, 0},
	{"/dashboard/chart", M_GET, ui_chart, NULL, DASH, chart_fields, 0},
	{"/dashboard/briefing", M_GET, ui_briefing, NULL, DASH, briefing_fields, 0},
	{"/dashboard/csv", M_GET, ui_csv, NULL, DASH, csv_fields, 0},
#include "pages-meetings.inc"
#include "pages-directions.inc"
	{NULL, 0, NULL, NULL, 0, NULL, 0},
};

/* no page reads a body: a small limit */
static const struct app app = {"dashboard", pages, sql, ST_LIB_COUNT, 4 * 1024};

int main(int argc, char **argv) { return app_main(&app, argc, argv); }
