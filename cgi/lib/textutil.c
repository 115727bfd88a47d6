/* Small tests on user-typed text (see textutil.h). */
#include "textutil.h"

#include <string.h>

int blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}
