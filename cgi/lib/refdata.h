/* Reference data cached in the worker: pillars, indicators, cross-field rules
 * and targets.  Every session query also reads refdata_version (moved by
 * triggers on those tables), so a page costs no query for them until the
 * working group changes something. */
#ifndef EGOV_REFDATA_H
#define EGOV_REFDATA_H
#include "db.h"
#include "req.h"

struct ref_ind {
	long long id;
	const char *code, *name, *name_en, *pillar, *pillar_name, *pillar_name_en;
	const char *uom, *vtype, *min, *max, *kinds;
	int required, active;
};

struct ref_rule {
	long long left, right;
	const char *op, *message, *message_en;
};

struct ref_target {
	long long ind, unit;  /* unit 0: city-wide */
	int year;
	const char *value;
};

struct ref_asked {
	long long period, ind;
	const char *kind;
};

struct refdata {
	long long version;
	struct ref_ind *ind;
	unsigned nind;
	struct ref_rule *rule;
	unsigned nrule;
	struct ref_target *target;
	unsigned ntarget;
	struct ref_asked *asked;
	unsigned nasked;
	struct dbres ires, rres, tres, ares;
};

/* The cache as of the request's version; reloads when it moved. */
int ref_get(struct req *r, const struct refdata **out);
void ref_free(void);
/* Whether a unit kind reports the indicator ("department" in "department,district"). */
int ref_kind_has(const struct ref_ind *in, const char *kind);
/* The unit's own target for the year, else the city-wide one, else NULL. */
const char *ref_target(const struct refdata *rd, long long ind, int year, long long unit);

/* Whether the period asks the indicator of that kind of unit. */
int ref_asked(const struct refdata *rd, long long period, const char *kind, long long ind);

#endif
