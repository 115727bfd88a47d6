/* bare_save: the write limit of a form save, for `make bench`.
 *
 * Runs, straight on MariaDB (the stack's unix socket, account egov_report),
 * exactly the statements egov-report runs for one save of a whole form
 * (cgi/report/ui-form.c save() and write_figures()), the same way
 * (cgi/lib/db.c: prepared statements, text START TRANSACTION, mysql_commit):
 *
 *   START TRANSACTION
 *   SELECT is_open, locked FROM period ... LOCK IN SHARE MODE
 *   UPDATE submission ... WHERE id = ? AND version = ? ...   (one row)
 *   INSERT INTO figure ... ON DUPLICATE KEY UPDATE ...        (all indicators, 40 a statement)
 *   INSERT INTO audit ...                                     (one row per figure, 40 a statement)
 *   INSERT INTO audit ... 'save_draft' ...                    (the submission's row)
 *   COMMIT
 *
 * One thread per SUB:USER:UNIT argument, each on its own connection and its
 * own submission (as the FastCGI workers are one connection each), each save
 * alternating between the two value sets of VALUES_TSV so every figure
 * changes.  Bounded by SECONDS and by MAX_SAVES a thread.
 *
 *   REPORT_PW=... bare_save SOCKET DB SECONDS PERIOD_ID VALUES_TSV SUB:USER:UNIT...
 *
 * VALUES_TSV: indicator_id TAB code TAB n|t TAB value0 TAB value1 (canonical).
 * Prints: bare-result saves=N seconds=S p50_us=N p99_us=N fails=N */
#include <errno.h>
#include <mysql.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 40            /* rows per multi-row statement, as in ui-form.c */
#define MAX_IND 400
#define MAX_THREADS 16
#define MAX_SAVES 500000    /* a thread */
#define MAX_FAILS 50        /* a thread; more means the bench is broken */

static const char SQL_CHECK[] = "SELECT is_open, locked FROM period WHERE id = ? LOCK IN SHARE MODE";
static const char SQL_UPDATE[] =
	"UPDATE submission SET version = version + 1, problems = ?, proposals = ?, "
	"updated_at = UTC_TIMESTAMP(), updated_by = ?, "
	"status = IF(? = 1, 'submitted', status), "
	"submitted_at = IF(? = 1, UTC_TIMESTAMP(), submitted_at), "
	"submitted_by = IF(? = 1, ?, submitted_by) "
	"WHERE id = ? AND version = ? AND status IN ('draft', 'returned')";
static const char SQL_AUDIT[] =
	"INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, entity_id, old_value, "
	"new_value, reason, request_id) VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

struct ind {
	long long id;
	char code[64];
	int text;            /* text_value rather than num_value */
	char *val[2];
};

static struct ind inds[MAX_IND];
static int ninds;

static const char *sock_path, *db_name, *password;
static long long period_id;
static double seconds;
static pthread_barrier_t ready;
static struct timespec t_start;

struct worker {
	pthread_t th;
	int no;
	long long sub_id, user_id, unit_id;
	long long saves, fails;
	uint32_t *lat_us;
	struct timespec t_end;
	int broken;
};

static double elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void fail(struct worker *w, const char *what, const char *err)
{
	if (w->fails < 3)
		fprintf(stderr, "bare_save[%d]: %s: %s\n", w->no, what, err);
}

static MYSQL_STMT *prep(MYSQL *m, const char *sql)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	my_bool on = 1;

	if (st == NULL || mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		fprintf(stderr, "bare_save: prepare: %s\n  %s\n", st ? mysql_stmt_error(st) : "oom", sql);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);  /* as db.c */
	return st;
}

static long long query_int(MYSQL *m, const char *sql, int *ok)
{
	MYSQL_RES *res;
	MYSQL_ROW row;
	long long v = 0;

	*ok = 0;
	if (mysql_query(m, sql) != 0 || (res = mysql_store_result(m)) == NULL)
		return 0;
	if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL) {
		v = strtoll(row[0], NULL, 10);
		*ok = 1;
	}
	mysql_free_result(res);
	return v;
}

static void bind_ll(MYSQL_BIND *b, long long *v)
{
	memset(b, 0, sizeof *b);
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = v;
}

static my_bool is_null = 1;

static void bind_str(MYSQL_BIND *b, const char *s)
{
	memset(b, 0, sizeof *b);
	if (s == NULL) {
		b->buffer_type = MYSQL_TYPE_NULL;
		b->is_null = &is_null;
		return;
	}
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)s;
	b->buffer_length = strlen(s);
}

static char *multi_sql(const char *head, const char *row, const char *tail, int n)
{
	size_t sz = strlen(head) + (strlen(row) + 1) * (size_t)n + strlen(tail) + 1;
	char *s = malloc(sz), *p = s;

	if (s == NULL)
		return NULL;
	p += sprintf(p, "%s", head);
	for (int k = 0; k < n; k++)
		p += sprintf(p, "%s%s", k ? "," : "", row);
	sprintf(p, "%s", tail);
	return s;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	MYSQL *m = mysql_init(NULL);
	unsigned timeout = 2, rw_timeout = 30;
	MYSQL_STMT *chk, *upd, *aud1, *fig[MAX_IND / BATCH + 1], *aud[MAX_IND / BATCH + 1];
	int nb = (ninds + BATCH - 1) / BATCH, cur = 0, ok;
	long long version, zero = 0;
	char q[256], sid[24], ver[24], reqid[24];
	static char ids[MAX_THREADS][MAX_IND][96];
	MYSQL_BIND pb[BATCH * 7], ab[BATCH * 7], b[9];
	struct timespec t_begin, t0, t1;

	mysql_thread_init();
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	if (mysql_real_connect(m, NULL, "egov_report", password, db_name, 0, sock_path, 0) == NULL ||
	    mysql_query(m, "SET time_zone = '+00:00'") != 0) {
		fprintf(stderr, "bare_save[%d]: connect: %s\n", w->no, mysql_error(m));
		w->broken = 1;
		pthread_barrier_wait(&ready);
		return NULL;
	}
	chk = prep(m, SQL_CHECK);
	upd = prep(m, SQL_UPDATE);
	aud1 = prep(m, SQL_AUDIT);
	w->broken = chk == NULL || upd == NULL || aud1 == NULL;
	for (int k = 0; k < nb && !w->broken; k++) {
		int n = ninds - k * BATCH < BATCH ? ninds - k * BATCH : BATCH;
		char *f = multi_sql("INSERT INTO figure (submission_id, indicator_id, num_value, "
				    "text_value, not_applicable, note, updated_at, updated_by) VALUES ",
				    "(?,?,?,?,?,?,UTC_TIMESTAMP(),?)",
				    " ON DUPLICATE KEY UPDATE num_value = VALUES(num_value), "
				    "text_value = VALUES(text_value), not_applicable = VALUES(not_applicable), "
				    "note = VALUES(note), updated_at = VALUES(updated_at), "
				    "updated_by = VALUES(updated_by)", n);
		char *a = multi_sql("INSERT INTO audit (at, actor_id, actor_unit_id, action, entity, "
				    "entity_id, old_value, new_value, reason, request_id) VALUES ",
				    "(UTC_TIMESTAMP(3),?,?,'set_value','figure',?,?,?,?,?)", "", n);
		fig[k] = f ? prep(m, f) : NULL;
		aud[k] = a ? prep(m, a) : NULL;
		w->broken = fig[k] == NULL || aud[k] == NULL;
		free(f);
		free(a);
	}
	/* where the submission stands: its version, and which value set it holds */
	snprintf(q, sizeof q, "SELECT version FROM submission WHERE id = %lld", w->sub_id);
	version = query_int(m, q, &ok);
	if (!ok)
		w->broken = 1;
	if (!w->broken) {
		MYSQL_RES *res;
		MYSQL_ROW row;

		snprintf(q, sizeof q, "SELECT num_value, text_value FROM figure "
			 "WHERE submission_id = %lld AND indicator_id = %lld", w->sub_id, inds[0].id);
		if (mysql_query(m, q) == 0 && (res = mysql_store_result(m)) != NULL) {
			if ((row = mysql_fetch_row(res)) != NULL) {
				if (inds[0].text)
					cur = row[1] && strcmp(row[1], inds[0].val[1]) == 0;
				else
					cur = row[0] && strtod(row[0], NULL) == strtod(inds[0].val[1], NULL);
			}
			mysql_free_result(res);
		}
	}
	for (int i = 0; i < ninds; i++)
		snprintf(ids[w->no][i], sizeof ids[w->no][i], "%lld:%s", w->sub_id, inds[i].code);
	snprintf(sid, sizeof sid, "%lld", w->sub_id);
	pthread_barrier_wait(&ready);
	if (w->broken)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t_begin);

	while (w->saves + w->fails < MAX_SAVES) {
		int nxt = 1 - cur;
		long long submit = 0;
		MYSQL_BIND rb[2];
		long long is_open = 0, locked = 1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (elapsed(&t_begin, &t0) >= seconds)
			break;
		snprintf(reqid, sizeof reqid, "%02x%014llx", w->no, (unsigned long long)(w->saves + w->fails));
		if (mysql_query(m, "START TRANSACTION") != 0) {
			fail(w, "begin", mysql_error(m));
			goto bad;
		}
		/* the period check, read back as db.c does (store, bind, fetch) */
		bind_ll(&b[0], &period_id);
		if (mysql_stmt_bind_param(chk, b) != 0 || mysql_stmt_execute(chk) != 0 ||
		    mysql_stmt_store_result(chk) != 0) {
			fail(w, "period check", mysql_stmt_error(chk));
			goto bad;
		}
		bind_ll(&rb[0], &is_open);
		bind_ll(&rb[1], &locked);
		if (mysql_stmt_bind_result(chk, rb) != 0 || mysql_stmt_fetch(chk) != 0 || !is_open || locked) {
			mysql_stmt_free_result(chk);
			fail(w, "period check", "the period is not open");
			goto bad;
		}
		mysql_stmt_free_result(chk);
		/* the submission, with the version check */
		bind_str(&b[0], NULL);
		bind_str(&b[1], NULL);
		bind_ll(&b[2], &w->user_id);
		bind_ll(&b[3], &submit);
		bind_ll(&b[4], &submit);
		bind_ll(&b[5], &submit);
		bind_ll(&b[6], &w->user_id);
		bind_ll(&b[7], &w->sub_id);
		bind_ll(&b[8], &version);
		if (mysql_stmt_bind_param(upd, b) != 0 || mysql_stmt_execute(upd) != 0) {
			fail(w, "update submission", mysql_stmt_error(upd));
			goto bad;
		}
		if (mysql_stmt_affected_rows(upd) != 1) {
			fail(w, "update submission", "version conflict");
			goto bad;
		}
		/* every figure, and an audit row for each */
		for (int k = 0; k < nb; k++) {
			int n = ninds - k * BATCH < BATCH ? ninds - k * BATCH : BATCH;

			for (int j = 0; j < n; j++) {
				struct ind *in = &inds[k * BATCH + j];
				MYSQL_BIND *p = &pb[j * 7], *a = &ab[j * 7];

				bind_ll(&p[0], &w->sub_id);
				bind_ll(&p[1], &in->id);
				bind_str(&p[2], in->text ? NULL : in->val[nxt]);
				bind_str(&p[3], in->text ? in->val[nxt] : NULL);
				bind_ll(&p[4], &zero);
				bind_str(&p[5], NULL);
				bind_ll(&p[6], &w->user_id);
				bind_ll(&a[0], &w->user_id);
				bind_ll(&a[1], &w->unit_id);
				bind_str(&a[2], ids[w->no][k * BATCH + j]);
				bind_str(&a[3], in->val[cur]);
				bind_str(&a[4], in->val[nxt]);
				bind_str(&a[5], NULL);
				bind_str(&a[6], reqid);
			}
			if (mysql_stmt_bind_param(fig[k], pb) != 0 || mysql_stmt_execute(fig[k]) != 0) {
				fail(w, "insert figure", mysql_stmt_error(fig[k]));
				goto bad;
			}
			if (mysql_stmt_bind_param(aud[k], ab) != 0 || mysql_stmt_execute(aud[k]) != 0) {
				fail(w, "insert audit", mysql_stmt_error(aud[k]));
				goto bad;
			}
		}
		/* the submission's audit row */
		snprintf(ver, sizeof ver, "%lld", version + 1);
		bind_ll(&b[0], &w->user_id);
		bind_ll(&b[1], &w->unit_id);
		bind_str(&b[2], "save_draft");
		bind_str(&b[3], "submission");
		bind_str(&b[4], sid);
		bind_str(&b[5], NULL);
		bind_str(&b[6], ver);
		bind_str(&b[7], NULL);
		bind_str(&b[8], reqid);
		if (mysql_stmt_bind_param(aud1, b) != 0 || mysql_stmt_execute(aud1) != 0) {
			fail(w, "audit", mysql_stmt_error(aud1));
			goto bad;
		}
		if (mysql_commit(m) != 0) {
			fail(w, "commit", mysql_error(m));
			goto bad;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		w->lat_us[w->saves] = (uint32_t)(elapsed(&t0, &t1) * 1e6);
		w->saves++;
		version++;
		cur = nxt;
		continue;
bad:
		mysql_rollback(m);
		w->fails++;
		snprintf(q, sizeof q, "SELECT version FROM submission WHERE id = %lld", w->sub_id);
		version = query_int(m, q, &ok);
		if (!ok || w->fails >= MAX_FAILS) {
			w->broken = 1;
			break;
		}
	}
out:
	clock_gettime(CLOCK_MONOTONIC, &w->t_end);
	mysql_close(m);
	mysql_thread_end();
	return NULL;
}

static int load_values(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;

	if (f == NULL) {
		fprintf(stderr, "bare_save: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) > 0 && ninds < MAX_IND) {
		char *fld[5], *s = line, *save;
		int n = 0;

		line[strcspn(line, "\r\n")] = '\0';
		for (char *t = strtok_r(s, "\t", &save); t && n < 5; t = strtok_r(NULL, "\t", &save))
			fld[n++] = t;
		if (n != 5)
			continue;
		inds[ninds].id = strtoll(fld[0], NULL, 10);
		snprintf(inds[ninds].code, sizeof inds[ninds].code, "%s", fld[1]);
		inds[ninds].text = fld[2][0] == 't';
		inds[ninds].val[0] = strdup(fld[3]);
		inds[ninds].val[1] = strdup(fld[4]);
		ninds++;
	}
	free(line);
	fclose(f);
	return ninds > 0 ? 0 : -1;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct worker w[MAX_THREADS];
	int nthreads = argc - 6, broken = 0;
	long long saves = 0, fails = 0, n = 0;
	double secs = 0;
	uint32_t *all;

	if (argc < 7 || nthreads > MAX_THREADS) {
		fprintf(stderr, "usage: REPORT_PW=... bare_save SOCKET DB SECONDS PERIOD_ID VALUES_TSV "
				"SUB:USER:UNIT... (at most %d)\n", MAX_THREADS);
		return 2;
	}
	sock_path = argv[1];
	db_name = argv[2];
	seconds = strtod(argv[3], NULL);
	period_id = strtoll(argv[4], NULL, 10);
	password = getenv("REPORT_PW");
	if (password == NULL || seconds <= 0 || seconds > 600 || load_values(argv[5]) != 0) {
		fprintf(stderr, "bare_save: need REPORT_PW, 0 < SECONDS <= 600 and a values file\n");
		return 2;
	}
	if (mysql_library_init(0, NULL, NULL) != 0)
		return 1;
	pthread_barrier_init(&ready, NULL, (unsigned)nthreads + 1);
	memset(w, 0, sizeof w);
	for (int i = 0; i < nthreads; i++) {
		w[i].no = i;
		if (sscanf(argv[6 + i], "%lld:%lld:%lld", &w[i].sub_id, &w[i].user_id, &w[i].unit_id) != 3) {
			fprintf(stderr, "bare_save: bad SUB:USER:UNIT %s\n", argv[6 + i]);
			return 2;
		}
		w[i].lat_us = calloc(MAX_SAVES, sizeof *w[i].lat_us);
		if (w[i].lat_us == NULL || pthread_create(&w[i].th, NULL, work, &w[i]) != 0)
			return 1;
	}
	pthread_barrier_wait(&ready);   /* everyone connected and prepared */
	clock_gettime(CLOCK_MONOTONIC, &t_start);
	for (int i = 0; i < nthreads; i++) {
		pthread_join(w[i].th, NULL);
		saves += w[i].saves;
		fails += w[i].fails;
		broken |= w[i].broken;
		if (elapsed(&t_start, &w[i].t_end) > secs)
			secs = elapsed(&t_start, &w[i].t_end);
	}
	all = calloc((size_t)saves + 1, sizeof *all);
	if (all == NULL)
		return 1;
	for (int i = 0; i < nthreads; i++)
		for (long long k = 0; k < w[i].saves; k++)
			all[n++] = w[i].lat_us[k];
	qsort(all, (size_t)n, sizeof *all, cmp_u32);
	printf("bare-result saves=%lld seconds=%.3f threads=%d indicators=%d p50_us=%u p99_us=%u "
	       "fails=%lld\n", saves, secs, nthreads, ninds, n ? all[(n - 1) / 2] : 0,
	       n ? all[(n * 99 + 99) / 100 - 1] : 0, fails);
	mysql_library_end();
	return broken || saves == 0 ? 1 : 0;
}
