package dev.bfftemplate.starter.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import dev.bfftemplate.starter.downstream.DownstreamsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

/**
 * Fails the start-up when a {@code bff.downstreams} entry names no HTTP service group: a
 * typo there would otherwise leave the real downstream with the defaults, silently.
 * Applications without HTTP service groups (plain {@code WebClient}s) declare their
 * downstreams with {@code bff.downstreams} alone, so nothing is checked there.
 */
final class DownstreamNamesCheck implements SmartInitializingSingleton {

	private final DownstreamsProperties properties;

	private final ObjectProvider<HttpServiceProxyRegistry> registry;

	DownstreamNamesCheck(DownstreamsProperties properties, ObjectProvider<HttpServiceProxyRegistry> registry) {
		this.properties = properties;
		this.registry = registry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		HttpServiceProxyRegistry registry = this.registry.getIfUnique();
		if (registry == null) {
			return;
		}
		Set<String> groups = registry.getGroupNames();
		Set<String> unknown = new TreeSet<>(this.properties.downstreams().keySet());
		unknown.removeAll(groups);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("bff.downstreams has entries that no HTTP service group declares: "
					+ unknown + "; the groups are " + new TreeSet<>(groups));
		}
	}

}
