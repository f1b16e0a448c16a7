-- Counts one request in a fixed window. KEYS[1]: the window's key, ARGV[1]: window length in ms.
-- Returns the count so far in the window and the milliseconds until the window resets.
local count = redis.call('INCR', KEYS[1])
if count == 1 then
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
	ttl = tonumber(ARGV[1])
end
return { count, ttl }
