/* Small tests on user-typed text that the pages share. */
#ifndef EGOV_TEXTUTIL_H
#define EGOV_TEXTUTIL_H

/* Whether nothing but white space was typed (NULL included): a required
 * field left blank is refused, an optional one stored as NULL. */
int blank(const char *s);

#endif
