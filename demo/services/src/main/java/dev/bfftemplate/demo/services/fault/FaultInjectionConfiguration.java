package dev.bfftemplate.demo.services.fault;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fault injection: the registry of faults per service, the filter that applies them and
 * the actuator endpoint that changes them at runtime. Declared here rather than
 * component-scanned so that controller slice tests run without faults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultInjectionProperties.class)
class FaultInjectionConfiguration {

	@Bean
	FaultRegistry faultRegistry(FaultInjectionProperties properties) {
		return new FaultRegistry(properties);
	}

	@Bean
	FaultInjectionWebFilter faultInjectionWebFilter(FaultRegistry registry, MeterRegistry meterRegistry) {
		return new FaultInjectionWebFilter(registry, meterRegistry);
	}

	@Bean
	FaultsEndpoint faultsEndpoint(FaultRegistry registry, Validator validator) {
		return new FaultsEndpoint(registry, validator);
	}

}
