package dev.bfftemplate.starter.downstream;

import org.jspecify.annotations.Nullable;

import dev.bfftemplate.starter.identity.BearerTokenRelayFilter;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * Adds to the {@link WebClient} of each HTTP service group what Boot has no key for: the
 * response size limit of {@code bff.downstreams.<group>.max-response-size}, redirects as
 * failures, token relay when a {@link DownstreamAuthorization} is defined, and retries of
 * idempotent calls. Runs after Boot's configurers, so the group already has its base URL,
 * timeouts and the observation that propagates {@code traceparent}.
 *
 * @author BFF template
 */
public final class DownstreamClientConfigurer implements WebClientHttpServiceGroupConfigurer {

	private final Downstreams downstreams;

	private final @Nullable DownstreamAuthorization authorization;

	/**
	 * Create a new instance.
	 * @param downstreams the downstreams, by group name
	 * @param authorization resolves the caller's token, if the application relays one
	 */
	public DownstreamClientConfigurer(Downstreams downstreams, @Nullable DownstreamAuthorization authorization) {
		this.downstreams = downstreams;
		this.authorization = authorization;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void configureGroups(Groups<WebClient.Builder> groups) {
		groups.forEachClient(this::configure);
	}

	private void configure(HttpServiceGroup group, WebClient.Builder builder) {
		Downstream downstream = this.downstreams.declare(group.name());
		int maxResponseSize = Math.toIntExact(downstream.properties().maxResponseSize().toBytes());
		builder.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxResponseSize));
		// A redirect is not followed, and its body is not the answer asked for
		builder.defaultStatusHandler(HttpStatusCode::is3xxRedirection, ClientResponse::createException);
		if (this.authorization != null) {
			builder.filter(new BearerTokenRelayFilter(group.name(), this.authorization));
		}
		builder.filter(new IdempotentRetryFilter(downstream));
	}

}
