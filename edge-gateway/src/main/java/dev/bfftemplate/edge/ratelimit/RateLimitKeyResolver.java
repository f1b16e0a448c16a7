package dev.bfftemplate.edge.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.bfftemplate.edge.forwarding.ClientAddressResolver;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Chooses whose bucket a request counts against: the authenticated principal (the JWT
 * {@code sub} checked at the edge), else the partner's API key (hashed: the edge never
 * keeps the key itself), else the real client address.
 */
@Component
class RateLimitKeyResolver {

	private final ClientAddressResolver clientAddressResolver;

	private final String apiKeyHeader;

	RateLimitKeyResolver(ClientAddressResolver clientAddressResolver, RateLimitProperties properties) {
		this.clientAddressResolver = clientAddressResolver;
		this.apiKeyHeader = properties.apiKeyHeader();
	}

	Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.map((principal) -> "sub:" + principal.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> anonymousKey(exchange)));
	}

	private String anonymousKey(ServerWebExchange exchange) {
		String apiKey = exchange.getRequest().getHeaders().getFirst(this.apiKeyHeader);
		if (StringUtils.hasText(apiKey)) {
			return "api-key:" + sha256(apiKey);
		}
		return "address:" + this.clientAddressResolver.resolve(exchange);
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
