package dev.bfftemplate.starter.resourceserver;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The issuer's public keys, fetched from the configured JWK set URI once and kept: a
 * token whose key id is not in the set makes it fetch again at most once per
 * {@code refreshInterval} (key rotation), never per request, and never from a URL the
 * token names ({@code jku}, {@code x5u} are ignored). Concurrent fetches are one.
 */
final class CachedJwkSet implements Function<SignedJWT, Flux<JWK>> {

	private final WebClient webClient;

	private final String jwkSetUri;

	private final long refreshIntervalNanos;

	private final AtomicReference<@Nullable Mono<JWKSet>> fetching = new AtomicReference<>();

	private volatile @Nullable JWKSet keys;

	private volatile long fetchedAt;

	CachedJwkSet(WebClient webClient, String jwkSetUri, Duration refreshInterval) {
		this.webClient = webClient;
		this.jwkSetUri = jwkSetUri;
		this.refreshIntervalNanos = refreshInterval.toNanos();
	}

	@Override
	public Flux<JWK> apply(SignedJWT jwt) {
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
		JWKSet known = this.keys;
		if (known == null) {
			return fetch().flatMapIterable(selector::select);
		}
		List<JWK> matching = selector.select(known);
		if (!matching.isEmpty()) {
			return Flux.fromIterable(matching);
		}
		if (System.nanoTime() - this.fetchedAt < this.refreshIntervalNanos) {
			return Flux.empty();
		}
		return fetch().flatMapIterable(selector::select);
	}

	private Mono<JWKSet> fetch() {
		Mono<JWKSet> current = this.fetching.get();
		if (current != null) {
			return current;
		}
		AtomicReference<@Nullable Mono<JWKSet>> self = new AtomicReference<>();
		// Cleared before the keys (or the failure) reach any caller: a caller that asks
		// again right after must start a new fetch, never get this finished one (which
		// doFinally, running after the callers, would still leave in place).
		Runnable done = () -> this.fetching.compareAndSet(self.get(), null);
		Mono<JWKSet> fetch = this.webClient.get()
			.uri(this.jwkSetUri)
			.retrieve()
			.bodyToMono(String.class)
			.map(CachedJwkSet::parse)
			.doOnSuccess((set) -> {
				if (set != null) {
					this.keys = set;
					this.fetchedAt = System.nanoTime();
				}
				done.run();
			})
			.doOnError((ex) -> done.run())
			.doFinally((signal) -> done.run())
			.cache();
		self.set(fetch);
		return this.fetching.compareAndSet(null, fetch) ? fetch : fetch();
	}

	private static JWKSet parse(String body) {
		try {
			return JWKSet.parse(body);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The JWK set is malformed", ex);
		}
	}

}
