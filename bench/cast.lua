-- wrk script for bench/cast.sh: each request casts one voter's ballot, with that voter's pre-signed bearer
-- token, a random ranking of the contest's candidates, and no voter twice in a contest. Arguments (after --):
-- TOKENS_FILE CONTESTS THREADS, where CONTESTS is ID:CANDIDATE_ID,CANDIDATE_ID,... for each contest, joined by
-- ";". A thread whose voters are used up goes on with them in the next contest and stops after the last, so
-- every ballot is one the service accepts: a warm-up of refused repeats would teach the JIT a path the measured
-- run does not take. Non-201 answers are counted.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file, spec, nthreads = args[1], args[2], tonumber(args[3])
  contests = {}
  for id, ids in string.gmatch(spec, "(%d+):([%d,]+)") do
    local candidates = {}
    for c in string.gmatch(ids, "%d+") do table.insert(candidates, c) end
    table.insert(contests, { path = "/api/contests/" .. id .. "/ballots", candidates = candidates })
  end
  tokens = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == index then table.insert(tokens, line) end
    i = i + 1
  end
  nextToken = 1
  contest = 1
  cast = 0
  refused = 0
  math.randomseed(os.time() + index)
end

local function ranking(candidates)
  local c = {}
  for i, v in ipairs(candidates) do c[i] = v end
  for i = #c, 2, -1 do
    local j = math.random(i)
    c[i], c[j] = c[j], c[i]
  end
  return table.concat(c, ",", 1, math.random(#c))
end

function request()
  if nextToken > #tokens and contest < #contests then
    nextToken = 1
    contest = contest + 1
  end
  local token = tokens[nextToken] or tokens[#tokens]
  nextToken = nextToken + 1
  return wrk.format("POST", contests[contest].path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"choices":[' .. ranking(contests[contest].candidates) .. ']}')
end

function response(status, headers, body)
  if status == 201 then cast = cast + 1 else refused = refused + 1 end
  if nextToken > #tokens and contest == #contests then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("cast")
    bad = bad + t:get("refused")
  end
  io.write(string.format("wrk: cast=%d refused=%d seconds=%.2f ballots_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    ok, bad, summary.duration / 1e6, ok / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
