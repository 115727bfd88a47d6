#include "calc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROGRESS_MAX 999999.999999   /* DECIMAL(12,6) */

int micro_parse(const char *s, micro_t *out)
{
	micro_t v = 0;
	int neg = 0, digits = 0, frac = 0, round_up = 0;

	if (s == NULL)
		return -1;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (digits >= 30)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, frac++) {
			if (frac < 6)
				v = v * 10 + (*s - '0');
			else if (frac == 6)
				round_up = *s >= '5';
		}
	}
	if (*s != '\0' || digits + frac == 0)
		return -1;
	for (; frac < 6; frac++)
		v *= 10;
	v += round_up;
	*out = neg ? -v : v;
	return 0;
}

void micro_format(micro_t v, char *out, size_t outsz)
{
	char tmp[64];
	int n = 0, neg = v < 0;
	unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;

	/* digits backwards, the point after six of them */
	do {
		if (n == 6)
			tmp[n++] = '.';
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u != 0 || n < 8);
	if (neg)
		tmp[n++] = '-';
	if ((size_t)n + 1 > outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

micro_t div_round(micro_t num, micro_t den)
{
	int neg = (num < 0) != (den < 0);
	micro_t a = num < 0 ? -num : num, b = den < 0 ? -den : den;
	micro_t q = a / b, r = a % b;

	if (r * 2 >= b)
		q++;
	return neg ? -q : q;
}

double micro_double(micro_t v)
{
	return (double)((long double)v / MICRO);
}

int rule_parse(const char *s)
{
	static const char *const names[] = {"sum", "mean", "wmean", "count_yes", "share_yes", "none"};

	for (int i = 0; s != NULL && i < (int)(sizeof names / sizeof names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int direction_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "up") == 0)
		return DIR_UP;
	if (strcmp(s, "down") == 0)
		return DIR_DOWN;
	if (strcmp(s, "none") == 0)
		return DIR_NONE;
	return -1;
}

int rule_additive(enum agg_rule r)
{
	return r == RULE_SUM || r == RULE_COUNT_YES;
}

void acc_add(struct acc *a, micro_t v, int has_w, micro_t w)
{
	a->reporting++;
	a->sum += v;
	if (v == MICRO)
		a->yes++;
	if (has_w) {
		micro_t wv;

		a->weighted++;
		a->wsum += w;
		a->wvsum_ld += (long double)w * (long double)v;
		if (!a->wv_overflow && (__builtin_mul_overflow(w, v, &wv) ||
					__builtin_add_overflow(a->wvsum, wv, &a->wvsum)))
			a->wv_overflow = 1;
	}
}

int acc_value(const struct acc *a, enum agg_rule rule, micro_t *out)
{
	if (a->reporting == 0 || rule == RULE_NONE)
		return 0;
	switch (rule) {
	case RULE_SUM:
		*out = a->sum;
		return 1;
	case RULE_WMEAN:
		/* weighted by the units that have a weight; none (or all zero): the mean */
		if (a->weighted > 0 && a->wsum > 0) {
			if (a->wv_overflow) {
				long double q = a->wvsum_ld / (long double)a->wsum;
				*out = (micro_t)(q >= 0 ? q + 0.5L : q - 0.5L);
			} else {
				*out = div_round(a->wvsum, a->wsum);
			}
			return 1;
		}
		/* fall through */
	case RULE_MEAN:
		*out = div_round(a->sum, (micro_t)a->reporting);
		return 1;
	case RULE_COUNT_YES:
		*out = (micro_t)a->yes * MICRO;
		return 1;
	case RULE_SHARE_YES:
		*out = div_round((micro_t)a->yes * 100 * MICRO, (micro_t)a->reporting);
		return 1;
	default:
		return 0;
	}
}

micro_t target_scale(enum agg_rule rule, micro_t t)
{
	if (rule == RULE_SHARE_YES && t <= MICRO)
		return t * 100;
	return t;
}

static double clamp_progress(long double p)
{
	if (p > PROGRESS_MAX)
		return PROGRESS_MAX;
	if (p < -PROGRESS_MAX)
		return -PROGRESS_MAX;
	return (double)p;
}

int progress_of(enum direction d, micro_t value, micro_t target, double *out)
{
	if (d == DIR_UP && target != 0) {
		*out = clamp_progress((long double)value / (long double)target);
		return 1;
	}
	if (d == DIR_DOWN && value != 0) {
		*out = clamp_progress((long double)target / (long double)value);
		return 1;
	}
	return 0;
}

double indicator_score(enum direction d, micro_t value, micro_t target)
{
	double p;

	if (d == DIR_DOWN && value <= 0)
		return value <= target ? 1.0 : 0.0;
	if (d == DIR_UP && target <= 0)
		return value >= target ? 1.0 : 0.0;
	if (!progress_of(d, value, target, &p))
		return 0.0;
	if (p > 1.0)
		return 1.0;
	return p < 0.0 ? 0.0 : p;
}

long long score4(double score)
{
	return llround(score * 10000.0);
}

struct ranked {
	long long score;
	int i;
};

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->i - b->i;
}

int rank_desc(const long long *score, const int *has, int n, int *rank)
{
	struct ranked *r = malloc((size_t)(n > 0 ? n : 1) * sizeof *r);
	int m = 0;

	for (int i = 0; i < n; i++) {
		rank[i] = 0;
		if (has[i] && r != NULL)
			r[m++] = (struct ranked){score[i], i};
	}
	if (r == NULL)
		return -1;
	qsort(r, (size_t)m, sizeof *r, cmp_ranked);
	for (int k = 0; k < m; k++)
		rank[r[k].i] = (k > 0 && r[k].score == r[k - 1].score) ? rank[r[k - 1].i] : k + 1;
	free(r);
	return 0;
}
