/* Reference data management (ui-refdata-*.c): indicators with their rules and
 * targets, units (validity, mergers), users.  The working group (WG) manages
 * indicators and units; users only a working group lead or an admin
 * (USER_ADMINS), and only an admin grants the admin role or touches an admin's
 * account.  Nothing is ever deleted but rules and targets; every change is
 * audited in the transaction that makes it. */
#ifndef EGOV_REVIEW_REFDATA_H
#define EGOV_REVIEW_REFDATA_H
#include "../lib/req.h"

#define USER_ADMINS (R_WG_LEAD | R_ADMIN)

/* ui-refdata-indicators.c */
extern const struct field rd_ind_list_fields[], rd_ind_fields[], rd_ind_state_fields[],
	rd_rule_fields[], rd_target_fields[];
int rd_ind_list(struct req *r);
int rd_ind_get(struct req *r);
int rd_ind_post(struct req *r);
int rd_ind_state(struct req *r);
int rd_rule_post(struct req *r);
int rd_target_post(struct req *r);

/* ui-refdata-units.c */
extern const struct field rd_unit_list_fields[], rd_unit_fields[], rd_merge_fields[];
int rd_unit_list(struct req *r);
int rd_unit_get(struct req *r);
int rd_unit_post(struct req *r);
int rd_merge_get(struct req *r);
int rd_merge_post(struct req *r);

/* ui-refdata-users.c */
extern const struct field rd_user_list_fields[], rd_user_fields[], rd_user_state_fields[],
	rd_user_pw_fields[];
int rd_user_list(struct req *r);
int rd_user_get(struct req *r);
int rd_user_post(struct req *r);
int rd_user_state(struct req *r);
int rd_user_pw(struct req *r);

#endif

/* Helpers shared by the page files of reference data and of the national
 * indices only (they define REFDATA_IMPL). */
#if defined(REFDATA_IMPL) && !defined(EGOV_REVIEW_REFDATA_IMPL)
#define EGOV_REVIEW_REFDATA_IMPL
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../lib/audit.h"
#include "../lib/buf.h"
#include "../lib/db.h"
#include "../lib/render.h"
#include "../lib/text.h"

/* The last value of a form field from the POST body (never the query). */
static inline char *rd_body(struct req *r, const char *name)
{
	char *v = NULL;

	for (int i = r->nkv_query; i < r->nkv; i++)
		if (strcmp(r->kv[i].key, name) == 0 && r->kv[i].filename == NULL)
			v = r->kv[i].val;
	return v;
}

/* A one-line text field, trimmed in place: *out is the value ("" when
 * absent).  Returns NULL or an error key of Lang.RefData.Err. */
static inline const char *rd_line(struct req *r, const char *name, size_t maxchars, int required,
				  const char **out)
{
	char *v = rd_body(r, name), *e;

	*out = "";
	if (v == NULL)
		return required ? "required" : NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	e = v + strlen(v);
	while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	*out = v;
	if (*v == '\0')
		return required ? "required" : NULL;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "control";
	if (utf8_chars(v) > maxchars)
		return "too_long";
	return NULL;
}

/* Codes of indicators and units: A-Z, 0-9, '.', '_' and '-'. */
static inline int rd_code_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		      *s == '-'))
			return 0;
	return 1;
}

/* Marks a field as wrong: E.<field> = key (and E.<field>.max for too_long). */
static inline void rd_err(struct req *r, int *nerr, const char *field, const char *key, long max)
{
	char name[96];

	snprintf(name, sizeof name, "E.%s", field);
	hset(r, name, key);
	if (max > 0 && strcmp(key, "too_long") == 0) {
		snprintf(name, sizeof name, "E.%s.max", field);
		hseti(r, name, max);
	}
	(*nerr)++;
}

/* Checks a one-line field and records its error; returns 0 when bad. */
static inline int rd_field(struct req *r, int *nerr, const char *name, size_t maxchars,
			   int required, const char **out)
{
	const char *e = rd_line(r, name, maxchars, required, out);

	if (e != NULL)
		rd_err(r, nerr, name, e, (long)maxchars);
	return e == NULL;
}

/* A number as typed ("12,5"): canonical form into canon, or an error key. */
static inline const char *rd_num(const char *s, int integer_only, char *canon, size_t n)
{
	switch (num_parse(s, integer_only, canon, n, NULL)) {
	case NUM_OK: return NULL;
	case NUM_EMPTY: return "required";
	case NUM_AMBIGUOUS: return "ambiguous";
	case NUM_FRACTION: return "fraction";
	case NUM_DIGITS: return "digits";
	default: return "number";
	}
}

/* A DECIMAL as MariaDB returns it, shown the Vietnamese way so that typing
 * it back gives the same number ("123,456" would be read as ambiguous, so it
 * is shown "123,4560"). */
static inline void rd_num_show(const char *db, char *out, size_t n)
{
	const char *comma;
	size_t len;

	if (db == NULL) {
		if (n)
			out[0] = '\0';
		return;
	}
	num_display(db, out, n);
	comma = strchr(out, ',');
	len = strlen(out);
	if (comma != NULL && len - (size_t)(comma - out) - 1 == 3 && len + 2 <= n) {
		size_t intdigits = (size_t)(comma - out) - (out[0] == '-');
		if (intdigits <= 3 && !(intdigits == 1 && out[out[0] == '-'] == '0')) {
			out[len] = '0';
			out[len + 1] = '\0';
		}
	}
}

/* A date typed dd/mm/yyyy (or yyyy-mm-dd) into ISO form. */
static inline const char *rd_date(const char *s, char iso[11], struct ymd *d)
{
	struct ymd tmp;

	if (d == NULL)
		d = &tmp;
	if (date_parse(s, d) != 0)
		return "date";
	date_iso(*d, iso, 11);
	return NULL;
}

/* Today in Viet Nam (the workers run with TZ=Asia/Ho_Chi_Minh). */
static inline struct ymd rd_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return (struct ymd){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* "key=value; key=value" for audit rows of a created record. */
static inline void rd_kv(struct buf *b, const char *key, const char *value)
{
	if (b->len)
		buf_adds(b, "; ");
	buf_printf(b, "%s=%s", key, value ? value : "");
}

static inline int rd_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* refdata.c */

/* A refused form is drawn again: the fields named in keep as typed
 * (F.<name>), status 422 and the number of errors. */
void rd_refuse(struct req *r, const char *const *keep, size_t nkeep, int nerr);

/* The sort field: blank keeps old_sort ("" when adding: the caller puts the
 * record last), else a whole number within +-999999.  Returns 0 (and leaves
 * *typed) when the field itself is bad. */
int rd_sort(struct req *r, int *nerr, const char *old_sort, char *sort, size_t n,
	    const char **typed);

/* The kinds of unit a record applies to (indicators, index criteria): a SET
 * column, its members in the order rd_kind(0 .. RD_NKINDS - 1). */
#define RD_NKINDS 4
const char *rd_kind(int k);

/* The ticked "unit_kinds" boxes as the SET stores them; returns 0 when one
 * is unknown or none is ticked. */
int rd_kinds_post(struct req *r, char *set, size_t n);

/* An edit form's fields (F.<name>) and its ticked unit kinds. */
void rd_put_form(struct req *r, const char *const *names, const char *const *show, int n,
		 const char *kinds);

/* The audit rows of an edit: one per field of [from, to) whose value
 * changes, action "set_<name>" (written into act[i]); returns how many. */
int rd_changes(struct audit_row *rows, char (*act)[32], const char *entity, const char *eid,
	       const char *const *names, const char *const *old, const char *const *new, int from,
	       int to);

/* A 0/1 column of a record that is retired or verified, never deleted. */
struct rd_flag {
	struct stmt_table *tab;
	int lock;                   /* the row by id, FOR UPDATE */
	int set;                    /* SET <column> = ? WHERE id = ? */
	unsigned col;               /* the column in the locked row */
	int eid_col;                /* the audit's entity_id: that column, or -1: the id */
	const char *column, *entity;
};

/* Turns the flag on or off in its own transaction, audited by action as
 * "<column>=0" -> "<column>=1"; when it is so already nothing is written
 * and nothing audited. */
int rd_set_flag(struct req *r, const struct rd_flag *f, long long id, int on, const char *action);

/* ISO date from the database shown dd/mm/yyyy ("" for NULL). */
static inline void rd_hdate(struct req *r, const char *name, const char *iso)
{
	char vn[16] = "";

	if (iso != NULL)
		date_iso_to_vn(iso, vn, sizeof vn);
	hset(r, name, vn);
}

#endif
