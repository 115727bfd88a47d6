/* The units' ranking for commendation proposals (Art. 6.6 of the
 * regulation), one computation for the export program and the review
 * program's commendation list.
 *
 * Per unit of one kind, for one period or one calendar year (its quarters):
 *   indicators   the overall score of egov-aggregate (agg_score, pillar ''),
 *                for a year the mean over the quarters that have one;
 *   timeliness   100 x forms delivered (submitted or accepted) by the due
 *                date / forms asked whose due date has passed or that were
 *                delivered; days late summed over the late ones;
 *   directions   100 x directions done with done_on <= deadline / the
 *                unit's directions with a deadline in the range that are
 *                done or already past their deadline (dropped ones left out);
 *   plan         the same for the unit's tasks of that year's plans.
 * combined = sum(w_i x c_i) / sum(w_i) over the components the unit has, so
 * a missing component (no direction, say) is re-weighted, not a zero.
 * A unit without an indicator score is listed unranked: the other
 * components alone say too little to propose anyone.
 *
 * The arithmetic (ranking_compute, ranking_formula) has no database in it
 * and is unit-tested; ranking_load fetches the inputs. */
#ifndef EGOV_RANKING_H
#define EGOV_RANKING_H
#include <stddef.h>

enum { RK_IND, RK_TIME, RK_DIR, RK_PLAN, RK_NCOMP };

/* Weights in percent points; config keys ranking_weight_indicators,
 * _timeliness, _directions, _plan (defaults 60, 20, 10, 10). */
struct rk_weights {
	int w[RK_NCOMP];
};

struct rk_unit {
	long long id;
	char code[33], name[256], name_en[256];
	/* inputs */
	double score_sum;
	int score_n;                 /* periods with a score */
	int on_time, late, missing;  /* forms; pending ones (not yet due) are not counted */
	long long days_late;
	int dir_total, dir_on_time;
	int plan_total, plan_on_time;
	/* results of ranking_compute */
	int has[RK_NCOMP];
	double comp[RK_NCOMP];       /* each on a 0-100 scale */
	int ranked;                  /* has an indicator score */
	double combined;
	int rank;                    /* 1-based; 0: unranked */
};

struct rk_list {
	struct rk_unit *u;           /* in rank order after ranking_load */
	int n;
	char kind[16];
	long long period_id;         /* 0: a year */
	int year;
	char label[64];              /* "Quý 1/2026" or "Năm 2026" */
	char from[11], to[11];       /* the date range, yyyy-mm-dd */
	int periods;                 /* reporting periods considered */
};

/* The weights from the configuration; bad values fall back to the
 * defaults (and the log says so). */
void ranking_weights(struct rk_weights *w);
/* Fills has/comp/ranked/combined/rank and sorts: combined score, ties by
 * indicator score, then name; units equal on both share a rank (1, 1, 3);
 * unranked units last, by name. */
void ranking_compute(struct rk_unit *u, int n, const struct rk_weights *w);
/* The formula text: tmpl with {ind} {time} {dir} {plan} replaced by the
 * weights.  Returns 0, or -1 when it did not fit. */
int ranking_formula(const char *tmpl, const struct rk_weights *w, char *out, size_t outsz);
/* A number as the shortest text that reads back as the same double
 * ("73", "71.66666666666667"): full precision without noise. */
void ranking_num(double v, char *out, size_t outsz);

/* The columns of a ranking row; headers are Lang.Ranking.Col.<key>. */
enum { RC_RANK, RC_CODE, RC_NAME, RC_IND, RC_SCORED, RC_ON_TIME, RC_LATE, RC_MISSING, RC_TIME,
       RC_DAYS_LATE, RC_DIR_TOTAL, RC_DIR_ON_TIME, RC_DIR, RC_PLAN_TOTAL, RC_PLAN_ON_TIME, RC_PLAN,
       RC_COMBINED, RC_N };
extern const char *const ranking_col_keys[RC_N];
/* A row's cell as text (tmp holds numbers): full precision, "—" for a
 * component the unit does not have and for an unranked unit's rank; the
 * English name when en and there is one.  *numeric says whether it is a
 * number (for a spreadsheet's number cell). */
const char *ranking_cell(const struct rk_unit *u, int col, int en, char *tmp, size_t tmpsz, int *numeric);

/* The formula in a language ("vi"/"en") from lang/<lang>-ranking.hdf. */
int ranking_formula_text(const char *lang, char *out, size_t outsz);
/* A text of lang/<lang>-ranking.hdf (Lang.Ranking.<key>), or the key. */
const char *ranking_lang(const char *lang, const char *key);

/* Loads and ranks one kind ("district" or "department") for a period
 * (period_id > 0) or a calendar year (period_id 0).  E_NOTFOUND for an
 * unknown period, E_BADREQ for a bad kind or year.  Free with ranking_free. */
int ranking_load(long long period_id, int year, const char *kind, const char *lang,
		 const struct rk_weights *w, struct rk_list *out);
void ranking_free(struct rk_list *l);

#endif
