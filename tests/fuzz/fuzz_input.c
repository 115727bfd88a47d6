/* Fuzz target for everything that reads untrusted bytes before a handler
 * sees them: urlencoded and multipart bodies, declared-field validation,
 * numbers and dates as officers type them, CSV rows, evidence files (type
 * from the content, the uploaded name cleaned), filled-in XLSX templates.
 * The first byte picks the parser.  Built with libFuzzer by `make fuzz`; `make test` replays the
 * corpus through replay.c under ASan/UBSan. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi/lib/csv.h"
#include "../../cgi/lib/evidence.h"
#include "../../cgi/lib/indicator.h"
#include "../../cgi/lib/req.h"
#include "../../cgi/lib/text.h"
#include "../../cgi/lib/xlsx.h"

static const struct field fields[] = {
	{"period", F_INT, 1, 4294967295LL, 1, NULL},
	{"action", F_WORD, 0, 0, 0, "save|submit"},
	{"problems", F_TEXT, 0, 5000, 0, NULL},
	{"login", F_LINE, 0, 64, 0, NULL},
	{NULL, 0, 0, 0, 0, NULL},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kv *kv = NULL;
	struct fval fv[FIELDS_MAX];
	const char *bad;
	char *s;
	int n = 0;

	if (size < 1)
		return 0;
	s = malloc(size);
	if (s == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	switch (data[0] % 6) {
	case 0:
		if (form_parse_urlencoded(s, size - 1, &kv, &n) == 0)
			form_validate(fields, kv, n, fv, &bad);
		form_free(kv, n);
		break;
	case 1:
		if (form_parse_multipart(s, size - 1, "multipart/form-data; boundary=XyZ", &kv, &n) == 0)
			form_validate(fields, kv, n, fv, &bad);
		form_free(kv, n);
		break;
	case 2: {
		struct ind in = {1, "X", "decimal", "0", "100000", 1};
		struct ind dt = {2, "D", "date", NULL, NULL, 0};
		char out[64];
		double v;
		(void)utf8_valid(s, size - 1);
		(void)ind_check(&in, s, out, sizeof out, &v);
		(void)ind_check(&dt, s, out, sizeof out, &v);
		num_display(s, out, sizeof out);
		break;
	}
	case 4: {
		/* the same bytes as a file's content and as its name */
		const char *why;
		char name[EV_NAME_BUF];
		const struct ev_type *t = ev_sniff(data + 1, size - 1, &why);
		(void)ev_clean_name(s, t ? t : ev_type_by_mime("application/pdf"), name, sizeof name);
		if (!utf8_valid(name, strlen(name)) || utf8_chars(name) > EV_NAME_MAX ||
		    strpbrk(name, "\r\n/\\\"") != NULL)
			abort();
		break;
	}
	case 5: {
		/* the rest is the file an officer uploads as a filled-in template */
		const struct xlsx_limits lim = {12, 200, 1 << 20, 5000};
		struct xlsx_sheet sh;
		char cell[128];
		if (xlsx_read(data + 1, size - 1, &lim, &sh) == XLSX_OK) {
			for (unsigned r = 0; r < sh.rows; r++)
				for (unsigned c = 0; c < sh.cols; c++) {
					const struct xlsx_cell *x = xlsx_at(&sh, r, c);
					if (x->text != NULL && !utf8_valid(x->text, strlen(x->text)))
						abort();
					if (x->type == XC_NUMBER)
						(void)xlsx_plain_number(x->text, cell, sizeof cell);
				}
			xlsx_free(&sh);
		}
		break;
	}
	default: {
		FILE *f = fmemopen(s, size - 1 ? size - 1 : 1, "r");
		struct csv_row row;
		int rows = 0;
		while (f != NULL && rows++ < 1000 && csv_next(f, &row) > 0)
			csv_row_free(&row);
		if (f != NULL)
			fclose(f);
		break;
	}
	}
	free(s);
	return 0;
}
