package dev.bfftemplate.demo.services.fault;

import java.time.Duration;

import dev.bfftemplate.demo.services.DemoService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void faultsAreOffByDefault() {
		this.contextRunner.run((context) -> {
			FaultRegistry registry = new FaultRegistry(context.getBean(FaultInjectionProperties.class));
			for (DemoService service : DemoService.values()) {
				assertThat(registry.settingsFor(service)).isEqualTo(FaultSettings.NONE);
			}
		});
	}

	@Test
	void faultsAreBoundPerServiceWithDefaultsForTheRest() {
		this.contextRunner
			.withPropertyValues("demo.faults.reviews.latency=2s", "demo.faults.reviews.error-rate=0.5",
					"demo.faults.catalog.reset-rate=1")
			.run((context) -> {
				FaultRegistry registry = new FaultRegistry(context.getBean(FaultInjectionProperties.class));
				FaultSettings reviews = registry.settingsFor(DemoService.REVIEWS);
				assertThat(reviews.latency()).isEqualTo(Duration.ofSeconds(2));
				assertThat(reviews.errorRate()).isEqualTo(0.5);
				assertThat(reviews.errorStatus()).isEqualTo(503);
				assertThat(reviews.hangRate()).isZero();
				assertThat(registry.settingsFor(DemoService.CATALOG).resetRate()).isEqualTo(1);
				assertThat(registry.settingsFor(DemoService.PRICING)).isEqualTo(FaultSettings.NONE);
			});
	}

	@Test
	void rateAboveOneIsRejectedAtStartup() {
		this.contextRunner.withPropertyValues("demo.faults.pricing.error-rate=1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("faults[PRICING].errorRate")
				.hasMessageContaining("must be less than or equal to 1"));
	}

	@Test
	void runtimeChangesCanBeResetToTheConfiguredFaults() {
		this.contextRunner.withPropertyValues("demo.faults.orders.hang-rate=0.1").run((context) -> {
			FaultRegistry registry = new FaultRegistry(context.getBean(FaultInjectionProperties.class));
			FaultSettings configured = registry.settingsFor(DemoService.ORDERS);
			registry.set(DemoService.ORDERS, FaultSettings.NONE);
			registry.set(DemoService.CUSTOMERS, configured);
			registry.reset(DemoService.ORDERS);
			assertThat(registry.settingsFor(DemoService.ORDERS)).isEqualTo(configured);
			assertThat(registry.settingsFor(DemoService.CUSTOMERS)).isEqualTo(configured);
			registry.resetAll();
			assertThat(registry.settingsFor(DemoService.CUSTOMERS)).isEqualTo(FaultSettings.NONE);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(FaultInjectionProperties.class)
	static class PropertiesConfiguration {

	}

}
