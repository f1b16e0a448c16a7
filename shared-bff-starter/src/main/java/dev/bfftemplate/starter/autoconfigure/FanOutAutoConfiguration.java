package dev.bfftemplate.starter.autoconfigure;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.bfftemplate.starter.downstream.DownstreamCustomizer;
import dev.bfftemplate.starter.downstream.DownstreamMetrics;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.downstream.DownstreamsProperties;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutProperties;
import dev.bfftemplate.starter.identity.CallerIdentity;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;
import dev.bfftemplate.starter.identity.PrincipalCallerIdentity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

/**
 * Auto-configuration of the {@link FanOut}: the downstreams with their breakers and
 * adaptive concurrency limits, the caller identity of the stale cache, and the meters.
 * Every bean backs off when the application defines its own.
 * <p>
 * Runs before Resilience4j's and Spring Cloud CircuitBreaker's auto-configurations (an
 * application may have them for other uses, and Spring Cloud Gateway brings them): their
 * {@link CircuitBreakerRegistry} and breaker meters then back off, so that there is one
 * registry, holding the downstreams' breakers with their {@code bff.downstreams}
 * settings. The starter's beans have names of their own, so that none replaces or is
 * replaced by a bean of theirs by name.
 *
 * @author BFF template
 */
@AutoConfiguration(beforeName = {
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
		"org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration",
		"org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({ FanOutProperties.class, DownstreamsProperties.class })
public final class FanOutAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerRegistry downstreamCircuitBreakerRegistry() {
		return CircuitBreakerRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	DownstreamMetrics downstreamMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new DownstreamMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnMissingBean
	TaggedCircuitBreakerMetrics downstreamCircuitBreakerMetrics(CircuitBreakerRegistry circuitBreakers) {
		return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers);
	}

	@Bean
	@ConditionalOnMissingBean
	Downstreams downstreams(DownstreamsProperties properties, CircuitBreakerRegistry circuitBreakers,
			DownstreamMetrics metrics, ObjectProvider<DownstreamCustomizer> customizers) {
		return new Downstreams(properties, circuitBreakers, metrics, customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	CallerIdentity callerIdentity() {
		return new PrincipalCallerIdentity();
	}

	/**
	 * Last of the web filters, so that the exchange it exposes to downstream calls is the
	 * one security filters have given a principal.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean
	ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
		return new ServerWebExchangeContextFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	FanOut fanOut(Downstreams downstreams, FanOutProperties properties, CallerIdentity callerIdentity,
			ObjectProvider<DownstreamAuthorization> authorization, DownstreamMetrics metrics) {
		return new FanOut(downstreams, properties, callerIdentity, authorization.getIfAvailable() != null, metrics);
	}

}
