-- (b) and (e): the first bench officer's form page, logged in (session
-- cookie from var/bench/bench-users.lua, written by setup.py).
-- With BENCH_LIMIT=N each thread stops after N responses (wrk itself keeps
-- running until -d or SIGINT; run.sh stops it once nginx logged them all).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local cfg = dofile(os.getenv("BENCH_VAR") .. "/bench-users.lua")
local limit = tonumber(os.getenv("BENCH_LIMIT") or "")

wrk.method = "GET"
wrk.path = cfg.path
wrk.headers["Cookie"] = cfg.users[1].cookie

if limit then
   function init(args)
      ok, bad, n = 0, 0, 0
   end

   function response(status, headers, body)
      n = n + 1
      if status == 200 then ok = ok + 1 else bad = bad + 1; last_bad = status end
      if n >= limit then wrk.thread:stop() end
   end
end
