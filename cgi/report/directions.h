/* the unit's directions and plan tasks (ui-directions.c): declarations */
#ifndef EGOV_REPORT_DIRECTIONS_H
#define EGOV_REPORT_DIRECTIONS_H
#include "../lib/req.h"

extern const struct field rdir_fields[], rdir_post_fields[], rtask_post_fields[];
int ui_rdir_get(struct req *r);    /* GET /report/directions: the unit's directions and tasks */
int ui_rdir_post(struct req *r);   /* POST /report/direction-progress: status and a note */
int ui_rtask_post(struct req *r);  /* POST /report/task-progress: progress, status, spent, note */
/* Home.dir.{open,overdue,tasks_open,tasks_overdue} for the unit's start page. */
int directions_counts(struct req *r);

#endif
