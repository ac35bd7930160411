-- wrk script for the bench (scripts/bench/served.py).
-- With paths after "--", each connection's requests rotate over them (the burst); without, wrk asks for its URL.
-- When wrk is done, one line "BENCH_RESULT {json}" gives the counts, the latency percentiles and the errors.

local paths = {}
local next_path = 0

function init(args)
  for i = 1, #args do
    paths[i] = args[i]
  end
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
