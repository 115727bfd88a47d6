/* The arithmetic of the aggregation job, apart from the database so the unit
 * tests can check it: exact fixed-point figures, the aggregation rules, the
 * target and progress rules, the score and the ranking.
 *
 * Figures are kept in millionths (the six decimals of the DECIMAL columns) in
 * 128-bit integers, so sums and counts are exact and a mean is the exact
 * quotient rounded half away from zero to six decimals, as a DECIMAL column
 * would keep it. */
#ifndef EGOV_AGG_CALC_H
#define EGOV_AGG_CALC_H
#include <stddef.h>

typedef __int128 micro_t;
#define MICRO 1000000

/* "12.5", "-0.250000", "7" -> millionths.  More than six decimals are
 * rounded half away from zero.  0 ok, -1 not a number. */
int micro_parse(const char *s, micro_t *out);
/* millionths -> "12.500000" (what a DECIMAL(.., 6) column takes) */
void micro_format(micro_t v, char *out, size_t outsz);
/* num / den rounded half away from zero (den != 0) */
micro_t div_round(micro_t num, micro_t den);
double micro_double(micro_t v);

enum agg_rule { RULE_SUM, RULE_MEAN, RULE_WMEAN, RULE_COUNT_YES, RULE_SHARE_YES, RULE_NONE };
enum direction { DIR_UP, DIR_DOWN, DIR_NONE };
/* -1 for a word that is not one of the ENUM's */
int rule_parse(const char *s);
int direction_parse(const char *s);
/* sum and count_yes add up over units: a city-wide target is a city total */
int rule_additive(enum agg_rule r);

/* What one scope has collected for one indicator. */
struct acc {
	unsigned asked;       /* units valid in the period and asked the indicator */
	unsigned reporting;   /* units with a counted figure */
	unsigned yes;         /* counted figures equal to 1 */
	unsigned weighted;    /* counted figures that have a weight */
	int wv_overflow;      /* sum of w*v left 128 bits: wvsum_ld is used */
	micro_t sum;          /* sum of the figures */
	micro_t wsum;         /* sum of the weights (millionths) */
	micro_t wvsum;        /* sum of weight * figure (millionths squared) */
	long double wvsum_ld;
};

/* One counted figure; w is its weight when has_w (a wmean indicator whose
 * weight figure the unit reported, not negative). */
void acc_add(struct acc *a, micro_t v, int has_w, micro_t w);
/* The scope's value by the rule: 1 with *out set, 0 for NULL (nobody
 * reported, or the rule is none). */
int acc_value(const struct acc *a, enum agg_rule rule, micro_t *out);

/* A target as the aggregate states it: yes/no targets are written on the
 * yes/no scale (1 = every unit answers yes), a share_yes aggregate is a
 * percentage, so a share_yes target of at most 1 is multiplied by 100. */
micro_t target_scale(enum agg_rule rule, micro_t t);

/* progress = value / target (up) or target / value (down); 0 (NULL) without a
 * direction, for a zero divisor; limited to what DECIMAL(12,6) holds. */
int progress_of(enum direction d, micro_t value, micro_t target, double *out);

/* The score of one indicator of one unit, between 0 and 1: min(progress, 1),
 * at least 0; 1 for a "down" indicator whose value is 0 (nothing left: the
 * best outcome) and for an "up" indicator whose target is 0 or less and met. */
double indicator_score(enum direction d, micro_t value, micro_t target);

/* Scores kept as DECIMAL(9,4) are compared as ten-thousandths. */
long long score4(double score);
/* Competition ranking, best (highest) first, ties share a rank ("1, 2, 2,
 * 4"); entries with has[i] == 0 get rank 0 (not ranked).  -1: out of memory. */
int rank_desc(const long long *score, const int *has, int n, int *rank);

#endif
