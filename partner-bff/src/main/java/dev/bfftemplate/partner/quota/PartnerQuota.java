package dev.bfftemplate.partner.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;

import dev.bfftemplate.partner.identity.Partner;
import dev.bfftemplate.partner.quota.QuotaProperties.Plan;
import dev.bfftemplate.partner.store.PartnerStore;

import reactor.core.publisher.Mono;

/**
 * Counts a partner's requests in fixed one-second and one-day (UTC) windows in the
 * {@link PartnerStore}, one round trip per request.
 */
class PartnerQuota {

	private final PartnerStore store;

	private final QuotaProperties properties;

	private final Clock clock;

	PartnerQuota(PartnerStore store, QuotaProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one request of the partner, if its quota allows it.
	 * @param partner the partner
	 * @return the decision; an error when the store cannot answer
	 */
	Mono<QuotaDecision> consume(Partner partner) {
		Plan plan = this.properties.plans().get(partner.plan());
		if (plan == null) {
			return Mono.error(new IllegalStateException("No quota for plan " + partner.plan()));
		}
		Instant now = this.clock.instant();
		Instant nextDay = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
		long secondsToNextDay = Math.max(1, nextDay.getEpochSecond() - now.getEpochSecond());
		return this.store
			.consume(partner.id(), now.getEpochSecond(), plan.perSecond(), plan.perDay(),
					Duration.ofSeconds(secondsToNextDay))
			.map((counts) -> new QuotaDecision(counts.allowed(), plan, counts.second(), counts.day(),
					secondsToNextDay));
	}

}
