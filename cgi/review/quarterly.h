/* the quarterly report document (ui-quarterly.c): declarations */
#ifndef EGOV_REVIEW_QUARTERLY_H
#define EGOV_REVIEW_QUARTERLY_H
#include "../lib/req.h"

extern const struct field quarterly_fields[], qfile_fields[];
int ui_quarterly_get(struct req *r);
int ui_quarterly_post(struct req *r);
int ui_quarterly_file(struct req *r);

#endif
