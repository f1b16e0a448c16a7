-- The soak's request mix through the edge: web screens and orders signed in with a web-bff session cookie,
-- mobile screens with the app's access token, partner products with a partner's API key.
-- Env: COOKIE (name=value), TOKEN (mobile access token; unset: no mobile calls), API_KEY (partner key; unset:
-- no partner calls), MIX, RATE_DELAY_MS (pause before each request per connection; 0 = as fast as possible).
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

local token = os.getenv("TOKEN")
local api_key = os.getenv("API_KEY")
local headers = common.web_headers(cookie)
local post_headers = common.web_headers(cookie, true)
local mobile = token and common.mobile_headers(token)
local partner = api_key and common.partner_headers(api_key)

-- Of every 20 requests: 7 product pages, 5 dashboards, 2 /bff/user, 2 orders, 2 mobile homes, 1 mobile product
-- card, 1 partner product (web screens in their place when there is no mobile token or partner key).
function request()
  counter = counter + 1
  local n = counter % 20
  local product = string.format("p-%03d", (counter % 300) + 1)
  if only_product_pages or n < 7 then
    return wrk.format("GET", "/api/product-page/" .. product, headers)
  elseif n < 12 then
    return wrk.format("GET", "/api/dashboard", headers)
  elseif n < 14 then
    return wrk.format("GET", "/bff/user", headers)
  elseif n < 16 then
    return common.order(post_headers, "soak", counter, product)
  elseif n < 18 and mobile then
    return wrk.format("GET", "/mobile/v1/home", mobile)
  elseif n < 19 and mobile then
    return wrk.format("GET", "/mobile/v1/products/" .. product, mobile)
  elseif n == 19 and partner then
    return wrk.format("GET", "/partner/v1/products/" .. product, partner)
  end
  return wrk.format("GET", "/api/product-page/" .. product, headers)
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
