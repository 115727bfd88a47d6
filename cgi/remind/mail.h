/* Plain-text mail for the reminder job: addresses checked before they reach a
 * header, UTF-8 text in RFC 2047 encoded words and a base64 body (so no line
 * of a message can start a header, an mbox "From " line or run over 78
 * characters), delivery through `sendmail -oi -t` or an mbox file. */
#ifndef EGOV_REMIND_MAIL_H
#define EGOV_REMIND_MAIL_H
#include <stddef.h>
#include <time.h>

#include "../lib/buf.h"

/* An address we put in a header: plain ASCII local@domain, no spaces, no
 * control characters (CR/LF), no quoting, at most 254 characters.  Returns
 * NULL when acceptable, else why not (for the log). */
const char *mail_addr_problem(const char *addr);

/* "Name <addr>" or "addr" (the mail_from setting).  0 ok, -1 if the address
 * is unacceptable or a part does not fit. */
int mail_parse_mailbox(const char *spec, char *name, size_t namesz, char *addr, size_t addrsz);

/* Text for a header or a body line: valid UTF-8 with control characters
 * (CR, LF, TAB, NUL...) turned into spaces and invalid bytes into '?'. */
void mail_clean_text(struct buf *out, const char *s);

struct mail {
	const char *from_name, *from_addr;
	const char *to_name, *to_addr;   /* to_addr already passed mail_addr_problem */
	const char *subject;             /* UTF-8 */
	const char *body;                /* UTF-8, LF line ends */
	const char *message_id;          /* "<...@...>", ASCII, built by the caller */
	const char *tag;                 /* X-Egov-Reminder, ASCII [0-9a-z:], or NULL */
	time_t now;                      /* the Date header (shown at UTC+7) */
};

/* The whole message with LF line ends (what sendmail and mbox expect).
 * 0 ok, -1 on a bad address or out of memory. */
int mail_build(struct buf *out, const struct mail *m);

/* Pipes msg to `path -oi -t` (fork and execv, no shell) and waits for it
 * (at most timeout_s seconds).  0 when it exited 0; else -1 with why. */
int mail_sendmail(const char *path, const char *msg, size_t len, int timeout_s,
		  char *why, size_t whysz);

/* Appends msg to an mbox file: "From <sender> <asctime>" line, the message,
 * a blank line.  0 ok, -1 with errno set. */
int mail_mbox_append(int fd, const char *sender, time_t now, const char *msg, size_t len);

#endif
