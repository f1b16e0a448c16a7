package dev.bfftemplate.partner.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partner-bff's Redis connection comes back.
 *
 * @param maxReconnectDelay the longest wait between two reconnection attempts (Lettuce's
 * default, 30 s, would keep the API refusing requests that long after Redis is back)
 */
@ConfigurationProperties("partner.redis")
public record PartnerRedisProperties(@DefaultValue("2s") Duration maxReconnectDelay) {

}
