-- Shared by the bench's wrk scripts (dofile'd): numbers the threads and
-- prints one machine-readable line at the end, for run.sh:
--   wrk-result requests=N duration_us=N p50_us=N p99_us=N ok=N bad=N ...
-- ok/bad are what the scripts' response() counted; without one, every
-- completed request counts as ok (nginx's access log is checked too).
local threads = {}

function setup(thread)
   thread:set("idx", #threads + 1)
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local ok, bad, counted, last_bad = 0, 0, false, "-"
   for _, t in ipairs(threads) do
      local o = t:get("ok")
      if o ~= nil then
         counted = true
         ok = ok + o
         bad = bad + (t:get("bad") or 0)
         local lb = t:get("last_bad")
         if lb ~= nil then last_bad = tostring(lb) end
      end
   end
   if not counted then ok = summary.requests end
   local e = summary.errors
   io.write(string.format("wrk-result requests=%d duration_us=%d p50_us=%d p99_us=%d " ..
      "max_us=%d ok=%d bad=%d last_bad=%s err_connect=%d err_read=%d err_write=%d " ..
      "err_status=%d err_timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      latency.max, ok, bad, last_bad, e.connect, e.read, e.write, e.status, e.timeout))
end
