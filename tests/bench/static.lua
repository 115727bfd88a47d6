-- (a) nginx serving var/bench/www/bench-static.html (the form page's size).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/bench-static.html"
