/* egov-remind: the reminder job.
 *
 *   egov-remind [-c CONFIG] [--date YYYY-MM-DD] [--dry-run]
 *
 * For every open, unlocked period due exactly remind_days days after the date
 * (a "before" reminder) or on the date itself (a "due" reminder), it lists the
 * units that existed in the period's data window, are of a kind the period
 * asks for, and have not submitted (no form, a draft, or a returned form), and
 * mails each active officer and unit head of those units who has an address.
 *
 * Delivery: through `sendmail -oi -t` when the config names one (key
 * `sendmail`), else into one mbox file per run in the `outbox` directory,
 * written under a temporary name and renamed when complete.
 *
 * Idempotent: every reminder sent is recorded in the audit trail (action
 * reminder_sent, entity period, entity_id "period:unit:user:before|due",
 * new_value starting "due=YYYY-MM-DD;"), and one already recorded for the same
 * due date is not sent again.  A run holds a database lock so two runs cannot
 * send the same reminder.  Outbox mode is one transaction: the audit rows are
 * committed with the file (a failed commit removes it).  With sendmail each
 * message is recorded as soon as sendmail accepted it, so a run stopped half
 * way resends nothing it had handed over; a message sendmail refused is not
 * recorded and the next run of the day tries it again.
 *
 * Exit status: 0 when everything due was sent (or nothing was due), 1 on a
 * failure (message on stderr), 2 on a usage error. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/audit.h"
#include "../lib/auth.h"
#include "../lib/batch.h"
#include "../lib/buf.h"
#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "../lib/period.h"
#include "../lib/text.h"
#include "mail.h"

#define VN_OFFSET (7 * 3600)      /* Asia/Ho_Chi_Minh: UTC+7 all year */
#define SENDMAIL_TIMEOUT_S 120
#define REMIND_DAYS_MAX 60

enum {
	ST_LOCK,
	ST_PERIODS,
	ST_LATE,
	ST_SENT,
	ST_RECORD,
	ST_COUNT
};

static const char *const sql[ST_COUNT] = {
	/* ST_LOCK: one run at a time per database (released when we disconnect) */
	"SELECT GET_LOCK(?, 0)",
	/* ST_PERIODS: due in remind_days days, or today */
	"SELECT id, kind, year, seq, due_on FROM period "
	"WHERE is_open = 1 AND locked = 0 AND due_on IN (?, ?) ORDER BY due_on, kind, year, seq",
	/* ST_LATE: units of the period that have not submitted, each with its
	 * recipients (none: one row with NULL user columns) */
	"SELECT un.id, un.code, un.name, COALESCE(s.status, ''), u.id, u.login, u.display_name, u.email "
	"FROM period p "
	"JOIN (SELECT DISTINCT unit_kind FROM period_indicator WHERE period_id = ?) k "
	"JOIN unit un ON un.kind = k.unit_kind AND un.valid_from <= p.cutoff_end "
	"AND (un.valid_to IS NULL OR un.valid_to >= p.cutoff_start) "
	"LEFT JOIN submission s ON s.unit_id = un.id AND s.period_id = p.id "
	"LEFT JOIN app_user u ON u.unit_id = un.id AND u.active = 1 "
	"AND (FIND_IN_SET('officer', u.roles) > 0 OR FIND_IN_SET('unit_head', u.roles) > 0) "
	"AND u.email IS NOT NULL AND TRIM(u.email) <> '' "
	"WHERE p.id = ? "
	"AND (s.id IS NULL OR s.status IN ('draft', 'returned')) "
	"ORDER BY un.kind, un.code, un.id, u.id",
	/* ST_SENT: reminders of this period already sent for this due date */
	"SELECT entity_id FROM audit WHERE entity = 'period' AND action = 'reminder_sent' "
	"AND entity_id LIKE ? AND new_value LIKE ?",
	/* ST_RECORD: one sent reminder (sendmail mode; outbox mode batches through audit_many) */
	"INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, new_value, request_id) "
	"VALUES (UTC_TIMESTAMP(3), NULL, NULL, 'reminder_sent', 'period', ?, ?, ?)",
};

/* The columns of ST_LATE */
enum { L_UNIT, L_CODE, L_NAME, L_STATUS, L_USER, L_LOGIN, L_DNAME, L_EMAIL };

struct pending {
	char *entity_id, *new_value;
};

struct run {
	int dry;
	int days;                    /* remind_days */
	struct ymd date;
	char date_iso[11];
	time_t now;
	const char *sendmail;        /* NULL: outbox mode */
	const char *outbox;
	char base_url[512];
	char from_name[256], from_addr[256];
	const char *msgid_domain;
	struct req actor;            /* no actor; id = this run's id in the audit trail */
	/* outbox mode */
	int fd;
	char stamp[32];
	char tmp_path[PATH_MAX], final_path[PATH_MAX];
	struct pending *pend;
	int npend, cappend;
	/* totals */
	int periods, units, sent, already, rejected, failed, nobody;
};

static int usage(void)
{
	fprintf(stderr,
		"usage: egov-remind [-c CONFIG] [--date YYYY-MM-DD] [--dry-run]\n"
		"  Mails the officers and unit heads of units that have not submitted the form of an\n"
		"  open period due in remind_days days or today (Asia/Ho_Chi_Minh; --date for tests\n"
		"  and catch-up runs).  --dry-run lists what would be sent and sends nothing.\n"
		"  Config: EGOV_CONFIG or -c; keys remind_days, base_url, mail_from, sendmail, outbox.\n");
	return 2;
}

/* For the log and the terminal: control characters shown as '?'. */
static const char *printable(const char *s, char *out, size_t outsz)
{
	size_t i = 0;

	for (; s && *s && i + 1 < outsz; s++, i++)
		out[i] = ((unsigned char)*s < 0x20 || *s == 0x7f) ? '?' : *s;
	out[i] = '\0';
	return out;
}

static const char *status_vi(const char *status, int long_form)
{
	if (strcmp(status, "draft") == 0)
		return long_form ? "Đang nhập (nháp), chưa gửi" : "Đang nhập (nháp)";
	if (strcmp(status, "returned") == 0)
		return long_form ? "Bị trả lại, chưa gửi lại" : "Bị trả lại";
	return "Chưa nhập";
}


static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- settings --------------------------------------------------------- */

static int load_settings(struct run *r)
{
	const char *url = config_get("base_url", "http://127.0.0.1:8080/");
	const char *from = config_get("mail_from", "Ban Chi dao CQDT <no-reply@localhost>");
	const char *sm = config_get("sendmail", NULL);
	const char *raw_days = config_get("remind_days", "3");
	char *end;
	long days = strtol(raw_days, &end, 10);
	struct stat st;

	if (*raw_days == '\0' || *end != '\0' || days < 0 || days > REMIND_DAYS_MAX)
		return batch_fail("remind_days = %s: expected a number of days from 0 to %d", raw_days,
			          REMIND_DAYS_MAX);
	r->days = (int)days;
	if ((strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) ||
	    strlen(url) + 2 > sizeof r->base_url)
		return batch_fail("base_url = %s: expected http://host/ or https://host/", url);
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '"' || *p == '<' || *p == '>')
			return batch_fail("base_url: spaces, quotes, <> and non-ASCII characters are not allowed");
	snprintf(r->base_url, sizeof r->base_url, "%s%s", url, url[strlen(url) - 1] == '/' ? "" : "/");
	if (mail_parse_mailbox(from, r->from_name, sizeof r->from_name, r->from_addr,
			       sizeof r->from_addr) != 0)
		return batch_fail("mail_from = %s: expected \"Name <address@domain>\" or an address", from);
	r->msgid_domain = strchr(r->from_addr, '@') + 1;
	if (sm != NULL && *sm != '\0') {
		if (sm[0] != '/')
			return batch_fail("sendmail = %s: give the absolute path of the program", sm);
		if (stat(sm, &st) != 0 || !S_ISREG(st.st_mode) || access(sm, X_OK) != 0)
			return batch_fail("sendmail = %s: not an executable file", sm);
		r->sendmail = sm;
		return 0;
	}
	r->outbox = config_get("outbox", NULL);
	if (r->outbox == NULL || *r->outbox == '\0')
		return batch_fail("%s", "neither sendmail nor outbox is set in the config: nowhere to deliver");
	if (r->dry)
		return 0;
	if (stat(r->outbox, &st) != 0)
		return batch_fail("outbox %s: %s", r->outbox, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return batch_fail("outbox %s is not a directory", r->outbox);
	if (access(r->outbox, W_OK | X_OK) != 0)
		return batch_fail("outbox %s is not writable: %s", r->outbox, strerror(errno));
	return 0;
}

/* ---- outbox ------------------------------------------------------------ */

static int outbox_open(struct run *r)
{
	if (r->fd >= 0)
		return 0;
	if ((size_t)snprintf(r->tmp_path, sizeof r->tmp_path, "%s/.reminders-%s.mbox.%ld.tmp",
			     r->outbox, r->stamp, (long)getpid()) >= sizeof r->tmp_path)
		return batch_fail("outbox path too long: %s", r->outbox);
	r->fd = open(r->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (r->fd < 0)
		return batch_fail("cannot write to the outbox: %s: %s", r->tmp_path, strerror(errno));
	return 0;
}

static void outbox_discard(struct run *r)
{
	if (r->fd >= 0) {
		close(r->fd);
		r->fd = -1;
		unlink(r->tmp_path);
	}
}

/* Puts the complete file in place under a name no other run has taken. */
static int outbox_publish(struct run *r)
{
	int dfd;

	if (fsync(r->fd) != 0 || close(r->fd) != 0) {
		r->fd = -1;
		unlink(r->tmp_path);
		return batch_fail("cannot write to the outbox: %s: %s", r->tmp_path, strerror(errno));
	}
	r->fd = -1;
	for (int k = 1; k < 100; k++) {
		int rc;

		if (k == 1)
			snprintf(r->final_path, sizeof r->final_path, "%s/reminders-%s.mbox", r->outbox,
				 r->stamp);
		else
			snprintf(r->final_path, sizeof r->final_path, "%s/reminders-%s-%d.mbox",
				 r->outbox, r->stamp, k);
		rc = renameat2(AT_FDCWD, r->tmp_path, AT_FDCWD, r->final_path, RENAME_NOREPLACE);
		if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
			/* a file system without RENAME_NOREPLACE: link, then drop the temp name */
			rc = link(r->tmp_path, r->final_path);
			if (rc == 0)
				unlink(r->tmp_path);
		}
		if (rc == 0) {
			dfd = open(r->outbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (dfd >= 0) {
				fsync(dfd);
				close(dfd);
			}
			return 0;
		}
		if (errno != EEXIST)
			break;
	}
	int e = errno;
	unlink(r->tmp_path);
	return batch_fail("cannot rename %s into place: %s", r->tmp_path, strerror(e));
}

static int pend_add(struct run *r, const char *entity_id, const char *new_value)
{
	if (r->npend == r->cappend) {
		int cap = r->cappend ? r->cappend * 2 : 64;
		struct pending *p = realloc(r->pend, (size_t)cap * sizeof *p);
		if (p == NULL)
			return -1;
		r->pend = p;
		r->cappend = cap;
	}
	r->pend[r->npend].entity_id = strdup(entity_id);
	r->pend[r->npend].new_value = strdup(new_value);
	if (r->pend[r->npend].entity_id == NULL || r->pend[r->npend].new_value == NULL) {
		free(r->pend[r->npend].entity_id);
		free(r->pend[r->npend].new_value);
		return -1;
	}
	r->npend++;
	return 0;
}

static void pend_free(struct run *r)
{
	for (int i = 0; i < r->npend; i++) {
		free(r->pend[i].entity_id);
		free(r->pend[i].new_value);
	}
	free(r->pend);
	r->pend = NULL;
	r->npend = r->cappend = 0;
}

/* The outbox's transaction: audit rows in, file in place, commit; a failed
 * commit takes the file back out so nothing is delivered unrecorded. */
static int outbox_finish(struct run *r)
{
	struct audit_row *rows;
	int rc;

	if (r->fd < 0)
		return db_commit() == E_OK ? 0 : batch_fail("%s", "commit failed (see the log above)");
	rows = calloc((size_t)r->npend, sizeof *rows);
	if (rows == NULL) {
		outbox_discard(r);
		db_rollback();
		return batch_fail("%s", "out of memory");
	}
	for (int i = 0; i < r->npend; i++)
		rows[i] = (struct audit_row){"reminder_sent", "period", r->pend[i].entity_id, NULL,
					     r->pend[i].new_value, NULL};
	rc = audit_many(&r->actor, rows, r->npend);
	free(rows);
	if (rc != E_OK) {
		outbox_discard(r);
		db_rollback();
		return batch_fail("%s", "could not record the reminders in the audit trail; nothing was written "
			          "to the outbox");
	}
	if (outbox_publish(r) != 0) {
		db_rollback();
		return 1;
	}
	if (db_commit() != E_OK) {
		unlink(r->final_path);
		return batch_fail("%s", "could not commit the audit rows; the outbox file was removed and "
			          "nothing counts as sent");
	}
	return 0;
}

/* ---- one message ------------------------------------------------------- */

struct period_info {
	const char *id;
	char label[64];
	char due_vn[16], due_iso[11];
	const char *kind;            /* "before" or "due" */
	int days_left;
};

static void compose(const struct run *r, const struct period_info *p, const char *unit_name,
		    const char *status, const char *person, struct buf *subject, struct buf *body)
{
	char left[64];

	if (p->days_left == 0)
		snprintf(left, sizeof left, "hôm nay là hạn cuối");
	else
		snprintf(left, sizeof left, "còn %d ngày", p->days_left);
	buf_printf(subject, "Nhắc hạn: báo cáo %s của %s - %s (hạn %s)", p->label, unit_name, left,
		   p->due_vn);
	buf_printf(body,
		   "Kính gửi: %s,\n"
		   "\n"
		   "Báo cáo tiến độ xây dựng Chính quyền điện tử kỳ %s của %s chưa được gửi.\n"
		   "\n"
		   "  Hạn gửi báo cáo: %s (%s)\n"
		   "  Tình trạng: %s\n"
		   "\n"
		   "Đề nghị đơn vị hoàn thành và gửi báo cáo tại:\n"
		   "%sreport/form?period=%s\n"
		   "\n"
		   "Nếu đơn vị đã gửi báo cáo sau khi thư này được tạo, xin bỏ qua thư này.\n"
		   "\n"
		   "-- \n"
		   "Thư tự động của hệ thống báo cáo tiến độ Chính quyền điện tử thành phố.\n"
		   "Vui lòng không trả lời thư này.\n",
		   person, p->label, unit_name, p->due_vn, left, status_vi(status, 1), r->base_url, p->id);
}

enum outcome { O_SENT, O_ALREADY, O_REJECTED, O_FAILED, O_FATAL };

static enum outcome remind_one(struct run *r, const struct period_info *p, const struct dbres *res,
			       unsigned row, char **sent, size_t nsent)
{
	const char *unit = dbres_get(res, row, L_UNIT), *user = dbres_get(res, row, L_USER);
	const char *login = dbres_get(res, row, L_LOGIN), *dname = dbres_get(res, row, L_DNAME);
	const char *email = dbres_get(res, row, L_EMAIL);
	char addr[300], entity_id[64], new_value[600], msgid[200], tag[64], pl[128], why[300];
	struct buf subject, body, uname, person, msg;
	const char *problem, *key = entity_id;
	size_t alen;
	enum outcome out = O_SENT;

	/* surrounding blanks are a typing slip; anything else odd is rejected */
	while (*email == ' ' || *email == '\t')
		email++;
	alen = strlen(email);
	while (alen > 0 && (email[alen - 1] == ' ' || email[alen - 1] == '\t'))
		alen--;
	if (alen >= sizeof addr) {
		problem = "longer than 254 characters";
	} else {
		memcpy(addr, email, alen);
		addr[alen] = '\0';
		problem = mail_addr_problem(addr);
	}
	if (problem != NULL) {
		log_msg(r->actor.id, "rejected the e-mail address of user %s (%s): %s", user,
			printable(login, pl, sizeof pl), problem);
		return O_REJECTED;
	}
	snprintf(entity_id, sizeof entity_id, "%s:%s:%s:%s", p->id, unit, user, p->kind);
	if (bsearch(&key, sent, nsent, sizeof *sent, cmp_str) != NULL)
		return O_ALREADY;

	buf_init(&subject);
	buf_init(&body);
	buf_init(&uname);
	buf_init(&person);
	buf_init(&msg);
	mail_clean_text(&uname, dbres_get(res, row, L_NAME));
	mail_clean_text(&person, (dname && *dname) ? dname : login);
	compose(r, p, buf_str(&uname), dbres_get(res, row, L_STATUS), buf_str(&person), &subject, &body);
	snprintf(msgid, sizeof msgid, "<remind.%s.%s.%s.%s.%s@%s>", p->id, unit, user, p->kind,
		 r->actor.id, r->msgid_domain);
	snprintf(tag, sizeof tag, "%s", entity_id);
	snprintf(new_value, sizeof new_value, "due=%s; to=%s; message-id=%s", p->due_iso, addr, msgid);
	struct mail m = {r->from_name, r->from_addr, buf_str(&person), addr, buf_str(&subject),
			 buf_str(&body), msgid, tag, r->now};
	if (mail_build(&msg, &m) != 0) {
		batch_fail("could not build the message to user %s", user);
		out = O_FATAL;
	} else if (r->dry) {
		printf("remind:       would send to %s <%s>\n", printable(login, pl, sizeof pl), addr);
	} else if (r->sendmail != NULL) {
		if (mail_sendmail(r->sendmail, msg.p, msg.len, SENDMAIL_TIMEOUT_S, why, sizeof why) != 0) {
			log_msg(r->actor.id, "sendmail failed for user %s (%s): %s", user,
				printable(login, pl, sizeof pl), why);
			out = O_FAILED;
		} else if (db_exec(ST_RECORD, NULL, "sss", entity_id, new_value, r->actor.id) != E_OK) {
			batch_fail("the reminder to user %s went to sendmail but could not be recorded in the "
			           "audit trail; stopping (a re-run may send that one again)", user);
			out = O_FATAL;
		}
	} else {
		if (outbox_open(r) != 0) {
			out = O_FATAL;
		} else if (mail_mbox_append(r->fd, r->from_addr, r->now, msg.p, msg.len) != 0) {
			batch_fail("cannot write to the outbox: %s: %s", r->tmp_path, strerror(errno));
			out = O_FATAL;
		} else if (pend_add(r, entity_id, new_value) != 0) {
			batch_fail("%s", "out of memory");
			out = O_FATAL;
		}
	}
	buf_free(&subject);
	buf_free(&body);
	buf_free(&uname);
	buf_free(&person);
	buf_free(&msg);
	return out;
}

/* ---- one period -------------------------------------------------------- */

static int load_sent(const struct period_info *p, struct dbres *res, char ***sent)
{
	char like_id[32], like_due[32];

	snprintf(like_id, sizeof like_id, "%s:%%", p->id);
	snprintf(like_due, sizeof like_due, "due=%s;%%", p->due_iso);
	*sent = NULL;
	if (db_exec(ST_SENT, res, "ss", like_id, like_due) != E_OK)
		return -1;
	*sent = calloc(res->nrows + 1, sizeof **sent);
	if (*sent == NULL)
		return -1;
	for (unsigned i = 0; i < res->nrows; i++)
		(*sent)[i] = (char *)dbres_get(res, i, 0);
	qsort(*sent, res->nrows, sizeof **sent, cmp_str);
	return 0;
}

static int do_period(struct run *r, const struct dbres *periods, unsigned prow)
{
	struct period_info p;
	struct dbres late, sentres;
	char **sent = NULL, pl[300];
	const char *kind = dbres_get(periods, prow, 1);
	unsigned nunits = 0, done = 0;
	int rc = 0;

	memset(&late, 0, sizeof late);
	memset(&sentres, 0, sizeof sentres);
	p.id = dbres_get(periods, prow, 0);
	snprintf(p.due_iso, sizeof p.due_iso, "%.10s", dbres_get(periods, prow, 4));
	date_iso_to_vn(p.due_iso, p.due_vn, sizeof p.due_vn);
	period_label(kind[0], (int)dbres_int(periods, prow, 2), (int)dbres_int(periods, prow, 3), "vi",
		     p.label, sizeof p.label);
	p.days_left = strcmp(p.due_iso, r->date_iso) == 0 ? 0 : r->days;
	p.kind = p.days_left == 0 ? "due" : "before";

	if (load_sent(&p, &sentres, &sent) != 0 || db_exec(ST_LATE, &late, "ss", p.id, p.id) != E_OK) {
		rc = batch_fail("cannot read period %s from the database", p.id);
		goto out;
	}
	for (unsigned i = 0; i < late.nrows; i++)
		if (i == 0 || strcmp(dbres_get(&late, i, L_UNIT), dbres_get(&late, i - 1, L_UNIT)) != 0)
			nunits++;
	r->periods++;
	r->units += (int)nunits;
	if (p.days_left == 0)
		printf("remind: period %s due %s (today, the last day): %u units not submitted\n", p.label,
		       p.due_vn, nunits);
	else
		printf("remind: period %s due %s (in %d days): %u units not submitted\n", p.label, p.due_vn,
		       p.days_left, nunits);

	for (unsigned i = 0; i < late.nrows;) {
		unsigned j = i;
		int n[O_FATAL] = {0};
		struct buf line;

		done++;
		for (; j < late.nrows && strcmp(dbres_get(&late, j, L_UNIT), dbres_get(&late, i, L_UNIT)) == 0; j++) {
			enum outcome o;

			if (dbres_get(&late, j, L_USER) == NULL)
				continue;
			o = remind_one(r, &p, &late, j, sent, sentres.nrows);
			if (o == O_FATAL) {
				rc = 1;
				goto out;
			}
			n[o]++;
		}
		buf_init(&line);
		if (n[O_SENT])
			buf_printf(&line, ", %d %s", n[O_SENT], r->dry ? "to send" : "sent");
		if (n[O_ALREADY])
			buf_printf(&line, ", %d already sent", n[O_ALREADY]);
		if (n[O_REJECTED])
			buf_printf(&line, ", %d address%s rejected (see the log)", n[O_REJECTED],
				   n[O_REJECTED] > 1 ? "es" : "");
		if (n[O_FAILED])
			buf_printf(&line, ", %d FAILED (sendmail)", n[O_FAILED]);
		if (line.len == 0) {
			buf_adds(&line, ", no active officer or unit head with an e-mail address");
			r->nobody++;
		}
		printf("remind:   %u of %u %s %s (%s): %s\n", done, nunits,
		       printable(dbres_get(&late, i, L_CODE), pl, 64),
		       printable(dbres_get(&late, i, L_NAME), pl + 64, sizeof pl - 64),
		       status_vi(dbres_get(&late, i, L_STATUS), 0), buf_str(&line) + 2);
		buf_free(&line);
		r->sent += n[O_SENT];
		r->already += n[O_ALREADY];
		r->rejected += n[O_REJECTED];
		r->failed += n[O_FAILED];
		i = j;
	}
out:
	free(sent);
	dbres_free(&sentres);
	dbres_free(&late);
	return rc;
}

/* ---- the run ----------------------------------------------------------- */

static int take_lock(void)
{
	struct dbres res;
	char name[80];
	int got;

	snprintf(name, sizeof name, "egov-remind:%.50s", config_get("db_name", "egov"));
	if (db_exec(ST_LOCK, &res, "s", name) != E_OK)
		return batch_fail("%s", "cannot take the job's database lock");
	got = res.nrows == 1 && dbres_int(&res, 0, 0) == 1;
	dbres_free(&res);
	if (!got)
		return batch_fail("another egov-remind is running against database %s; nothing done",
			          config_get("db_name", "egov"));
	return 0;
}

static int job(struct run *r)
{
	struct dbres periods;
	char before_iso[11];
	int rc = 0;

	date_iso(civil_from_days(days_from_civil(r->date) + r->days), before_iso, sizeof before_iso);
	if (!r->dry && take_lock() != 0)
		return 1;
	if (!r->dry && r->sendmail == NULL && db_begin() != E_OK)
		return batch_fail("%s", "cannot start a transaction");
	printf("remind: run %s for %s: reminders %d days before the due date (%s) and on it; %s\n",
	       r->actor.id, r->date_iso, r->days, before_iso,
	       r->dry ? "dry run, nothing is sent or recorded"
	       : r->sendmail ? "delivery through sendmail" : "delivery to the outbox");
	if (db_exec(ST_PERIODS, &periods, "ss", r->date_iso, before_iso) != E_OK) {
		db_rollback();
		return batch_fail("%s", "cannot read the periods from the database");
	}
	if (periods.nrows == 0)
		printf("remind: no open period is due on %s or %s\n", r->date_iso, before_iso);
	for (unsigned i = 0; rc == 0 && i < periods.nrows; i++)
		rc = do_period(r, &periods, i);
	dbres_free(&periods);
	if (rc != 0) {
		outbox_discard(r);
		db_rollback();
		if (r->sent > 0 && r->sendmail != NULL)
			fprintf(stderr, "egov-remind: %d reminders were sent and recorded before the "
				"failure; a re-run sends only the rest\n", r->sent);
		return rc;
	}
	if (!r->dry && r->sendmail == NULL && outbox_finish(r) != 0)
		return 1;
	printf("remind: done: %d period%s, %d units not submitted, %d reminder%s %s, %d already sent "
	       "earlier, %d address%s rejected, %d unit%s without a recipient, %d failed\n",
	       r->periods, r->periods == 1 ? "" : "s", r->units, r->sent, r->sent == 1 ? "" : "s",
	       r->dry ? "to send" : "sent", r->already, r->rejected, r->rejected == 1 ? "" : "es",
	       r->nobody, r->nobody == 1 ? "" : "s", r->failed);
	if (!r->dry && r->outbox && r->sent > 0)
		printf("remind: written to %s\n", r->final_path);
	if (r->failed > 0)
		return batch_fail("%d of %d reminders could not be handed to %s (see the log above); they are "
			          "not recorded as sent, so the next run today tries them again",
			          r->failed, r->failed + r->sent, r->sendmail);
	return 0;
}

int main(int argc, char **argv)
{
	static struct run r;
	const char *cfg = getenv("EGOV_CONFIG"), *date = NULL;
	struct tm tm;
	time_t local;
	int rc;

	batch_name("egov-remind");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			cfg = argv[++i];
		else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
			date = argv[++i];
		else if (strncmp(argv[i], "--date=", 7) == 0)
			date = argv[i] + 7;
		else if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n") == 0)
			r.dry = 1;
		else
			return usage();
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);  /* a sendmail that stops reading is an error, not our death */
	r.fd = -1;
	r.now = time(NULL);
	local = r.now + VN_OFFSET;
	gmtime_r(&local, &tm);
	strftime(r.stamp, sizeof r.stamp, "%Y%m%d-%H%M%S", &tm);
	if (date != NULL) {
		if (strlen(date) != 10 || date[4] != '-' || date_parse(date, &r.date) != 0)
			return batch_fail("--date %s: expected a date as YYYY-MM-DD", date);
	} else {
		r.date = (struct ymd){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	}
	date_iso(r.date, r.date_iso, sizeof r.date_iso);
	if (batch_start(&cfg, "remind") != 0)
		return 1;
	random_hex(r.actor.id, 8);
	if (load_settings(&r) != 0) {
		config_free();
		return 1;
	}
	if (db_setup("remind", sql, ST_COUNT) != E_OK || db_ensure() != E_OK) {
		config_free();
		return batch_fail("cannot connect to the database (check db_socket/db_host and "
			          "remind.db_user in %s)", cfg);
	}
	rc = job(&r);
	outbox_discard(&r);
	pend_free(&r);
	db_shutdown();
	config_free();
	return rc;
}
