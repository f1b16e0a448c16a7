package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of idempotency keys, under {@code bff.idempotency}. Nothing is switched on
 * until {@code paths} names at least one path.
 *
 * @param paths Path patterns (Spring's {@code PathPattern} syntax) whose requests with
 * one of the {@code methods} require an {@code Idempotency-Key} header
 * @param methods The request methods that require a key on those paths
 * @param ttl How long a completed request's response is replayed to retries with the same
 * key; after that the key may be used again
 * @param inFlightTimeout How long a request being processed holds its key when its
 * instance dies before answering; it should exceed the longest request
 * @param maxKeyLength The longest accepted key, in characters
 * @param maxRequestSize The largest request body a keyed request may have (413 above)
 * @param maxResponseSize The largest response stored for replay; a larger one is sent but
 * not stored, and its key freed
 * @param replayedHeaders The response headers stored and replayed with the body
 * @param store Where keys are kept
 * @author BFF template
 */
@ConfigurationProperties("bff.idempotency")
@Validated
public record IdempotencyProperties(@DefaultValue List<String> paths,
		@DefaultValue("POST") @NotEmpty List<String> methods, @DefaultValue("24h") Duration ttl,
		@DefaultValue("1m") Duration inFlightTimeout, @DefaultValue("255") @Positive int maxKeyLength,
		@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("256KB") DataSize maxResponseSize, @DefaultValue( {
				"Content-Type", "Content-Language", "Location", "ETag", "Last-Modified" }) List<String> replayedHeaders,
		@DefaultValue @Valid Store store){

	/**
	 * Where keys are kept: in Redis when {@code spring.data.redis.*} names a server, in
	 * memory otherwise.
	 *
	 * @param keyPrefix Prefix of the Redis keys; the rest is a hash of the caller scope
	 * and the key, never the key itself
	 * @param timeout Bound of each Redis command; a request whose key cannot be checked
	 * in time is refused with 503
	 * @param maximumSize How many keys the in-memory store keeps at most
	 */
	public record Store(@DefaultValue("bff:idempotency:") @NotBlank String keyPrefix,
			@DefaultValue("1s") Duration timeout, @DefaultValue("10000") @Positive long maximumSize) {

	}

}
