#include "review.h"

/* Only the session and reference-data statements live here; each page file
 * has its own table. */
static const char *const sql[ST_LIB_COUNT] = {LIB_SQL};

static const struct page pages[] = {
	{"/review/", M_GET, ui_home, NULL, WG, home_fields, 0},
	{"/review/queue", M_GET, ui_queue, NULL, WG, queue_fields, 0},
	{"/review/submission", M_GET, ui_sub_get, NULL, WG, sub_fields, 0},
	{"/review/decide", M_POST, NULL, ui_decide, WG, decide_fields, 0},
	{"/review/correct", M_POST, NULL, ui_correct, WG, correct_fields, 0},
	{"/review/periods", M_GET | M_POST, ui_periods_get, ui_periods_post, WG, periods_fields, 0},
	{"/review/period-state", M_POST, NULL, ui_period_state, WG, pstate_fields, 0},
	{"/review/period-indicators", M_GET | M_POST, ui_pind_get, ui_pind_post, WG, pind_fields, 0},
	{"/review/completeness", M_GET, ui_completeness, NULL, WG, compl_fields, 0},
	{"/review/unit", M_GET, ui_history, NULL, WG, history_fields, 0},
	{"/review/audit", M_GET, ui_audit, NULL, WG, audit_fields, 0},
	{"/review/audit.csv", M_GET, ui_audit_csv, NULL, WG, audit_fields, 0},
	{"/review/aggregate", M_POST, NULL, ui_aggregate, WG, aggregate_fields, 0},
/* page groups kept in their own files */
#include "pages-refdata.inc"
#include "pages-evidence.inc"
#include "pages-indices.inc"
#include "pages-meetings.inc"
#include "pages-directions.inc"
#include "pages-commendation.inc"
#include "pages-quarterly.inc"
	{NULL, 0, NULL, NULL, 0, NULL, 0},
};

static const struct app app = {"review", pages, sql, ST_LIB_COUNT, 256 * 1024};

int main(int argc, char **argv) { return app_main(&app, argc, argv); }
