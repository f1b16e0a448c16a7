package dev.bfftemplate.mobile.version;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.idempotency.IdempotencyWebFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Old apps keep working until they are too old: a request without a valid app version
 * header gets 400 ({@code /problems/app-version-required}), one below
 * {@code mobile-bff.app-version.minimum} gets 426 with the machine-readable type
 * {@code /problems/app-update-required} and the {@code minimumVersion}, so the app can
 * show its update screen. Runs after Spring Security (an unauthenticated request is a 401
 * first).
 */
@Component
@EnableConfigurationProperties(AppVersionProperties.class)
class AppVersionWebFilter implements WebFilter, Ordered {

	private final AppVersionProperties properties;

	private final AppVersion minimum;

	private final List<PathPattern> paths;

	private final ProblemResponses problems;

	AppVersionWebFilter(AppVersionProperties properties, ProblemResponses problems) {
		this.properties = properties;
		this.minimum = Objects.requireNonNull(AppVersion.parse(properties.minimum()));
		this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return IdempotencyWebFilter.ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!applies(exchange)) {
			return chain.filter(exchange);
		}
		AppVersion version = AppVersion.parse(exchange.getRequest().getHeaders().getFirst(this.properties.header()));
		if (version == null) {
			return this.problems.write(exchange, HttpStatus.BAD_REQUEST, "/problems/app-version-required",
					"The " + this.properties.header() + " header must give the app's version, such as 2.3.1.",
					HttpHeaders.EMPTY, Map.of());
		}
		if (version.compareTo(this.minimum) < 0) {
			return this.problems.write(exchange, HttpStatus.UPGRADE_REQUIRED, "/problems/app-update-required",
					"This version of the app is no longer supported; update it to continue.", HttpHeaders.EMPTY,
					Map.of("minimumVersion", this.properties.minimum()));
		}
		return chain.filter(exchange);
	}

	private boolean applies(ServerWebExchange exchange) {
		for (PathPattern path : this.paths) {
			if (path.matches(exchange.getRequest().getPath().pathWithinApplication())) {
				return true;
			}
		}
		return false;
	}

}
