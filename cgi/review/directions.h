/* conclusions and directions register, annual plan (ui-directions.c, ui-plan.c): declarations */
#ifndef EGOV_REVIEW_DIRECTIONS_H
#define EGOV_REVIEW_DIRECTIONS_H
#include "../lib/req.h"

/* ui-directions.c */
extern const struct field dir_list_fields[], dir_edit_fields[], dir_state_fields[];
int ui_dir_list(struct req *r);     /* GET /review/directions: register, filters, overdue per unit */
int ui_dir_get(struct req *r);      /* GET /review/direction?id=: edit form and history (no id: new) */
int ui_dir_post(struct req *r);     /* POST /review/direction: create or edit (version check) */
int ui_dir_state(struct req *r);    /* POST /review/direction-state: confirm, drop, return */

/* ui-plan.c */
extern const struct field plan_fields[], task_fields[];
int ui_plan_get(struct req *r);     /* GET /review/plan?year=: plans, tasks, progress, budget */
int ui_plan_post(struct req *r);    /* POST /review/plan: create a plan */
int ui_task_get(struct req *r);     /* GET /review/plan-task?id= | ?plan=: task form */
int ui_task_post(struct req *r);    /* POST /review/plan-task: add or edit a task */

#endif
