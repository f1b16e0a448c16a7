package dev.bfftemplate.starter.fanout;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * A typed handle on one downstream call of a {@link FanOutRequest}: configure its policy
 * fluently where it is declared, then read its value from {@link Parts} when assembling.
 *
 * <pre class="code">
 * Part&lt;Product&gt; product = screen.call("catalog", catalog.product(id)).required();
 * Part&lt;List&lt;Review&gt;&gt; reviews = screen.call("reviews", reviews.forProduct(id)).staleOk(id);
 * </pre>
 *
 * A part is configured on the thread that declares it, before
 * {@link FanOutRequest#assemble} subscribes to the calls.
 *
 * @param <T> the type of the part's value
 * @author BFF template
 */
public final class Part<T> {

	private final String downstream;

	private final Mono<T> call;

	private String name;

	private @Nullable Policy policy;

	private @Nullable String staleKey;

	private @Nullable Duration timeout;

	Part(String downstream, Mono<T> call) {
		Assert.hasText(downstream, "'downstream' must not be empty");
		Assert.notNull(call, "'call' must not be null");
		this.downstream = downstream;
		this.call = call;
		this.name = downstream;
	}

	/**
	 * Fail the whole response when this call fails.
	 * @return this part
	 */
	public Part<T> required() {
		return policy(Policy.REQUIRED);
	}

	/**
	 * Leave the value {@code null} with a warning when this call fails.
	 * @return this part
	 */
	public Part<T> optional() {
		return policy(Policy.OPTIONAL);
	}

	/**
	 * Leave the part out with a warning when this call fails.
	 * @return this part
	 */
	public Part<T> omit() {
		return policy(Policy.OMIT);
	}

	/**
	 * Serve the last good value when this call fails. The cache key is the caller's
	 * identity, the downstream, the part's name and {@code key}, which must identify what
	 * the call asked for (typically the ids in its path).
	 * @param key what identifies this call's answer among the downstream's answers
	 * @return this part
	 */
	public Part<T> staleOk(Object key) {
		Assert.notNull(key, "'key' must not be null");
		this.staleKey = key.toString();
		return policy(Policy.STALE_OK);
	}

	/**
	 * Use the given policy. {@link Policy#STALE_OK} without a {@link #staleOk(Object)
	 * key} behaves as {@link Policy#OPTIONAL}: a value is never cached under a key that
	 * does not identify it.
	 * @param policy the policy
	 * @return this part
	 */
	public Part<T> policy(Policy policy) {
		Assert.notNull(policy, "'policy' must not be null");
		this.policy = policy;
		return this;
	}

	/**
	 * Name the part in warnings ({@code <name>-unavailable}); defaults to the
	 * downstream's name, so name parts when one screen calls a downstream twice.
	 * @param name the part's name
	 * @return this part
	 */
	public Part<T> named(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
		return this;
	}

	/**
	 * Override the downstream's {@code timeout} for this call. The request deadline still
	 * applies.
	 * @param timeout the timeout of this call, retries included
	 * @return this part
	 */
	public Part<T> timeout(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.timeout = timeout;
		return this;
	}

	/**
	 * The part's name, used in warnings.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The downstream this part calls.
	 * @return the downstream's name
	 */
	public String downstream() {
		return this.downstream;
	}

	Mono<T> call() {
		return this.call;
	}

	@Nullable Policy policy() {
		return this.policy;
	}

	@Nullable String staleKey() {
		return this.staleKey;
	}

	@Nullable Duration timeout() {
		return this.timeout;
	}

	@Override
	public String toString() {
		return "Part[" + this.name + " from " + this.downstream + "]";
	}

}
