package dev.bfftemplate.starter.fanout;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the fan-out, under {@code bff.fan-out}.
 *
 * @param deadline Overall deadline of one screen request: calls still in flight are
 * cancelled when it passes
 * @param staleCache The last good values served under {@link Policy#STALE_OK}
 * @author BFF template
 */
@ConfigurationProperties("bff.fan-out")
@Validated
public record FanOutProperties(@DefaultValue("2s") Duration deadline, @DefaultValue @Valid StaleCache staleCache) {

	/**
	 * The bounded in-process cache of last good values.
	 *
	 * @param maximumSize How many values are kept, across every caller
	 * @param timeToLive How long after it was fetched a value may still be served
	 */
	public record StaleCache(@DefaultValue("10000") @Positive long maximumSize,
			@DefaultValue("10m") Duration timeToLive) {

	}

}
