/* The document's headings and fixed sentences, from the same language file
 * the WG page uses (templates/lang/vi-quarterly.hdf, Lang.Quarterly.Doc):
 * whoever rewords the report edits one file.  The document is Vietnamese. */
#include <stdio.h>

#include <ClearSilver.h>

#include "quarterly.h"

static HDF *lang;

int lang_load(const char *templates, char *err, size_t errsz)
{
	char path[1200];
	NEOERR *e;

	snprintf(path, sizeof path, "%s/lang/vi-quarterly.hdf", templates);
	nerr_init();
	e = hdf_init(&lang);
	if (e == STATUS_OK)
		e = hdf_read_file(lang, path);
	if (e != STATUS_OK) {
		nerr_ignore(&e);
		snprintf(err, errsz, "cannot read the document's headings from %s (config key templates)", path);
		return -1;
	}
	if (hdf_get_obj(lang, "Lang.Quarterly.Doc") == NULL) {
		snprintf(err, errsz, "%s has no Lang.Quarterly.Doc section", path);
		return -1;
	}
	return 0;
}

const char *L(const char *key)
{
	HDF *doc = lang ? hdf_get_obj(lang, "Lang.Quarterly.Doc") : NULL;
	const char *v = doc ? hdf_get_value(doc, key, NULL) : NULL;

	return v ? v : key;
}

void lang_free(void)
{
	if (lang)
		hdf_destroy(&lang);
	lang = NULL;
}
