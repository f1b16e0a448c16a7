package dev.bfftemplate.partner.store;

import java.time.Duration;
import java.util.Map;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties;
import dev.bfftemplate.partner.quota.QuotaProperties;
import dev.bfftemplate.partner.store.PartnerStore.QuotaCounts;
import dev.bfftemplate.partner.testing.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store of a single instance without Redis counts like the Redis one.
 */
class InMemoryPartnerStoreTests {

	private final TestClock clock = new TestClock();

	private final InMemoryPartnerStore store = new InMemoryPartnerStore(new PartnerStoreKeys(
			new PartnerIdentityProperties("X-API-Key", Map.of(), Map.of(), "revoked",
					new PartnerIdentityProperties.FailedAttempts(3, Duration.ofMinutes(1), "failed:")),
			new QuotaProperties(Map.of(), Duration.ofSeconds(5), "quota:")), this.clock);

	@Test
	void quotaRefusesPastEitherWindowWithoutCounting() {
		this.clock.stop();
		long second = this.clock.instant().getEpochSecond();
		assertThat(consume("acme", second, 2, 3)).isEqualTo(new QuotaCounts(true, 1, 1));
		assertThat(consume("acme", second, 2, 3)).isEqualTo(new QuotaCounts(true, 2, 2));
		assertThat(consume("acme", second, 2, 3)).isEqualTo(new QuotaCounts(false, 2, 2));
		assertThat(consume("globex", second, 2, 3)).isEqualTo(new QuotaCounts(true, 1, 1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(consume("acme", second + 1, 2, 3)).isEqualTo(new QuotaCounts(true, 1, 3));
		assertThat(consume("acme", second + 1, 2, 3)).isEqualTo(new QuotaCounts(false, 1, 3));
	}

	@Test
	void failuresBlockAnAddressUntilItsWindowEnds() {
		this.clock.stop();
		for (int failure = 0; failure < 3; failure++) {
			assertThat(this.store.failureWindowLeft("198.51.100.7", 3).blockOptional()).isEmpty();
			this.store.countFailure("198.51.100.7", Duration.ofMinutes(1)).block();
		}
		assertThat(this.store.failureWindowLeft("198.51.100.7", 3).block()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.store.failureWindowLeft("198.51.100.8", 3).blockOptional()).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.store.failureWindowLeft("198.51.100.7", 3).blockOptional()).isEmpty();
	}

	private QuotaCounts consume(String partner, long second, long perSecond, long perDay) {
		return this.store.consume(partner, second, perSecond, perDay, Duration.ofHours(1)).block();
	}

}
