package dev.bfftemplate.demo.services.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.services.DemoService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code faults} actuator endpoint: lists, sets and resets each service's faults at
 * runtime. Being an actuator endpoint it is only served on the management port, which is
 * bound to loopback.
 */
@Endpoint(id = "faults")
class FaultsEndpoint {

	private final FaultRegistry registry;

	private final Validator validator;

	FaultsEndpoint(FaultRegistry registry, Validator validator) {
		this.registry = registry;
		this.validator = validator;
	}

	@ReadOperation
	Map<String, FaultSettings> faults() {
		return this.registry.all();
	}

	@ReadOperation
	WebEndpointResponse<FaultSettings> faults(@Selector String service) {
		return DemoService.forId(service)
			.map((known) -> new WebEndpointResponse<>(this.registry.settingsFor(known)))
			.orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
	}

	/**
	 * Replaces a service's faults: every fault left out of the request is switched off.
	 */
	@WriteOperation
	WebEndpointResponse<Object> setFaults(@Selector String service, @Nullable Duration latency,
			@Nullable Duration jitter, @Nullable Double errorRate, @Nullable Integer errorStatus,
			@Nullable Double hangRate, @Nullable Double resetRate, @Nullable Double malformedRate) {
		DemoService known = DemoService.forId(service).orElse(null);
		if (known == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		FaultSettings none = FaultSettings.NONE;
		FaultSettings settings = new FaultSettings(Objects.requireNonNullElse(latency, none.latency()),
				Objects.requireNonNullElse(jitter, none.jitter()),
				Objects.requireNonNullElse(errorRate, none.errorRate()),
				Objects.requireNonNullElse(errorStatus, none.errorStatus()),
				Objects.requireNonNullElse(hangRate, none.hangRate()),
				Objects.requireNonNullElse(resetRate, none.resetRate()),
				Objects.requireNonNullElse(malformedRate, none.malformedRate()));
		Set<ConstraintViolation<FaultSettings>> violations = this.validator.validate(settings);
		if (!violations.isEmpty()) {
			return new WebEndpointResponse<>(Map.of("errors", messages(violations)),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		this.registry.set(known, settings);
		return new WebEndpointResponse<>(settings);
	}

	@DeleteOperation
	Map<String, FaultSettings> resetAll() {
		this.registry.resetAll();
		return this.registry.all();
	}

	@DeleteOperation
	WebEndpointResponse<FaultSettings> reset(@Selector String service) {
		return DemoService.forId(service).map((known) -> {
			this.registry.reset(known);
			return new WebEndpointResponse<>(this.registry.settingsFor(known));
		}).orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
	}

	private static Map<String, String> messages(Set<ConstraintViolation<FaultSettings>> violations) {
		return violations.stream()
			.collect(Collectors.toMap((violation) -> violation.getPropertyPath().toString(),
					ConstraintViolation::getMessage));
	}

}
