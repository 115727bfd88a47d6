/* Error codes returned through the request; the dispatcher maps them to HTTP. */
#ifndef EGOV_ERR_H
#define EGOV_ERR_H

enum err {
	E_OK = 0,
	E_BADREQ,     /* 400: malformed request (a page shows field errors itself) */
	E_UNAUTH,     /* 302 to /login, or 401 in REMOTE_USER mode */
	E_FORBIDDEN,  /* 403 */
	E_NOTFOUND,   /* 404 */
	E_METHOD,     /* 405 */
	E_CONFLICT,   /* 409 */
	E_TOOBIG,     /* 413 */
	E_CSRF,       /* 403 with its own message */
	E_DBDOWN,     /* 503 */
	E_DUP,        /* duplicate key: callers decide what it means */
	E_INTERNAL    /* 500 */
};

#endif
