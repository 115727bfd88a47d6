/* The committee's directions (Art. 6.6) and the annual plan's tasks (Art. 3,
 * 6.1, 9) as every program reads them.  "Overdue" is never stored: it is
 * the deadline before today in Hanoi (hanoi_today in clock.h, bound as the
 * statement's parameter) while the item is still open. */
#ifndef EGOV_DIRECTIONS_H
#define EGOV_DIRECTIONS_H
#include <stddef.h>

/* The statuses of a direction still to be done, as an SQL list and as a
 * list for list_has (text.h). */
#define DIR_OPEN "('new', 'in_progress', 'reported')"
#define DIR_OPEN_WORDS "new|in_progress|reported"
/* Direction d is overdue; the one ? is today in Hanoi. */
#define DIR_OVERDUE "(d.deadline < ? AND d.status IN " DIR_OPEN ")"

/* The statuses of a plan task still to be done, as an SQL list. */
#define TASK_OPEN "('not_started', 'in_progress')"
/* Plan task t is overdue; the one ? is today in Hanoi. */
#define TASK_OVERDUE "(t.deadline < ? AND t.status IN " TASK_OPEN ")"

/* A task's budget figure in million VND as typed: "12,5" or "12.5", not
 * negative, within DECIMAL(14,3); blank is no figure.  Returns 0 with the
 * canonical text in out ("" for blank), -1 when refused. */
int budget_parse(const char *s, char *out, size_t outsz);

#endif
