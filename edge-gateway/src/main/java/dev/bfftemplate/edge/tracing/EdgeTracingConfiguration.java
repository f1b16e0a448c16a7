package dev.bfftemplate.edge.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's parent-based sampler with {@link EdgeSampler}: the edge decides
 * sampling once per request ({@code management.tracing.sampling.probability}) whatever
 * the caller's {@code traceparent} says.
 */
@Configuration(proxyBeanMethods = false)
class EdgeTracingConfiguration {

	@Bean
	Sampler edgeSampler(TracingProperties tracing) {
		return new EdgeSampler(tracing.getSampling().getProbability());
	}

}
