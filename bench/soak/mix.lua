-- The soak's request mix through the edge, signed in with a web-bff session cookie.
-- Env: COOKIE (name=value), MIX, RATE_DELAY_MS (pause before each request per connection; 0 = as fast as possible).
-- Every answer is classified: complete, partial (a screen with warnings), problem (problem+json), other.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../common/wrk.lua")
local cookie = os.getenv("COOKIE")
local delay_ms = tonumber(os.getenv("RATE_DELAY_MS") or "0")
-- MIX=product-page sends only product pages (the burst phase); anything else the whole mix.
local only_product_pages = os.getenv("MIX") == "product-page"
local counter = 0

setup = common.setup

function init(args)
  common.init_counts()
  created, unauthorized = 0, 0
  problems = {}
end

function delay()
  return delay_ms
end

local headers = common.web_headers(cookie)
local post_headers = common.web_headers(cookie, true)

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
  return common.order(post_headers, "soak", counter, string.format("p-%03d", (counter % 300) + 1))
end

function response(status, hdrs, body)
  if status == 201 then
    created = created + 1
  end
  local kind = common.count(status, hdrs, body)
  if kind == "problem" then
    problems[status] = (problems[status] or 0) + 1
    if status == 401 then
      unauthorized = unauthorized + 1
    end
  elseif kind == "other" then
    problems["other-" .. status] = (problems["other-" .. status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local totals = common.totals({ "complete", "partial", "problem", "other", "created", "unauthorized" })
  local by_status = common.sum_by_key("problems")
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
