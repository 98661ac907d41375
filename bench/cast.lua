-- wrk script for bench/cast.sh: each request casts one voter's ballot, with that voter's pre-signed bearer
-- token, a random ranking of the candidates, and no voter twice. Arguments (after --): TOKENS_FILE CONTEST_ID
-- CANDIDATE_IDS(comma-separated) THREADS [again]. A thread stops when its voters are used up, or with "again"
-- (the warm-up) starts over with them, each second ballot then refused as a repeat; non-201 answers are counted.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file, contest, ids, nthreads = args[1], args[2], args[3], tonumber(args[4])
  again = args[5] == "again"
  path = "/api/contests/" .. contest .. "/ballots"
  candidates = {}
  for id in string.gmatch(ids, "[^,]+") do table.insert(candidates, id) end
  tokens = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == index then table.insert(tokens, line) end
    i = i + 1
  end
  nextToken = 1
  cast = 0
  refused = 0
  math.randomseed(os.time() + index)
end

local function ranking()
  local c = {}
  for i, v in ipairs(candidates) do c[i] = v end
  for i = #c, 2, -1 do
    local j = math.random(i)
    c[i], c[j] = c[j], c[i]
  end
  return table.concat(c, ",", 1, math.random(#c))
end

function request()
  if again and nextToken > #tokens then nextToken = 1 end
  local token = tokens[nextToken] or tokens[#tokens]
  nextToken = nextToken + 1
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"choices":[' .. ranking() .. ']}')
end

function response(status, headers, body)
  if status == 201 then cast = cast + 1 else refused = refused + 1 end
  if nextToken > #tokens and not again then wrk.thread:stop() end
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
