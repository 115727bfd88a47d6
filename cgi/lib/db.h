/* MariaDB access: one connection per worker, a table of statements prepared
 * once per connection, bound parameters only, every return checked.  After a
 * lost connection the worker reconnects with backoff and re-prepares lazily;
 * while the server is down calls return E_DBDOWN (the request answers 503). */
#ifndef EGOV_DB_H
#define EGOV_DB_H
#include <stddef.h>

struct dbres {
	unsigned nrows, ncols;
	char **cell;   /* nrows * ncols; NULL is SQL NULL */
	char *arena;
};

struct dbparam {
	char type;       /* 'i' integer, 'd' double, 's' text (NULL: SQL NULL), 'b' bytes */
	long long i;
	double d;
	const char *s;
	size_t len;
};

/* sql[] is the program's statement table; the account comes from the config
 * keys <program>.db_user and <program>.db_password. */
int db_setup(const char *program, const char *const *sql, int nstmts);
int db_ensure(void);
void db_shutdown(void);

/* A module's own statements (a page file of a program): prepared on first use
 * per connection, closed with it. */
struct stmt_table {
	const char *const *sql;
	int n;
	void **st;                 /* MYSQL_STMT *, allocated on first use */
	struct stmt_table *next;   /* tables in use, so a reconnect drops them all */
};
#define STMT_TABLE(arr) {(arr), (int)(sizeof(arr) / sizeof((arr)[0])), NULL, NULL}

int db_tab_exec(struct stmt_table *t, int st, struct dbres *res, const char *types, ...);
int db_tab_execv(struct stmt_table *t, int st, struct dbres *res, const struct dbparam *p, int n);

int db_exec(int st, struct dbres *res, const char *types, ...);
int db_execv(int st, struct dbres *res, const struct dbparam *p, int n);
/* For statements whose placeholder count depends on the data (multi-row
 * inserts): the text must come from the program, never from input.  Prepared
 * statements are cached by text. */
int db_exec_text(const char *sql, struct dbres *res, const struct dbparam *p, int n);

/* Large results row by row: executes without storing the result on the
 * client (no mysql_stmt_store_result), so memory stays flat however many rows
 * come.  row() gets each row's cells (NULL is SQL NULL; valid until it
 * returns) and returns 0 to go on or non-zero to stop (that value is then
 * returned).  No other statement may run on the connection until it returns;
 * no retry after a lost connection once rows have come. */
typedef int (*db_row_fn)(void *ctx, char **cell, const unsigned long *len, unsigned ncols);
int db_tab_stream(struct stmt_table *t, int st, const struct dbparam *p, int n,
		  db_row_fn row, void *ctx);

unsigned long long db_affected(void);
unsigned long long db_insert_id(void);
int db_begin(void);
int db_commit(void);
void db_rollback(void);

const char *dbres_get(const struct dbres *r, unsigned row, unsigned col);
long long dbres_int(const struct dbres *r, unsigned row, unsigned col);
void dbres_free(struct dbres *r);



/* Runs a file of several statements (migrations, reference data): the admin
 * CLI only, with the text read from the project's own sql/ files. */
int db_script(const char *text, char *err, size_t errsz);
#endif
