-- The dashboard overview as a deputy sees it: the session cookie comes from
-- BENCH_COOKIE and the page from BENCH_PATH (set by tests/bench/dashboard.sh).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = os.getenv("BENCH_PATH") or "/dashboard/"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
