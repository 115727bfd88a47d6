#include "mail.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../lib/text.h"

/* Bytes of UTF-8 text per encoded word (at most): 36 bytes are 48 base64 characters,
 * 60 with "=?UTF-8?B?" and "?=", so "Subject: " and a word fit in 78. */
#define WORD_BYTES 36

static const char b64chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64(struct buf *out, const unsigned char *s, size_t n)
{
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = b64chars[(v >> 18) & 63];
		q[1] = b64chars[(v >> 12) & 63];
		q[2] = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? b64chars[v & 63] : '=';
		buf_add(out, q, 4);
	}
}

const char *mail_addr_problem(const char *a)
{
	const char *at = strchr(a, '@'), *dom;
	size_t n = strlen(a);

	if (n == 0)
		return "empty";
	for (const unsigned char *p = (const unsigned char *)a; *p; p++) {
		if (*p == '\r' || *p == '\n')
			return "contains a line break (CR/LF)";
		if (*p < 0x21 || *p == 0x7f)
			return "contains a space or a control character";
		if (*p >= 0x80)
			return "contains non-ASCII characters";
		if (strchr("<>()[]\\,;:\"", *p) != NULL)
			return "contains a character not allowed here (<>()[]\\,;:\")";
	}
	if (n > 254)
		return "longer than 254 characters";
	if (at == NULL || strchr(at + 1, '@') != NULL || at == a || at[1] == '\0')
		return "not of the form name@domain";
	if (at - a > 64)
		return "the part before @ is longer than 64 characters";
	if (a[0] == '.' || at[-1] == '.' || memmem(a, (size_t)(at - a), "..", 2) != NULL)
		return "misplaced dot before @";
	dom = at + 1;
	for (const char *p = dom; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '.'))
			return "the domain has a character other than letters, digits, '-' and '.'";
	if (dom[0] == '.' || dom[0] == '-' || a[n - 1] == '.' || a[n - 1] == '-' ||
	    strstr(dom, "..") != NULL)
		return "misplaced dot or hyphen in the domain";
	return NULL;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int copy_trimmed(char *out, size_t outsz, const char *s, size_t n)
{
	s = skip_space(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= outsz)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

int mail_parse_mailbox(const char *spec, char *name, size_t namesz, char *addr, size_t addrsz)
{
	const char *lt = strchr(spec, '<'), *gt;

	if (namesz == 0 || addrsz == 0)
		return -1;
	name[0] = '\0';
	if (lt == NULL) {
		spec = skip_space(spec);
		if (copy_trimmed(addr, addrsz, spec, strlen(spec)) != 0)
			return -1;
	} else {
		gt = strchr(lt, '>');
		if (gt == NULL || *skip_space(gt + 1) != '\0')
			return -1;
		spec = skip_space(spec);
		if (copy_trimmed(name, namesz, spec, (size_t)(lt - spec)) != 0 ||
		    copy_trimmed(addr, addrsz, lt + 1, (size_t)(gt - lt - 1)) != 0)
			return -1;
		/* "Name" in quotes: the quotes are ours to add (or not) */
		size_t nl = strlen(name);
		if (nl >= 2 && name[0] == '"' && name[nl - 1] == '"') {
			memmove(name, name + 1, nl - 2);
			name[nl - 2] = '\0';
		}
	}
	return mail_addr_problem(addr) == NULL ? 0 : -1;
}

/* Length of the UTF-8 sequence at s if it is a valid character, else 0. */
static size_t utf8_seq(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;

	if (n <= 1)
		return n;
	if (strnlen(s, n) < n || !utf8_valid(s, n))
		return 0;
	return n;
}

void mail_clean_text(struct buf *out, const char *s)
{
	while (*s) {
		size_t n = utf8_seq(s);
		unsigned char c = (unsigned char)*s;

		if (n == 1) {
			char ch = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
			buf_add(out, &ch, 1);
			s++;
		} else if (n > 1) {
			buf_add(out, s, n);
			s += n;
		} else {
			buf_add(out, "?", 1);
			s++;
		}
	}
}

/* text (clean UTF-8) as encoded words of at most WORD_BYTES bytes each, never
 * splitting a character, folded onto continuation lines. */
static void encoded_words(struct buf *out, const char *text)
{
	size_t len = strlen(text), i = 0;
	int first = 1;

	while (i < len) {
		size_t take = 0;
		while (i + take < len) {
			size_t n = utf8_seq(text + i + take);
			if (n == 0)
				n = 1;
			if (take + n > WORD_BYTES)
				break;
			take += n;
		}
		if (take == 0)
			take = 1;
		/* end a word that is not the last after a space where there is one:
		 * a decoder that (wrongly) puts a space between two encoded words
		 * then doubles a space instead of splitting a word in two */
		if (i + take < len)
			for (size_t k = take - 1; k > 0; k--)
				if (text[i + k] == ' ') {
					take = k + 1;
					break;
				}
		if (!first)
			buf_adds(out, "\n ");
		buf_adds(out, "=?UTF-8?B?");
		b64(out, (const unsigned char *)text + i, take);
		buf_adds(out, "?=");
		first = 0;
		i += take;
	}
}

/* A display name: plain when it is short and only letters, digits and
 * spaces; an encoded word otherwise (so no character of it is special). */
static void phrase(struct buf *out, const char *name)
{
	struct buf clean;
	int plain = 1;

	buf_init(&clean);
	mail_clean_text(&clean, name);
	const char *c = buf_str(&clean);
	if (clean.len == 0 || clean.len > 60 || c[0] == ' ' || c[clean.len - 1] == ' ')
		plain = clean.len == 0;
	for (size_t i = 0; plain && i < clean.len; i++)
		if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= 'A' && c[i] <= 'Z') ||
		      (c[i] >= '0' && c[i] <= '9') || c[i] == ' '))
			plain = 0;
	if (plain)
		buf_adds(out, c);
	else
		encoded_words(out, c);
	buf_free(&clean);
}

static void mailbox(struct buf *out, const char *hdr, const char *name, const char *addr)
{
	buf_adds(out, hdr);
	if (name != NULL && *name != '\0') {
		phrase(out, name);
		buf_printf(out, " <%s>\n", addr);
	} else {
		buf_printf(out, "%s\n", addr);
	}
}

static int ascii_token(const char *s, const char *allowed)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      strchr(allowed, *s) != NULL))
			return 0;
	return 1;
}

int mail_build(struct buf *out, const struct mail *m)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t local = m->now + 7 * 3600;  /* Asia/Ho_Chi_Minh keeps no daylight saving */
	struct tm tm;
	struct buf subj;
	size_t body_len = strlen(m->body);

	if (mail_addr_problem(m->from_addr) != NULL || mail_addr_problem(m->to_addr) != NULL ||
	    !ascii_token(m->message_id, "<>@.-_") || (m->tag && !ascii_token(m->tag, ":")))
		return -1;
	gmtime_r(&local, &tm);
	mailbox(out, "From: ", m->from_name, m->from_addr);
	mailbox(out, "To: ", m->to_name, m->to_addr);
	buf_init(&subj);
	mail_clean_text(&subj, m->subject);
	buf_adds(out, "Subject: ");
	encoded_words(out, buf_str(&subj));
	buf_adds(out, "\n");
	buf_free(&subj);
	buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0700\n", days[tm.tm_wday], tm.tm_mday,
		   months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_printf(out, "Message-ID: %s\n", m->message_id);
	buf_adds(out, "MIME-Version: 1.0\n"
		      "Content-Type: text/plain; charset=UTF-8\n"
		      "Content-Transfer-Encoding: base64\n"
		      "Auto-Submitted: auto-generated\n");
	if (m->tag)
		buf_printf(out, "X-Egov-Reminder: %s\n", m->tag);
	buf_adds(out, "\n");
	/* 57 bytes make one 76-character line */
	for (size_t i = 0; i < body_len; i += 57) {
		b64(out, (const unsigned char *)m->body + i, body_len - i < 57 ? body_len - i : 57);
		buf_adds(out, "\n");
	}
	return buf_reserve(out, 0);
}

static int wait_child(pid_t pid, int timeout_s, int *status, int *timed_out)
{
	struct timespec tick = {0, 10 * 1000000L};
	long waited_ms = 0;

	*timed_out = 0;
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (waited_ms >= (long)timeout_s * 1000) {
			*timed_out = 1;
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return 0;
		}
		nanosleep(&tick, NULL);
		waited_ms += 10;
	}
}

int mail_sendmail(const char *path, const char *msg, size_t len, int timeout_s,
		  char *why, size_t whysz)
{
	int fds[2], status = 0, timed_out = 0, write_err = 0;
	size_t off = 0;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		snprintf(why, whysz, "pipe: %s", strerror(errno));
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		snprintf(why, whysz, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		char oi[] = "-oi", t[] = "-t";
		char *argv[] = {(char *)path, oi, t, NULL};

		signal(SIGPIPE, SIG_DFL);
		/* the message on its standard input; whatever it says goes to our stderr */
		if (dup2(fds[0], 0) < 0 || dup2(2, 1) < 0)
			_exit(126);
		/* no database socket or outbox file for the child */
		if (close_range(3, ~0U, 0) != 0)
			for (int fd = 3; fd < 1024; fd++)
				close(fd);
		execv(path, argv);
		_exit(127);
	}
	close(fds[0]);
	while (off < len) {
		ssize_t w = write(fds[1], msg + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			write_err = errno ? errno : EIO;
			break;
		}
		off += (size_t)w;
	}
	close(fds[1]);
	if (wait_child(pid, timeout_s, &status, &timed_out) != 0) {
		snprintf(why, whysz, "waitpid: %s", strerror(errno));
		return -1;
	}
	if (timed_out) {
		snprintf(why, whysz, "%s did not finish within %d s and was stopped", path, timeout_s);
		return -1;
	}
	if (WIFSIGNALED(status)) {
		snprintf(why, whysz, "%s was killed by signal %d", path, WTERMSIG(status));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		snprintf(why, whysz, "%s could not be started", path);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(why, whysz, "%s exited with status %d", path, WEXITSTATUS(status));
		return -1;
	}
	if (write_err) {
		snprintf(why, whysz, "%s did not read the whole message: %s", path, strerror(write_err));
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int mail_mbox_append(int fd, const char *sender, time_t now, const char *msg, size_t len)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char line[400];
	struct tm tm;
	int n;

	/* the mbox separator in asctime() form, UTC; message lines never start
	 * with "From " (headers are ours, the body is base64) */
	gmtime_r(&now, &tm);
	n = snprintf(line, sizeof line, "From %s %s %s %2d %02d:%02d:%02d %d\n", sender,
		     days[tm.tm_wday], months[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min,
		     tm.tm_sec, tm.tm_year + 1900);
	if (n < 0 || (size_t)n >= sizeof line) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (write_all(fd, line, (size_t)n) != 0 || write_all(fd, msg, len) != 0)
		return -1;
	if (len > 0 && msg[len - 1] != '\n' && write_all(fd, "\n", 1) != 0)
		return -1;
	return write_all(fd, "\n", 1);
}
