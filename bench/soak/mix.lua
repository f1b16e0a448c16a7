-- The soak's request mix through the edge, signed in with a web-bff session cookie.
-- Env: COOKIE (name=value), MIX, RATE_DELAY_MS (pause before each request per connection; 0 = as fast as possible).
-- Every answer is classified: complete, partial (a screen with warnings), problem (problem+json), other.
local cookie = os.getenv("COOKIE")
local delay_ms = tonumber(os.getenv("RATE_DELAY_MS") or "0")
-- MIX=product-page sends only product pages (the burst phase); anything else the whole mix.
local only_product_pages = os.getenv("MIX") == "product-page"
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  complete, partial, problem, other, created, unauthorized = 0, 0, 0, 0, 0, 0
  problems = {}
end

function delay()
  return delay_ms
end

local headers = { ["Cookie"] = cookie, ["X-CSRF"] = "1", ["Accept"] = "application/json" }
local post_headers = { ["Cookie"] = cookie, ["X-CSRF"] = "1", ["Accept"] = "application/json",
  ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  local n = counter % 10
  if n < 5 or only_product_pages then
    return wrk.format("GET", string.format("/api/product-page/p-%03d", (counter % 300) + 1), headers)
  elseif n < 8 then
    return wrk.format("GET", "/api/dashboard", headers)
  elseif n < 9 then
    return wrk.format("GET", "/bff/user", headers)
  end
  -- web-bff requires an Idempotency-Key on orders: a new one per order (unique across threads and runs).
  post_headers["Idempotency-Key"] = string.format("soak-%d-%d-%d", os.time(), thread_id or 0, counter)
  return wrk.format("POST", "/api/orders", post_headers,
    string.format('{"productId":"p-%03d","quantity":1}', (counter % 300) + 1))
end

function response(status, hdrs, body)
  local type = hdrs["Content-Type"] or hdrs["content-type"] or ""
  if status == 201 then
    created = created + 1
  end
  if status >= 200 and status < 300 then
    if string.find(body, '"warnings":[{', 1, true) then
      partial = partial + 1
    else
      complete = complete + 1
    end
  elseif string.find(type, "application/problem+json", 1, true) then
    problem = problem + 1
    problems[status] = (problems[status] or 0) + 1
    if status == 401 then
      unauthorized = unauthorized + 1
    end
  else
    other = other + 1
    problems["other-" .. status] = (problems["other-" .. status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local totals = { complete = 0, partial = 0, problem = 0, other = 0, created = 0, unauthorized = 0 }
  local by_status = {}
  for _, t in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + t:get(key)
    end
    for status, count in pairs(t:get("problems")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local statuses = ""
  for status, count in pairs(by_status) do
    statuses = statuses .. status .. ":" .. count .. " "
  end
  io.write(string.format(
    "RESULT requests=%d complete=%d partial=%d problem=%d other=%d created=%d unauthorized=%d " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f statuses=%s\n",
    summary.requests, totals.complete, totals.partial, totals.problem, totals.other, totals.created,
    totals.unauthorized, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), statuses))
end
