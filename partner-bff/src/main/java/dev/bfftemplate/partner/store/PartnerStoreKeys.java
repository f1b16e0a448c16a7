package dev.bfftemplate.partner.store;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties;
import dev.bfftemplate.partner.quota.QuotaProperties;

/**
 * The names of the partner store's entries. Quota counters of one partner share a hash
 * tag, so that they live in one Redis Cluster slot.
 */
class PartnerStoreKeys {

	private static final long SECONDS_PER_DAY = 86_400;

	private final String revokedKeys;

	private final String failurePrefix;

	private final String quotaPrefix;

	PartnerStoreKeys(PartnerIdentityProperties identity, QuotaProperties quota) {
		this.revokedKeys = identity.revokedKeysRedisKey();
		this.failurePrefix = identity.failedAttempts().redisKeyPrefix();
		this.quotaPrefix = quota.redisKeyPrefix();
	}

	String revokedKeys() {
		return this.revokedKeys;
	}

	String failures(String address) {
		return this.failurePrefix + address;
	}

	String quotaSecond(String partnerId, long epochSecond) {
		return this.quotaPrefix + "{" + partnerId + "}:s:" + epochSecond;
	}

	String quotaDay(String partnerId, long epochSecond) {
		return this.quotaPrefix + "{" + partnerId + "}:d:" + (epochSecond / SECONDS_PER_DAY);
	}

}
