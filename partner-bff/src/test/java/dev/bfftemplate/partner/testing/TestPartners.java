package dev.bfftemplate.partner.testing;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.bfftemplate.test.jwt.JwtIssuer;

/**
 * The partners of the tests: their API keys (configured only as SHA-256 digests) and the
 * client credentials client. Each test class uses its own partners, so that quotas and
 * revocations of one never touch another.
 */
public final class TestPartners {

	/** A partner with a quota no test reaches. */
	public static final String ACME_KEY = "test-acme-" + UUID.randomUUID();

	/** Another partner, with the same plan. */
	public static final String GLOBEX_KEY = "test-globex-" + UUID.randomUUID();

	/** A key that the revocation test revokes. */
	public static final String REVOKABLE_KEY = "test-revokable-" + UUID.randomUUID();

	/** Partners whose quota is three requests a day, for the quota tests. */
	public static final String DAILY_A_KEY = "test-daily-a-" + UUID.randomUUID();

	/** The second partner of the fairness test. */
	public static final String DAILY_B_KEY = "test-daily-b-" + UUID.randomUUID();

	/** A partner whose order is replayed. */
	public static final String REPLAY_KEY = "test-replay-" + UUID.randomUUID();

	/** A partner whose orders service answers slowly. */
	public static final String SLOW_KEY = "test-slow-" + UUID.randomUUID();

	/** A partner whose quota is three requests a second. */
	public static final String BURST_KEY = "test-burst-" + UUID.randomUUID();

	/** The OAuth2 client id mapped to partner {@code acme}. */
	public static final String ACME_CLIENT = "partner-acme";

	/** The audience of the partner API's tokens. */
	public static final String AUDIENCE = "partner-bff";

	/** Keeps the Redis keys of this test JVM apart from any other's. */
	static final String REDIS_PREFIX = "test-" + UUID.randomUUID() + ":";

	private TestPartners() {
	}

	static Map<String, Object> properties(JwtIssuer issuer) {
		Map<String, Object> properties = new LinkedHashMap<>();
		key(properties, "acme", ACME_KEY, "acme", "test");
		key(properties, "globex", GLOBEX_KEY, "globex", "test");
		key(properties, "revokable", REVOKABLE_KEY, "revokable", "test");
		key(properties, "daily-a", DAILY_A_KEY, "daily-a", "daily");
		key(properties, "daily-b", DAILY_B_KEY, "daily-b", "daily");
		key(properties, "burst", BURST_KEY, "burst", "burst");
		key(properties, "replay", REPLAY_KEY, "replay", "test");
		key(properties, "slow", SLOW_KEY, "slow", "test");
		properties.put("partner.identity.clients." + ACME_CLIENT + ".partner-id", "acme");
		properties.put("partner.identity.clients." + ACME_CLIENT + ".plan", "test");
		properties.put("partner.identity.revoked-keys-redis-key", REDIS_PREFIX + "revoked-api-keys");
		properties.put("partner.identity.failed-attempts.redis-key-prefix", REDIS_PREFIX + "failed:");
		properties.put("partner.identity.failed-attempts.limit", "5");
		properties.put("partner.quota.redis-key-prefix", REDIS_PREFIX + "quota:");
		properties.put("bff.idempotency.store.key-prefix", REDIS_PREFIX + "idempotency:");
		plan(properties, "test", 100_000, 1_000_000);
		plan(properties, "daily", 1_000, 3);
		plan(properties, "burst", 3, 1_000);
		properties.put("bff.demo.issuer-uri", issuer.issuer());
		return properties;
	}

	private static void key(Map<String, Object> properties, String name, String key, String partnerId, String plan) {
		String prefix = "partner.identity.api-keys." + name + ".";
		properties.put(prefix + "sha256", sha256(key));
		properties.put(prefix + "partner-id", partnerId);
		properties.put(prefix + "plan", plan);
	}

	private static void plan(Map<String, Object> properties, String plan, long perSecond, long perDay) {
		properties.put("partner.quota.plans." + plan + ".per-second", perSecond);
		properties.put("partner.quota.plans." + plan + ".per-day", perDay);
	}

	/**
	 * The SHA-256 of a key, as configured.
	 * @param key the key
	 * @return 64 hexadecimal digits
	 */
	public static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
