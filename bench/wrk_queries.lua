-- wrk script: sends the benchmark queries to searchd's /api/search, cycling through the list.
--
-- Usage: wrk -t2 -c8 -d20s -s bench/wrk_queries.lua http://127.0.0.1:PORT -- QUERIES_FILE
--
-- QUERIES_FILE is queries.txt of the shared bench folder (../shared/bench beside the project):
-- `kind<TAB>text<TAB>filters` per line, `#` comments, filters `key=value` separated by `;`.
-- Each line becomes one URL: the text as `q`, each filter as its own parameter, `sort=newest`
-- when there is no text (a browse), every value URL-encoded. At the end one line
-- `wrk-json: {...}` reports requests, latency percentiles (ms), non-2xx responses and socket
-- errors for bench/run.sh. With WRK_DELAY_MS set, each connection waits that long before
-- each request, which bounds the rate (bench/soak.sh runs below capacity that way).

local paths = {}
local next_path = 1
-- Globals, so the main state can read them with thread:get() in done().
non_2xx = 0
local threads = {}

-- Percent-encodes everything but RFC 3986 unreserved characters.
local function url_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

-- The /api/search path for one queries-file line.
local function to_path(line)
  local text, filters = line:match("^[^\t]*\t([^\t]*)\t?(.*)$")
  local params = {}
  if text == "" then
    params[#params + 1] = "sort=newest"
  else
    params[#params + 1] = "q=" .. url_encode(text)
  end
  for filter in filters:gmatch("[^;]+") do
    local key, value = filter:match("^([^=]+)=(.*)$")
    params[#params + 1] = key .. "=" .. url_encode(value)
  end
  return "/api/search?" .. table.concat(params, "&")
end

-- Main state: number the threads so each starts at another point of the list.
function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

-- Per-thread state: load the query list.
function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      paths[#paths + 1] = to_path(line)
    end
  end
  next_path = (thread_index * 37) % #paths + 1
end

local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "")
if delay_ms then
  function delay()
    return delay_ms
  end
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function response(status)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
  end
end

-- Main state: one JSON line with the figures run.sh needs.
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non_2xx")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local function ms(us)
    return us / 1000
  end
  io.write(string.format(
    'wrk-json: {"requests": %d, "seconds": %.3f, "qps": %.2f, "bytes": %d, ' ..
    '"latency_ms": {"p50": %.3f, "p90": %.3f, "p95": %.3f, "p99": %.3f, "mean": %.3f, ' ..
    '"max": %.3f}, "non_2xx": %d, "socket_errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)),
    ms(latency:percentile(99)), ms(latency.mean), ms(latency.max), bad,
    e.connect, e.read, e.write, e.timeout))
end
