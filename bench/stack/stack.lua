-- One target of the whole-stack benchmark (bench/stack/run.sh), or a mix of all of them for the warm-up.
-- Env: TARGET (see below), COOKIE (web-bff session cookie, name=value), TOKEN (mobile access token),
-- API_KEY (partner key), PRODUCT (product id, default p-001).
-- Every answer is classified: complete (2xx without warnings), partial (2xx whose body carries the starter's
-- "warnings":[{...}] marker, DESIGN.md "Partial responses"), problem (application/problem+json), other.
-- done() prints one RESULT line that run.sh parses.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../common/wrk.lua")
local target = os.getenv("TARGET") or "plain"
local cookie = os.getenv("COOKIE") or ""
local token = os.getenv("TOKEN") or ""
local api_key = os.getenv("API_KEY") or ""
local product = os.getenv("PRODUCT") or "p-001"
local counter = 0

setup = common.setup

function init(args)
  common.init_counts()
  statuses = {}
  -- the first body of each failing status, for the result's "what failed" notes
  samples = {}
end

local web = common.web_headers(cookie)
local web_post = common.web_headers(cookie, true)
local mobile = common.mobile_headers(token)
local partner = common.partner_headers(api_key)
local plain = { ["Accept"] = "application/json" }

local function order()
  return common.order(web_post, "stack", counter, product)
end

local requests = {
  ["product-page"] = function() return wrk.format("GET", "/api/product-page/" .. product, web) end,
  ["dashboard"] = function() return wrk.format("GET", "/api/dashboard", web) end,
  ["user"] = function() return wrk.format("GET", "/bff/user", web) end,
  ["order"] = order,
  ["mobile-home"] = function() return wrk.format("GET", "/mobile/v1/home", mobile) end,
  ["mobile-product"] = function() return wrk.format("GET", "/mobile/v1/products/" .. product, mobile) end,
  ["partner-product"] = function() return wrk.format("GET", "/partner/v1/products/" .. product, partner) end,
  -- whatever path the URL on wrk's command line names (a demo service called directly)
  ["plain"] = function() return wrk.format("GET", wrk.path, plain) end,
}
local mix = { "product-page", "product-page", "dashboard", "user", "order", "mobile-home", "mobile-product",
  "partner-product" }

function request()
  counter = counter + 1
  if target == "mix" then
    return requests[mix[(counter % #mix) + 1]]()
  end
  return requests[target]()
end

function response(status, headers, body)
  common.count(status, headers, body)
  if status < 200 or status >= 300 then
    statuses[status] = (statuses[status] or 0) + 1
    if samples[status] == nil then
      samples[status] = string.sub(string.gsub(body or "", "%s+", " "), 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local totals = common.totals({ "complete", "partial", "problem", "other" })
  local listed = ""
  for status, count in pairs(common.sum_by_key("statuses")) do
    listed = listed .. (listed == "" and "" or ",") .. status .. ":" .. count
  end
  for status, sample in pairs(common.first_by_key("samples")) do
    io.write(string.format("SAMPLE %s %s\n", status, sample))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f complete=%d partial=%d non2xx=%d problem=%d other=%d " ..
    "socket_errors=%d statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, totals.complete, totals.partial, totals.problem + totals.other, totals.problem,
    totals.other, errors, (listed == "" and "-" or listed)))
end
