-- (c) saving the whole form over HTTP.  Thread i is bench officer i, on one
-- connection (run with -c equal to -t), so its requests are sequential and
-- the form's version can be tracked here: every 303 means the save went
-- through and the submission's version went up by one.  Each save posts the
-- other of two value sets, so every figure really changes.  After anything
-- but a 303 the thread reads the form once to pick up the version again.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local cfg = dofile(os.getenv("BENCH_VAR") .. "/bench-users.lua")
local path = cfg.path

function init(args)
   local u = cfg.users[idx]
   if u == nil then error("save.lua: more wrk threads than bench users") end
   version, cur, bodies = u.version, u.cur, u.bodies
   post_headers = { Cookie = u.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
   get_headers = { Cookie = u.cookie }
   ok, bad, resync = 0, 0, false
end

function request()
   if resync then
      return wrk.format("GET", path, get_headers)
   end
   -- bodies[1] is value set 0, bodies[2] set 1; post the one not stored
   return wrk.format("POST", path, post_headers, bodies[2 - cur] .. "&version=" .. version)
end

function response(status, headers, body)
   if resync then
      local v = body:match('name="version" value="(%d+)"')
      if status == 200 and v then
         version = tonumber(v)
         resync = false
      end
      return
   end
   if status == 303 then
      ok = ok + 1
      version = version + 1
      cur = 1 - cur
   else
      bad = bad + 1
      last_bad = status
      resync = true
   end
end
