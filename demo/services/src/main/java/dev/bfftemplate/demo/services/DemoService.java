package dev.bfftemplate.demo.services;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stand-in services this application hosts, each under its own base path (for example
 * {@code /catalog}) so that a client can treat each one as a separate host.
 */
public enum DemoService {

	CATALOG, INVENTORY, PRICING, REVIEWS, ORDERS, CUSTOMERS, RECOMMENDATIONS;

	/**
	 * Returns the service's name, which is also its base path without the slash.
	 * @return the lower-case name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the service with the given name.
	 * @param id the lower-case name, as returned by {@link #id()}
	 * @return the service, empty if there is none
	 */
	public static Optional<DemoService> forId(String id) {
		return Arrays.stream(values()).filter((service) -> service.id().equals(id)).findFirst();
	}

	/**
	 * Returns the service that serves a request path.
	 * @param path the request path, for example {@code /catalog/products/p-001}
	 * @return the service whose base path the path starts with, empty if there is none
	 */
	public static Optional<DemoService> forPath(String path) {
		int start = path.startsWith("/") ? 1 : 0;
		int end = path.indexOf('/', start);
		return forId(path.substring(start, (end != -1) ? end : path.length()));
	}

}
