package dev.bfftemplate.partner.quota;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quotas per plan, counted in Redis per partner so that every instance shares them.
 *
 * @param plans the quotas of each plan, by plan name
 * @param retryAfterWhenUnavailable the {@code Retry-After} of the 503 answered while
 * Redis cannot be reached (the partner API fails closed)
 * @param redisKeyPrefix prefix of the counters in Redis
 */
@ConfigurationProperties("partner.quota")
@Validated
public record QuotaProperties(@DefaultValue @Valid Map<String, Plan> plans,
		@DefaultValue("5s") Duration retryAfterWhenUnavailable,
		@DefaultValue("partner:quota:") @NotBlank String redisKeyPrefix) {

	/**
	 * The quotas of one plan.
	 *
	 * @param perSecond requests allowed in each second
	 * @param perDay requests allowed in each UTC day
	 */
	public record Plan(@Min(1) long perSecond, @Min(1) long perDay) {

	}

}
