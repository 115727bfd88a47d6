/* The command line, for scheduled exports: the same files as the pages,
 * without FastCGI, audited with no actor (by=cli:<user>).
 *
 *   egov-export [-c CONFIG] raw --from-period ID --to-period ID
 *               --format csv|xlsx [--kind K] [--pillar P] [--status S]
 *               [--lang vi|en] --out FILE
 *   egov-export [-c CONFIG] index --version CODE --period ID|--year YYYY
 *               --format xlsx|csv|json [--lang vi|en] --out FILE
 *   (csv: one CSV per sheet, zipped)
 *   egov-export [-c CONFIG] ranking --period ID|--year YYYY --format csv|xlsx
 *               [--kind district|department] [--lang vi|en] --out FILE
 *
 * CONFIG defaults to $EGOV_CONFIG, then /etc/egov-progress/egov.conf.
 * Prints one line (rows and file) and exits 0; 1 on failure (the file is
 * removed), 2 on a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/config.h"
#include "../lib/db.h"
#include "../lib/log.h"
#include "export.h"

static const char usage[] =
	"usage: egov-export [-c CONFIG] raw --from-period ID --to-period ID --format csv|xlsx\n"
	"                   [--kind department|district|commune|other] [--pillar CODE]\n"
	"                   [--status final|submitted|accepted|draft|returned|all] [--lang vi|en]\n"
	"                   --out FILE\n"
	"       egov-export [-c CONFIG] index --version CODE --period ID|--year YYYY\n"
	"                   --format xlsx|csv|json [--lang vi|en] --out FILE\n"
	"       egov-export [-c CONFIG] ranking --period ID|--year YYYY --format csv|xlsx\n"
	"                   [--kind district|department] [--lang vi|en] --out FILE\n";
static const char ranking_usage[] =
	"usage: egov-export [-c CONFIG] ranking (--period ID | --year YYYY) --format csv|xlsx\n"
	"                   [--kind district|department] [--lang vi|en] --out FILE\n";

int cli_is_command(const char *arg) { return strcmp(arg, "-c") == 0 || strcmp(arg, "raw") == 0 ||
					     strcmp(arg, "index") == 0 || strcmp(arg, "ranking") == 0 ||
					     strcmp(arg, "--help") == 0; }

static long long id_arg(const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	return (*s && *end == '\0' && v > 0) ? v : -1;
}

/* The options every export takes: 1 when k is one of them. */
static int common_opt(const char *k, const char *v, const char **format, const char **lang, const char **out)
{
	if (strcmp(k, "--format") == 0)
		*format = v;
	else if (strcmp(k, "--lang") == 0)
		*lang = v;
	else if (strcmp(k, "--out") == 0)
		*out = v;
	else
		return 0;
	return 1;
}

static int bad_lang(const char *lang)
{
	return lang != NULL && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0;
}

/* What every export needs before it runs: the configuration, Vietnam's
 * time zone for the dates in the files, the log, the language (the config's
 * unless --lang), the audit row's "by=cli:<user>" in who and the request
 * that stands for the command line in the audit trail.  1 when the
 * configuration cannot be read. */
static int start(const char *cfg, const char **lang, char *who, size_t whosz, struct req *r)
{
	const char *user = getenv("SUDO_USER") ? getenv("SUDO_USER") : getenv("USER") ? getenv("USER") : "?";

	if (config_load(cfg ? cfg : "/etc/egov-progress/egov.conf") != 0)
		return 1;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	log_open("export", config_get("log_file", NULL));
	if (*lang == NULL)
		*lang = config_get("lang", "vi");
	snprintf(who, whosz, "cli:%s", user);
	db_setup("export", NULL, 0);
	memset(r, 0, sizeof *r);
	snprintf(r->id, sizeof r->id, "cli%08lx", (unsigned long)getpid() ^ (unsigned long)time(NULL));
	r->lang = *lang;
	return 0;
}

static void finish(void)
{
	db_shutdown();
	config_free();
}

static int refused(const char *why)
{
	fprintf(stderr, "egov-export: %s\n", why);
	finish();
	return 1;
}

/* The end of a run whose file is written: a half-written file is removed. */
static int written(int rc, const char *out)
{
	if (rc == E_OK)
		return 0;
	fprintf(stderr, "egov-export: export failed (error %d, see the log)\n", rc);
	unlink(out);
	return 1;
}

static int to_file(void *ctx, const char *b, size_t n) { return fwrite(b, 1, n, ctx) == n ? 0 : -1; }

static int open_csv(const char *out, struct sink *s)
{
	if ((s->ctx = fopen(out, "wb")) != NULL)
		return 0;
	perror(out);
	return -1;
}

static int close_csv(const struct sink *s, int rc)
{
	return fclose(s->ctx) != 0 && rc == E_OK ? E_INTERNAL : rc;
}

static int cli_index(int argc, char **argv, int i, const char *cfg);
static int cli_ranking(int argc, char **argv, int i, const char *cfg);

int cli_main(int argc, char **argv)
{
	const char *cfg = getenv("EGOV_CONFIG"), *format = NULL, *out = NULL;
	struct raw_opts o;
	struct sink s = {to_file, NULL};
	struct req r;
	char who[128];
	long long n = 0;
	int i = 1, rc;

	memset(&o, 0, sizeof o);
	o.kind = "";
	o.pillar = "";
	o.status = "final";
	o.from = o.to = -1;
	if (strcmp(argv[i], "-c") == 0) {
		if (i + 1 >= argc) {
			fputs(usage, stderr);
			return 2;
		}
		cfg = argv[i + 1];
		i += 2;
	}
	if (i < argc && strcmp(argv[i], "index") == 0)
		return cli_index(argc, argv, i, cfg);
	if (i < argc && strcmp(argv[i], "ranking") == 0)
		return cli_ranking(argc, argv, i, cfg);
	if (i >= argc || strcmp(argv[i], "raw") != 0) {
		fputs(usage, stderr);
		return strcmp(argv[argc - 1], "--help") == 0 ? 0 : 2;
	}
	for (i++; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (v == NULL)
			goto bad;
		if (common_opt(k, v, &format, &o.lang, &out))
			continue;
		if (strcmp(k, "--from-period") == 0)
			o.from = id_arg(v);
		else if (strcmp(k, "--to-period") == 0)
			o.to = id_arg(v);
		else if (strcmp(k, "--kind") == 0)
			o.kind = v;
		else if (strcmp(k, "--pillar") == 0)
			o.pillar = v;
		else if (strcmp(k, "--status") == 0)
			o.status = v;
		else
			goto bad;
	}
	if (o.from < 0 || o.to < 0 || out == NULL || format == NULL ||
	    (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) || bad_lang(o.lang))
		goto bad;
	o.xlsx = format[0] == 'x';
	if (start(cfg, &o.lang, who, sizeof who, &r) != 0)
		return 1;
	o.who = who;
	if ((rc = raw_prepare(&o)) != E_OK)
		return refused(rc == E_NOTFOUND ? "no such period" :
			       rc == E_BADREQ ? "bad choice: periods of one kind, the first not after the last; "
						"a known kind, pillar and status" :
			       rc == E_DBDOWN ? "database unreachable" : "failed (see the log)");
	if (raw_audit(&r, &o) != E_OK)
		return refused("could not write the audit row");
	if (o.xlsx)
		rc = raw_xlsx(&o, out, &n);
	else if (open_csv(out, &s) == 0)
		rc = close_csv(&s, raw_csv(&o, &s, &n));
	finish();
	if (!o.xlsx && s.ctx == NULL)
		return 1;   /* said by open_csv; no file of ours to remove */
	if (written(rc, out) != 0)
		return 1;
	printf("egov-export: %lld rows written to %s\n", n, out);
	return 0;
bad:
	fputs(usage, stderr);
	return 2;
}

/* egov-export index ...: the per-index export (index.c) into a file */
static int cli_index(int argc, char **argv, int i, const char *cfg)
{
	const char *format = NULL, *out = NULL;
	struct ix_opts o;
	struct req r;
	char who[128];
	int rc;

	memset(&o, 0, sizeof o);
	for (i++; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		long long n;
		if (v == NULL)
			goto bad;
		if (common_opt(k, v, &format, &o.lang, &out))
			continue;
		if (strcmp(k, "--version") == 0) {
			o.version = v;
		} else if (strcmp(k, "--period") == 0) {
			if ((o.period = id_arg(v)) < 0)
				goto bad;
		} else if (strcmp(k, "--year") == 0) {
			if ((n = id_arg(v)) < 2000 || n > 2200)
				goto bad;
			o.year = (int)n;
		} else {
			goto bad;
		}
	}
	if (o.version == NULL || out == NULL || format == NULL || (o.period > 0) == (o.year > 0) ||
	    bad_lang(o.lang))
		goto bad;
	if (strcmp(format, "xlsx") == 0)
		o.format = IX_XLSX;
	else if (strcmp(format, "csv") == 0)
		o.format = IX_ZIP;
	else if (strcmp(format, "json") == 0)
		o.format = IX_JSON;
	else
		goto bad;
	if (start(cfg, &o.lang, who, sizeof who, &r) != 0)
		return 1;
	o.who = who;
	if ((rc = ix_prepare(&o)) != E_OK)
		return refused(rc == E_NOTFOUND && o.missing && strcmp(o.missing, "index_version") == 0 ?
				       "no such index version" :
			       rc == E_NOTFOUND && o.year > 0 ? "no quarter of that year has aggregated data" :
			       rc == E_NOTFOUND ? "no such period" :
			       rc == E_DBDOWN ? "database unreachable" : "failed (see the log)");
	if (ix_audit(&r, &o) != E_OK)
		return refused("could not write the audit row");
	rc = ix_write(&o, out);
	finish();
	if (written(rc, out) != 0)
		return 1;
	printf("egov-export: %s, %s written to %s\n", o.version, o.period_label, out);
	return 0;
bad:
	fputs(usage, stderr);
	return 2;
}

/* egov-export ranking ...: the units' ranking (ui-ranking.c) into a file */
static int cli_ranking(int argc, char **argv, int i, const char *cfg)
{
	const char *format = NULL, *out = NULL;
	struct rank_opts o;
	struct sink s = {to_file, NULL};
	struct req r;
	char who[128];
	int rc, units = 0;

	memset(&o, 0, sizeof o);
	for (i++; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		long long n;
		if (v == NULL)
			goto bad;
		if (common_opt(k, v, &format, &o.lang, &out))
			continue;
		if (strcmp(k, "--period") == 0 && (n = id_arg(v)) > 0)
			o.period = n;
		else if (strcmp(k, "--year") == 0 && (n = id_arg(v)) >= 2000 && n <= 2100)
			o.year = (int)n;
		else if (strcmp(k, "--kind") == 0)
			o.kind = v;
		else
			goto bad;
	}
	if ((o.period > 0) == (o.year > 0) || out == NULL || format == NULL ||
	    (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) || bad_lang(o.lang))
		goto bad;
	o.xlsx = format[0] == 'x';
	if (start(cfg, &o.lang, who, sizeof who, &r) != 0)
		return 1;
	o.who = who;
	if ((rc = rank_prepare(&o)) != E_OK)
		return refused(rc == E_NOTFOUND ? "no such period" :
			       rc == E_BADREQ ? "bad choice: a period or a year, and a kind district or department" :
			       rc == E_DBDOWN ? "database unreachable" : "failed (see the log)");
	if (rank_audit(&r, &o) != E_OK) {
		rank_done(&o);
		return refused("could not write the audit row");
	}
	if (o.xlsx)
		rc = rank_xlsx(&o, out);
	else if (open_csv(out, &s) == 0)
		rc = close_csv(&s, rank_csv(&o, &s));
	for (int k = 0; k < o.nlists; k++)
		units += o.list[k].n;
	rank_done(&o);
	finish();
	if (!o.xlsx && s.ctx == NULL)
		return 1;
	if (written(rc, out) != 0)
		return 1;
	printf("egov-export: ranking of %d units written to %s\n", units, out);
	return 0;
bad:
	fputs(ranking_usage, stderr);
	return 2;
}
