-- wrk script of bench/backend/load.sh: one scenario per run, set by environment variables,
-- and a one-line JSON summary on stdout when done.
--   BENCH_METHOD  GET (default) or POST
--   BENCH_BODY    the POST body
--   BENCH_AUTH    an Authorization header value
--   BENCH_USAGE   "1": POST /v1/usage bodies with a requestId unique per request
--                 (BENCH_RUN makes them unique across runs)
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local auth = os.getenv("BENCH_AUTH")
local usage = os.getenv("BENCH_USAGE") == "1"
local run = os.getenv("BENCH_RUN") or "0"

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = method
  wrk.headers["Content-Type"] = "application/json"
  if auth then wrk.headers["Authorization"] = auth end
  if body then wrk.body = body end
end

function request()
  if not usage then return wrk.request() end
  counter = counter + 1
  local b = string.format('{"model":"bench","requestId":"run%s-t%d-%d","costUsd":"1"}',
                          run, tid, counter)
  return wrk.format(nil, nil, nil, b)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationS":%.3f,"requestsPerSecond":%.1f,' ..
    '"latencyMs":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"non2xx":%d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end
