#ifndef EGOV_LOG_H
#define EGOV_LOG_H

void log_open(const char *program, const char *path);
/* One line per event; reqid ties it to the error id a user was shown. */
void log_msg(const char *reqid, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
