package dev.bfftemplate.partner.quota;

import java.util.Locale;

import dev.bfftemplate.partner.quota.QuotaProperties.Plan;

/**
 * Whether a request is within its partner's quota, and what the RateLimit fields tell the
 * partner (IETF draft "RateLimit header fields for HTTP": one policy per window).
 *
 * @param allowed whether the request may run
 * @param plan the partner's plan
 * @param usedThisSecond requests counted in the current second
 * @param usedToday requests counted in the current UTC day
 * @param secondsToNextDay seconds until the day's quota resets
 */
record QuotaDecision(boolean allowed, Plan plan, long usedThisSecond, long usedToday, long secondsToNextDay) {

	String policy() {
		return String.format(Locale.ROOT, "\"per-second\";q=%d;w=1, \"per-day\";q=%d;w=86400", this.plan.perSecond(),
				this.plan.perDay());
	}

	String remaining() {
		return String.format(Locale.ROOT, "\"per-second\";r=%d;t=1, \"per-day\";r=%d;t=%d",
				Math.max(0, this.plan.perSecond() - this.usedThisSecond),
				Math.max(0, this.plan.perDay() - this.usedToday), this.secondsToNextDay);
	}

	/**
	 * Seconds until a refused request may succeed: the next day when the day's quota is
	 * spent, else the next second.
	 */
	long retryAfterSeconds() {
		return (this.usedToday >= this.plan.perDay()) ? this.secondsToNextDay : 1;
	}

}
