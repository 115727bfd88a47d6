/* A minimal test harness: each CHECK counts; failures print where. */
#ifndef EGOV_CHECK_H
#define EGOV_CHECK_H
#include <stdio.h>
#include <string.h>

extern int checks_passed, checks_failed;

#define CHECK(cond) do { \
	if (cond) checks_passed++; \
	else { checks_failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)
#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (a_ && b_ && strcmp(a_, b_) == 0) checks_passed++; \
	else { checks_failed++; printf("FAIL %s:%d: %s == \"%s\", got \"%s\"\n", __FILE__, __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); } \
} while (0)

void test_text(void);
void test_period(void);
void test_form(void);
void test_csv(void);
void test_indicator(void);
void test_render(void);
void test_refdata(void);
void test_evidence(void);
void test_aggregate(void);
void test_xlsx(void);
void test_fodt(void);
void test_clock(void);
void test_ics(void);
void test_ranking(void);
void test_cache(void);

#endif
