-- What the wrk scripts of the benchmarks share: thread numbering, the signed-in web-bff headers, the order
-- command and the classification of answers. A script loads it relative to its own file (wrk runs it in a Lua
-- state per thread and one more for setup and done, and each loads it once):
--   local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../common/wrk.lua")
-- Loaded by wrk on its own (bench/build-check.sh loads every .lua), it defines nothing wrk calls.
local common = {}

local threads = {}

-- For setup(thread): numbers the thread (its global thread_id) and keeps it for the totals in done().
function common.setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

-- The headers of a web-bff call with the session cookie (name=value, from bench/common/login.py): X-CSRF, as
-- the SPA sends on every call, and JSON. With a body, Content-Type too.
function common.web_headers(cookie, with_body)
  local headers = { ["Cookie"] = cookie, ["X-CSRF"] = "1", ["Accept"] = "application/json" }
  if with_body then
    headers["Content-Type"] = "application/json"
  end
  return headers
end

-- The headers of a mobile-bff call with the app's access token (bench/mobile/app-token.sh), as the app sends
-- them. No Accept-Encoding: gzip (the app would send it), so that the partial marker can be read in the body.
function common.mobile_headers(token)
  return { ["Authorization"] = "Bearer " .. token, ["X-App-Version"] = "2.3.1", ["Accept"] = "application/json" }
end

-- The headers of a partner-bff call with a partner's API key.
function common.partner_headers(api_key)
  return { ["X-API-Key"] = api_key, ["Accept"] = "application/json" }
end

-- POST /api/orders for one unit of a product. web-bff requires an Idempotency-Key on orders: a new one per
-- order (unique across threads and runs: prefix, time, thread, the caller's request count).
function common.order(headers, prefix, count, product)
  headers["Idempotency-Key"] = string.format("%s-%d-%d-%d", prefix, os.time(), thread_id or 0, count)
  return wrk.format("POST", "/api/orders", headers, string.format('{"productId":"%s","quantity":1}', product))
end

-- For init(): the answer counters common.count adds to, each a global that done() reads from every thread.
function common.init_counts()
  complete, partial, problem, other = 0, 0, 0, 0
end

-- Counts one answer as complete (2xx), partial (2xx whose body carries the starter's "warnings":[{...}] marker,
-- DESIGN.md "Partial responses"), problem (application/problem+json) or other, and returns which.
function common.count(status, headers, body)
  local kind
  if status >= 200 and status < 300 then
    kind = (body and string.find(body, '"warnings":[{', 1, true)) and "partial" or "complete"
  else
    local type = headers["Content-Type"] or headers["content-type"] or ""
    kind = string.find(type, "application/problem+json", 1, true) and "problem" or "other"
  end
  _G[kind] = _G[kind] + 1
  return kind
end

-- For done(): each named global counter summed over every thread.
function common.totals(names)
  local totals = {}
  for _, name in ipairs(names) do
    totals[name] = 0
    for _, thread in ipairs(threads) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  return totals
end

-- For done(): a global table by key (status) of every thread, merged into one by merge(so_far, value).
local function by_key(name, merge)
  local merged = {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get(name)) do
      merged[key] = merge(merged[key], value)
    end
  end
  return merged
end

-- For done(): a global table of counts by key (status), summed over every thread.
function common.sum_by_key(name)
  return by_key(name, function(sum, count) return (sum or 0) + count end)
end

-- For done(): a global table of values by key, the first thread's value for each key.
function common.first_by_key(name)
  return by_key(name, function(first, value) return first or value end)
end

return common
