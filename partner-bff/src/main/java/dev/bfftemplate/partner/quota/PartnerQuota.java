package dev.bfftemplate.partner.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.bfftemplate.partner.identity.Partner;
import dev.bfftemplate.partner.quota.QuotaProperties.Plan;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * Counts a partner's requests in fixed one-second and one-day (UTC) windows in Redis, one
 * round trip per request. Each window has its own key (the second or day is part of it);
 * expiry only cleans up. A refused request is not counted, so a partner that keeps
 * calling past its quota does not push its own reset further away.
 */
class PartnerQuota {

	private static final RedisScript<List<Long>> CONSUME = RedisScript.of("""
			local second = tonumber(redis.call('GET', KEYS[1]) or '0')
			local day = tonumber(redis.call('GET', KEYS[2]) or '0')
			if second >= tonumber(ARGV[1]) or day >= tonumber(ARGV[2]) then
			  return {0, second, day}
			end
			second = redis.call('INCR', KEYS[1])
			if second == 1 then redis.call('EXPIRE', KEYS[1], 10) end
			day = redis.call('INCR', KEYS[2])
			if day == 1 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
			return {1, second, day}""", asListOfLongs());

	private final ReactiveStringRedisTemplate redis;

	private final QuotaProperties properties;

	private final Clock clock;

	PartnerQuota(ReactiveStringRedisTemplate redis, QuotaProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one request of the partner, if its quota allows it.
	 * @param partner the partner
	 * @return the decision; an error when Redis cannot be reached
	 */
	Mono<QuotaDecision> consume(Partner partner) {
		Plan plan = this.properties.plans().get(partner.plan());
		if (plan == null) {
			return Mono.error(new IllegalStateException("No quota for plan " + partner.plan()));
		}
		Instant now = this.clock.instant();
		long second = now.getEpochSecond();
		Instant nextDay = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
		long secondsToNextDay = Math.max(1, nextDay.getEpochSecond() - second);
		String prefix = this.properties.redisKeyPrefix() + "{" + partner.id() + "}:";
		List<String> keys = List.of(prefix + "s:" + second, prefix + "d:" + (second / 86_400));
		List<String> args = List.of(Long.toString(plan.perSecond()), Long.toString(plan.perDay()),
				Long.toString(secondsToNextDay + 60));
		return this.redis.execute(CONSUME, keys, args).reduce(new ArrayList<Long>(), (all, part) -> {
			all.addAll(part);
			return all;
		}).map((counts) -> new QuotaDecision(counts.get(0) == 1, plan, counts.get(1), counts.get(2), secondsToNextDay));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<List<Long>> asListOfLongs() {
		return (Class) List.class;
	}

}
