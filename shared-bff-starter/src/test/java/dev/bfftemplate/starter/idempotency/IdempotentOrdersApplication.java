package dev.bfftemplate.starter.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

/**
 * A tiny application with one idempotent operation, {@code POST /orders}, that counts how
 * often it really runs. The bearer token is the caller's name (standing in for Spring
 * Security); {@code X-Hold: <name>} keeps a request in flight until the test lets it go,
 * {@code X-Fail: true} makes it fail with 503.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IdempotentOrdersApplication.OrdersController.class)
class IdempotentOrdersApplication {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter bearerNameAuthentication() {
		return (exchange, chain) -> {
			String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				return chain.filter(exchange);
			}
			String name = authorization.substring("Bearer ".length());
			return chain.filter(exchange.mutate().principal(Mono.just(() -> name)).build());
		};
	}

	record OrderForm(String productId, int quantity) {

	}

	record PlacedOrder(String id, String productId, int quantity) {

	}

	@RestController
	static class OrdersController {

		final AtomicInteger placed = new AtomicInteger();

		private final Map<String, Sinks.Empty<Void>> holds = new ConcurrentHashMap<>();

		@PostMapping("/orders")
		Mono<ResponseEntity<PlacedOrder>> place(@RequestBody OrderForm form,
				@RequestHeader(name = "X-Hold", required = false) String hold,
				@RequestHeader(name = "X-Fail", defaultValue = "false") boolean fail) {
			int number = this.placed.incrementAndGet();
			Mono<Void> gate = (hold != null) ? hold(hold).asMono() : Mono.empty();
			return gate.then(Mono.fromSupplier(() -> {
				if (fail) {
					throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "orders are down");
				}
				PlacedOrder order = new PlacedOrder("o-" + number, form.productId(), form.quantity());
				return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
			}));
		}

		Sinks.Empty<Void> hold(String name) {
			return this.holds.computeIfAbsent(name, (key) -> Sinks.empty());
		}

		void release(String name) {
			hold(name).tryEmitEmpty();
		}

	}

}
