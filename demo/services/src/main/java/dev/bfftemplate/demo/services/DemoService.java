package dev.bfftemplate.demo.services;

import java.util.Locale;
import java.util.Optional;

/**
 * The stand-in services this application hosts, each under its own base path (for example
 * {@code /catalog}) so that a client can treat each one as a separate host.
 */
public enum DemoService {

	CATALOG, INVENTORY, PRICING, REVIEWS, ORDERS, CUSTOMERS, RECOMMENDATIONS;

	// Looked up on every request (fault injection): no values() copy, no stream, no
	// substring.
	private static final DemoService[] SERVICES = values();

	private final String id = name().toLowerCase(Locale.ROOT);

	/**
	 * Returns the service's name, which is also its base path without the slash.
	 * @return the lower-case name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Returns the service with the given name.
	 * @param id the lower-case name, as returned by {@link #id()}
	 * @return the service, empty if there is none
	 */
	public static Optional<DemoService> forId(String id) {
		for (DemoService service : SERVICES) {
			if (service.id.equals(id)) {
				return Optional.of(service);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the service that serves a request path.
	 * @param path the request path, for example {@code /catalog/products/p-001}
	 * @return the service whose base path the path starts with, empty if there is none
	 */
	public static Optional<DemoService> forPath(String path) {
		int start = path.startsWith("/") ? 1 : 0;
		int end = path.indexOf('/', start);
		int length = ((end != -1) ? end : path.length()) - start;
		for (DemoService service : SERVICES) {
			if (service.id.length() == length && path.startsWith(service.id, start)) {
				return Optional.of(service);
			}
		}
		return Optional.empty();
	}

}
