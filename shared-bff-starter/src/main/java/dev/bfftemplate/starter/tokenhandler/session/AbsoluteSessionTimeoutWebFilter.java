package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import java.time.Clock;
import java.time.Instant;

import org.springframework.core.Ordered;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Ends a session that has lived longer than
 * {@code bff.token-handler.session.absolute-timeout}, however active it was, before
 * security reads it.
 */
class AbsoluteSessionTimeoutWebFilter implements WebFilter, Ordered {

	private final TokenHandlerProperties.Session properties;

	private final Clock clock;

	AbsoluteSessionTimeoutWebFilter(TokenHandlerProperties.Session properties) {
		this(properties, Clock.systemUTC());
	}

	AbsoluteSessionTimeoutWebFilter(TokenHandlerProperties.Session properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getSession()
			.flatMap((session) -> expired(session) ? session.invalidate() : Mono.empty())
			.then(chain.filter(exchange));
	}

	private boolean expired(WebSession session) {
		return session.isStarted()
				&& session.getCreationTime().plus(this.properties.absoluteTimeout()).isBefore(Instant.now(this.clock));
	}

	@Override
	public int getOrder() {
		// Before Spring Security's filter chain (-100) reads the security context.
		return -200;
	}

}
