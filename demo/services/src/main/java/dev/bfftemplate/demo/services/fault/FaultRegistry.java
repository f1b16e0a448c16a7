package dev.bfftemplate.demo.services.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bfftemplate.demo.services.DemoService;

/**
 * The faults currently in effect per service: those configured at startup, changed at
 * runtime through the {@code faults} actuator endpoint.
 */
class FaultRegistry {

	private final Map<DemoService, FaultSettings> configured;

	private final Map<DemoService, FaultSettings> current;

	FaultRegistry(FaultInjectionProperties properties) {
		this.configured = new EnumMap<>(DemoService.class);
		for (DemoService service : DemoService.values()) {
			this.configured.put(service, properties.faults().getOrDefault(service, FaultSettings.NONE));
		}
		this.current = Collections.synchronizedMap(new EnumMap<>(this.configured));
	}

	FaultSettings settingsFor(DemoService service) {
		return this.current.get(service);
	}

	/**
	 * Returns every service's faults, in declaration order, keyed by service id.
	 */
	Map<String, FaultSettings> all() {
		Map<String, FaultSettings> all = new LinkedHashMap<>();
		for (DemoService service : DemoService.values()) {
			all.put(service.id(), settingsFor(service));
		}
		return all;
	}

	void set(DemoService service, FaultSettings settings) {
		this.current.put(service, settings);
	}

	/**
	 * Puts a service back to the faults it was configured with.
	 */
	void reset(DemoService service) {
		this.current.put(service, this.configured.get(service));
	}

	void resetAll() {
		this.current.putAll(this.configured);
	}

}
