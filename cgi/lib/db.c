#include "db.h"

#include <errno.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "err.h"
#include "gen.h"
#include "log.h"

#define DYN_MAX 64

static struct {
	MYSQL *conn;
	const char *program;
	struct stmt_table main;    /* the program's table: lib statements first */
	struct stmt_table *tables; /* every table in use, main included */
	struct {
		char *sql;
		MYSQL_STMT *stmt;
	} dyn[DYN_MAX];
	int in_tx;
	unsigned long long affected, insert_id;
	int failures;              /* consecutive failed connects */
	struct timespec next_try;  /* no connect attempt before this */
} db;

static int lost(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR ||
	       e == CR_CONN_HOST_ERROR || e == ER_CONNECTION_KILLED || e == CR_SERVER_LOST_EXTENDED ||
	       e == ER_SERVER_SHUTDOWN || e == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	       e == ER_UNKNOWN_STMT_HANDLER;
}

static void disconnect(void)
{
	for (struct stmt_table *t = db.tables; t != NULL; t = t->next)
		for (int i = 0; i < t->n; i++)
			if (t->st[i] != NULL) {
				mysql_stmt_close(t->st[i]);
				t->st[i] = NULL;
			}
	for (int i = 0; i < DYN_MAX; i++)
		if (db.dyn[i].stmt != NULL) {
			mysql_stmt_close(db.dyn[i].stmt);
			db.dyn[i].stmt = NULL;
		}
	if (db.conn != NULL)
		mysql_close(db.conn);
	db.conn = NULL;
	db.in_tx = 0;
}

int db_setup(const char *program, const char *const *sql, int nstmts)
{
	db.program = program;
	db.main.sql = sql;
	db.main.n = nstmts;
	return E_OK;
}

static int try_connect(void)
{
	char key_user[64], key_pw[64], key_rt[64];
	unsigned timeout = 2, rw_timeout;
	const char *sock = config_get("db_socket", NULL);
	const char *host = config_get("db_host", sock ? NULL : "127.0.0.1");
	MYSQL *m;

	snprintf(key_user, sizeof key_user, "%s.db_user", db.program);
	snprintf(key_pw, sizeof key_pw, "%s.db_password", db.program);
	/* a program streaming large sorted results (the export) waits longer for
	 * the first row than a page ever should: <program>.db_read_timeout_s */
	snprintf(key_rt, sizeof key_rt, "%s.db_read_timeout_s", db.program);
	rw_timeout = (unsigned)config_int(key_rt, 30);
	m = mysql_init(NULL);
	if (m == NULL)
		return E_INTERNAL;
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	if (mysql_real_connect(m, host, config_get(key_user, db.program), config_get(key_pw, ""),
			       config_get("db_name", "egov"), (unsigned)config_int("db_port", 3306),
			       sock, 0) == NULL) {
		log_msg(NULL, "db: connect failed: %s", mysql_error(m));
		mysql_close(m);
		return E_DBDOWN;
	}
	/* All times are UTC in the database; the UI converts. */
	if (mysql_query(m, "SET time_zone = '+00:00'") != 0) {
		log_msg(NULL, "db: set time_zone: %s", mysql_error(m));
		mysql_close(m);
		return E_DBDOWN;
	}
	db.conn = m;
	return E_OK;
}

int db_ensure(void)
{
	struct timespec now;
	long wait_ms;

	if (db.conn != NULL)
		return E_OK;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < db.next_try.tv_sec ||
	    (now.tv_sec == db.next_try.tv_sec && now.tv_nsec < db.next_try.tv_nsec))
		return E_DBDOWN;
	/* a couple of quick tries inside the request, then back off across requests */
	for (int attempt = 0; attempt < 3; attempt++) {
		if (try_connect() == E_OK) {
			db.failures = 0;
			return E_OK;
		}
		struct timespec ts = {0, 50000000L * (attempt + 1)};
		nanosleep(&ts, NULL);
	}
	db.failures++;
	wait_ms = 100L << (db.failures < 5 ? db.failures : 5); /* up to 3.2 s */
	if (wait_ms > 2000)
		wait_ms = 2000;
	clock_gettime(CLOCK_MONOTONIC, &now);
	db.next_try.tv_sec = now.tv_sec + wait_ms / 1000;
	db.next_try.tv_nsec = now.tv_nsec + (wait_ms % 1000) * 1000000L;
	if (db.next_try.tv_nsec >= 1000000000L) {
		db.next_try.tv_sec++;
		db.next_try.tv_nsec -= 1000000000L;
	}
	return E_DBDOWN;
}

void db_shutdown(void)
{
	disconnect();
	for (int i = 0; i < DYN_MAX; i++) {
		free(db.dyn[i].sql);
		db.dyn[i].sql = NULL;
	}
	for (struct stmt_table *t = db.tables, *next; t != NULL; t = next) {
		next = t->next;
		free(t->st);
		t->st = NULL;
		t->next = NULL;
	}
	db.tables = NULL;
}

static MYSQL_STMT *prepare(const char *sql, int *rc)
{
	MYSQL_STMT *st = mysql_stmt_init(db.conn);
	my_bool on = 1;

	if (st == NULL) {
		*rc = E_INTERNAL;
		return NULL;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		unsigned e = mysql_stmt_errno(st);
		log_msg(NULL, "db: prepare failed (%u %s): %s", e, mysql_stmt_error(st), sql);
		mysql_stmt_close(st);
		*rc = lost(e) ? E_DBDOWN : E_INTERNAL;
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	*rc = E_OK;
	return st;
}

static int fetch_all(MYSQL_STMT *st, MYSQL_RES *meta, struct dbres *res)
{
	unsigned ncols = mysql_num_fields(meta);
	MYSQL_FIELD *f = mysql_fetch_fields(meta);
	MYSQL_BIND *b = calloc(ncols ? ncols : 1, sizeof *b);
	unsigned long *len = calloc(ncols ? ncols : 1, sizeof *len);
	my_bool *isnull = calloc(ncols ? ncols : 1, sizeof *isnull);
	size_t rowbytes = 0, nrows;
	char *rowbuf = NULL;
	int rc = E_INTERNAL;

	if (b == NULL || len == NULL || isnull == NULL)
		goto out;
	if (mysql_stmt_store_result(st) != 0)
		goto out;
	nrows = (size_t)mysql_stmt_num_rows(st);
	/* numeric columns report a binary size: never give a column under 64 bytes */
	for (unsigned c = 0; c < ncols; c++) {
		if (f[c].max_length < 63)
			f[c].max_length = 63;
		rowbytes += f[c].max_length + 1;
	}
	res->nrows = (unsigned)nrows;
	res->ncols = ncols;
	res->cell = calloc(nrows * ncols + 1, sizeof *res->cell);
	res->arena = malloc(nrows * rowbytes + 1);
	rowbuf = malloc(rowbytes + 1);
	if (res->cell == NULL || res->arena == NULL || rowbuf == NULL)
		goto out;
	{
		size_t off = 0;
		for (unsigned c = 0; c < ncols; c++) {
			b[c].buffer_type = MYSQL_TYPE_STRING;
			b[c].buffer = rowbuf + off;
			b[c].buffer_length = f[c].max_length + 1;
			b[c].length = &len[c];
			b[c].is_null = &isnull[c];
			off += f[c].max_length + 1;
		}
	}
	if (mysql_stmt_bind_result(st, b) != 0)
		goto out;
	for (size_t r = 0; r < nrows; r++) {
		int fr = mysql_stmt_fetch(st);
		char *dst = res->arena + r * rowbytes;

		/* a truncated value would be a silently wrong figure: an error instead */
		if (fr != 0)
			goto out;
		for (unsigned c = 0; c < ncols; c++) {
			if (isnull[c]) {
				res->cell[r * ncols + c] = NULL;
			} else {
				memcpy(dst, b[c].buffer, len[c]);
				dst[len[c]] = '\0';
				res->cell[r * ncols + c] = dst;
			}
			dst += f[c].max_length + 1;
		}
	}
	rc = E_OK;
out:
	if (rc != E_OK) {
		log_msg(NULL, "db: fetch failed: %s", mysql_stmt_error(st));
		if (lost(mysql_stmt_errno(st)))
			rc = E_DBDOWN;
	}
	mysql_stmt_free_result(st);
	free(rowbuf);
	free(b);
	free(len);
	free(isnull);
	return rc;
}

static int run(MYSQL_STMT *st, struct dbres *res, const struct dbparam *p, int n)
{
	MYSQL_BIND *b = calloc(n > 0 ? (size_t)n : 1, sizeof *b);
	MYSQL_RES *meta;
	my_bool is_null = 1;
	int rc;

	if (b == NULL)
		return E_INTERNAL;
	if ((int)mysql_stmt_param_count(st) != n) {
		log_msg(NULL, "db: statement wants %lu parameters, got %d",
			mysql_stmt_param_count(st), n);
		free(b);
		return E_INTERNAL;
	}
	for (int i = 0; i < n; i++) {
		switch (p[i].type) {
		case 'i':
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case 'd':
			b[i].buffer_type = MYSQL_TYPE_DOUBLE;
			b[i].buffer = (void *)&p[i].d;
			break;
		case 's':
		case 'b':
			b[i].buffer_type = p[i].type == 's' ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			if (p[i].s == NULL) {
				b[i].buffer_type = MYSQL_TYPE_NULL;
				b[i].is_null = &is_null;
			} else {
				b[i].buffer = (void *)p[i].s;
				b[i].buffer_length = p[i].type == 's' ? strlen(p[i].s) : p[i].len;
			}
			break;
		default:
			free(b);
			return E_INTERNAL;
		}
	}
	if (mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0) {
		unsigned e = mysql_stmt_errno(st);
		free(b);
		if (e == ER_DUP_ENTRY)
			return E_DUP;
		if (e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT)
			return E_CONFLICT;
		log_msg(NULL, "db: execute failed (%u): %s", e, mysql_stmt_error(st));
		return lost(e) ? E_DBDOWN : E_INTERNAL;
	}
	free(b);
	db.affected = mysql_stmt_affected_rows(st);
	db.insert_id = mysql_stmt_insert_id(st);
	meta = mysql_stmt_result_metadata(st);
	if (meta == NULL) {
		if (res != NULL)
			memset(res, 0, sizeof *res);
		return E_OK;
	}
	if (res == NULL) {
		struct dbres tmp;
		memset(&tmp, 0, sizeof tmp);
		rc = fetch_all(st, meta, &tmp);
		dbres_free(&tmp);
	} else {
		memset(res, 0, sizeof *res);
		rc = fetch_all(st, meta, res);
		if (rc != E_OK)
			dbres_free(res);
	}
	mysql_free_result(meta);
	return rc;
}

/* Runs a prepared statement; on a connection lost outside a transaction it
 * reconnects and tries once more, so an idle worker survives a restart. */
static int exec_slot(MYSQL_STMT **slot, const char *sql, struct dbres *res,
		     const struct dbparam *p, int n)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = db_ensure();

		if (rc != E_OK)
			return rc;
		if (*slot == NULL) {
			*slot = prepare(sql, &rc);
			if (*slot == NULL) {
				if (rc == E_DBDOWN) {
					int retry = !db.in_tx;
					disconnect();
					if (retry)
						continue;
				}
				return rc;
			}
		}
		rc = run(*slot, res, p, n);
		if (rc == E_DBDOWN) {
			int retry = !db.in_tx;
			disconnect();
			if (retry && attempt == 0)
				continue;
		}
		return rc;
	}
	return E_DBDOWN;
}

int db_tab_execv(struct stmt_table *t, int st, struct dbres *res, const struct dbparam *p, int n)
{
	if (st < 0 || st >= t->n)
		return E_INTERNAL;
	if (t->st == NULL) {
		t->st = calloc((size_t)t->n, sizeof *t->st);
		if (t->st == NULL)
			return E_INTERNAL;
		t->next = db.tables;
		db.tables = t;
	}
	return exec_slot((MYSQL_STMT **)&t->st[st], t->sql[st], res, p, n);
}

int db_execv(int st, struct dbres *res, const struct dbparam *p, int n)
{
	return db_tab_execv(&db.main, st, res, p, n);
}

int db_exec_text(const char *sql, struct dbres *res, const struct dbparam *p, int n)
{
	int free_slot = -1;

	for (int i = 0; i < DYN_MAX; i++) {
		if (db.dyn[i].sql != NULL && strcmp(db.dyn[i].sql, sql) == 0)
			return exec_slot(&db.dyn[i].stmt, db.dyn[i].sql, res, p, n);
		if (db.dyn[i].sql == NULL && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) {
		/* cache full: recycle the last slot */
		free_slot = DYN_MAX - 1;
		if (db.dyn[free_slot].stmt != NULL)
			mysql_stmt_close(db.dyn[free_slot].stmt);
		free(db.dyn[free_slot].sql);
		db.dyn[free_slot].stmt = NULL;
	}
	db.dyn[free_slot].sql = strdup(sql);
	if (db.dyn[free_slot].sql == NULL)
		return E_INTERNAL;
	return exec_slot(&db.dyn[free_slot].stmt, db.dyn[free_slot].sql, res, p, n);
}

/* Reads parameters described by types ("iisd"): at most 32. */
static int vparams(struct dbparam *p, const char *types, va_list ap)
{
	int n = 0;

	memset(p, 0, sizeof(struct dbparam) * 32);
	for (const char *t = types; *t; t++, n++) {
		if (n == 32)
			return -1;
		p[n].type = *t;
		switch (*t) {
		case 'i':
			p[n].i = va_arg(ap, long long);
			break;
		case 'd':
			p[n].d = va_arg(ap, double);
			break;
		case 's':
			p[n].s = va_arg(ap, const char *);
			break;
		case 'b':
			p[n].s = va_arg(ap, const char *);
			p[n].len = va_arg(ap, size_t);
			break;
		default:
			return -1;
		}
	}
	return n;
}

int db_exec(int st, struct dbres *res, const char *types, ...)
{
	struct dbparam p[32];
	va_list ap;
	int n;

	va_start(ap, types);
	n = vparams(p, types, ap);
	va_end(ap);
	return n < 0 ? E_INTERNAL : db_execv(st, res, p, n);
}

int db_tab_exec(struct stmt_table *t, int st, struct dbres *res, const char *types, ...)
{
	struct dbparam p[32];
	va_list ap;
	int n;

	va_start(ap, types);
	n = vparams(p, types, ap);
	va_end(ap);
	return n < 0 ? E_INTERNAL : db_tab_execv(t, st, res, p, n);
}

unsigned long long db_affected(void) { return db.affected; }
unsigned long long db_insert_id(void) { return db.insert_id; }

int db_begin(void)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = db_ensure();
		unsigned e;

		if (rc != E_OK)
			return rc;
		if (mysql_query(db.conn, "START TRANSACTION") == 0) {
			db.in_tx = 1;
			return E_OK;
		}
		e = mysql_errno(db.conn);
		log_msg(NULL, "db: begin failed (%u): %s", e, mysql_error(db.conn));
		if (!lost(e))
			return E_INTERNAL;
		disconnect();
	}
	return E_DBDOWN;
}

int db_commit(void)
{
	unsigned e;

	if (db.conn == NULL)
		return E_DBDOWN;
	db.in_tx = 0;
	if (mysql_commit(db.conn) == 0) {
		gen_bump();
		return E_OK;
	}
	e = mysql_errno(db.conn);
	log_msg(NULL, "db: commit failed (%u): %s", e, mysql_error(db.conn));
	if (lost(e)) {
		disconnect();
		return E_DBDOWN;
	}
	return E_INTERNAL;
}

void db_rollback(void)
{
	if (db.conn != NULL && db.in_tx && mysql_rollback(db.conn) != 0 && lost(mysql_errno(db.conn)))
		disconnect();
	db.in_tx = 0;
}

const char *dbres_get(const struct dbres *r, unsigned row, unsigned col)
{
	if (r == NULL || row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cell[row * r->ncols + col];
}

long long dbres_int(const struct dbres *r, unsigned row, unsigned col)
{
	const char *s = dbres_get(r, row, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

void dbres_free(struct dbres *r)
{
	if (r == NULL)
		return;
	free(r->cell);
	free(r->arena);
	r->cell = NULL;
	r->arena = NULL;
	r->nrows = r->ncols = 0;
}

int db_script(const char *text, char *errbuf, size_t errsz)
{
	int rc = db_ensure(), status;

	if (rc != E_OK) {
		snprintf(errbuf, errsz, "database unreachable");
		return rc;
	}
	if (mysql_set_server_option(db.conn, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0 ||
	    mysql_real_query(db.conn, text, strlen(text)) != 0) {
		snprintf(errbuf, errsz, "%s", mysql_error(db.conn));
		mysql_set_server_option(db.conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
		return E_INTERNAL;
	}
	do {
		MYSQL_RES *res = mysql_store_result(db.conn);
		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(db.conn) != 0)
			break;
	} while ((status = mysql_next_result(db.conn)) == 0);
	rc = mysql_errno(db.conn) ? E_INTERNAL : E_OK;
	if (rc != E_OK)
		snprintf(errbuf, errsz, "%s", mysql_error(db.conn));
	mysql_set_server_option(db.conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return rc;
}

/* ---- streaming ---- */

/* Binds every column as text into buffers grown on truncation; calls row()
 * for each.  Column widths from the metadata (DECIMAL(20,6) is 22 bytes, a
 * VARCHAR(2000) of utf8mb4 8000), so a buffer seldom grows. */
static int stream_rows(MYSQL_STMT *st, MYSQL_RES *meta, db_row_fn row, void *ctx)
{
	unsigned ncols = mysql_num_fields(meta);
	MYSQL_FIELD *f = mysql_fetch_fields(meta);
	MYSQL_BIND *b = calloc(ncols ? ncols : 1, sizeof *b);
	unsigned long *len = calloc(ncols ? ncols : 1, sizeof *len);
	my_bool *isnull = calloc(ncols ? ncols : 1, sizeof *isnull);
	my_bool *trunc = calloc(ncols ? ncols : 1, sizeof *trunc);
	char **cell = calloc(ncols ? ncols : 1, sizeof *cell);
	int rc = E_INTERNAL, fr;

	if (b == NULL || len == NULL || isnull == NULL || trunc == NULL || cell == NULL)
		goto out;
	for (unsigned c = 0; c < ncols; c++) {
		unsigned long w = f[c].length < 64 ? 64 : f[c].length > 65536 ? 65536 : f[c].length;
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = malloc(w + 1);
		b[c].buffer_length = w;
		b[c].length = &len[c];
		b[c].is_null = &isnull[c];
		b[c].error = &trunc[c];
		if (b[c].buffer == NULL)
			goto out;
	}
	if (mysql_stmt_bind_result(st, b) != 0)
		goto out;
	while ((fr = mysql_stmt_fetch(st)) == 0 || fr == MYSQL_DATA_TRUNCATED) {
		for (unsigned c = 0; c < ncols; c++) {
			if (isnull[c]) {
				cell[c] = NULL;
				continue;
			}
			if (trunc[c]) {
				/* a longer value than the column said: grow and fetch it whole */
				char *nb = realloc(b[c].buffer, len[c] + 1);
				MYSQL_BIND one = b[c];
				if (nb == NULL)
					goto out;
				b[c].buffer = nb;
				b[c].buffer_length = len[c];
				one.buffer = nb;
				one.buffer_length = len[c];
				if (mysql_stmt_fetch_column(st, &one, c, 0) != 0 ||
				    mysql_stmt_bind_result(st, b) != 0)
					goto out;
			}
			((char *)b[c].buffer)[len[c]] = '\0';
			cell[c] = b[c].buffer;
		}
		if ((rc = row(ctx, cell, len, ncols)) != 0) {
			/* the rest of the result must be read off the wire before the
			 * connection can be used again: free_result does that */
			goto out;
		}
		rc = E_INTERNAL;
	}
	rc = fr == MYSQL_NO_DATA ? E_OK : E_INTERNAL;
out:
	if (rc == E_INTERNAL) {
		/* a fetch error may sit on the statement or on the connection;
		 * neither means the row callback, which reports its own */
		log_msg(NULL, "db: stream stopped after a fetch or a row's writer failed: "
			"statement %u %s, connection %u %s", mysql_stmt_errno(st), mysql_stmt_error(st),
			mysql_errno(db.conn), mysql_error(db.conn));
		if (lost(mysql_stmt_errno(st)) || lost(mysql_errno(db.conn))) {
			rc = E_DBDOWN;
		}
	}
	mysql_stmt_free_result(st);
	for (unsigned c = 0; b != NULL && c < ncols; c++)
		free(b[c].buffer);
	free(b);
	free(len);
	free(isnull);
	free(trunc);
	free(cell);
	return rc;
}

int db_tab_stream(struct stmt_table *t, int st, const struct dbparam *p, int n,
		  db_row_fn row, void *ctx)
{
	MYSQL_STMT *s;
	MYSQL_BIND *b;
	MYSQL_RES *meta;
	my_bool is_null = 1;
	int rc;

	if (st < 0 || st >= t->n)
		return E_INTERNAL;
	/* prepare (and reconnect) through the ordinary path: a statement with no
	 * result set of its own is not what this is for, so run nothing yet */
	if ((rc = db_ensure()) != E_OK)
		return rc;
	if (t->st == NULL) {
		t->st = calloc((size_t)t->n, sizeof *t->st);
		if (t->st == NULL)
			return E_INTERNAL;
		t->next = db.tables;
		db.tables = t;
	}
	if (t->st[st] == NULL) {
		t->st[st] = prepare(t->sql[st], &rc);
		if (t->st[st] == NULL) {
			if (rc == E_DBDOWN)
				disconnect();
			return rc;
		}
	}
	s = t->st[st];
	if ((int)mysql_stmt_param_count(s) != n)
		return E_INTERNAL;
	b = calloc(n > 0 ? (size_t)n : 1, sizeof *b);
	if (b == NULL)
		return E_INTERNAL;
	for (int i = 0; i < n; i++) {
		if (p[i].type == 'i') {
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
		} else if (p[i].type == 's' && p[i].s != NULL) {
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = strlen(p[i].s);
		} else if (p[i].type == 's') {
			b[i].buffer_type = MYSQL_TYPE_NULL;
			b[i].is_null = &is_null;
		} else {
			free(b);
			return E_INTERNAL;
		}
	}
	if (mysql_stmt_bind_param(s, b) != 0 || mysql_stmt_execute(s) != 0) {
		unsigned e = mysql_stmt_errno(s);
		free(b);
		log_msg(NULL, "db: stream execute failed (%u): %s", e, mysql_stmt_error(s));
		if (lost(e)) {
			disconnect();
			return E_DBDOWN;
		}
		return E_INTERNAL;
	}
	free(b);
	meta = mysql_stmt_result_metadata(s);
	if (meta == NULL)
		return E_OK;
	rc = stream_rows(s, meta, row, ctx);
	mysql_free_result(meta);
	if (rc == E_DBDOWN)
		disconnect();
	return rc;
}
