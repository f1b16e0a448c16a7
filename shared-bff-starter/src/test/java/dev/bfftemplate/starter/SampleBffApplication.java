package dev.bfftemplate.starter;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.starter.fanout.Warning;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.WebFilter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A tiny BFF using the starter, the way a real one does: one {@code @HttpExchange}
 * interface registered in several HTTP service groups (one per stand-in downstream, each
 * with its own settings in {@code application.yaml}) and a product page screen.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ImportHttpServices(group = "catalog", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "inventory", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "reviews", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "flaky", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "limited", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "slowing", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "budget", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "small", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "retrying", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "patient", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "refused", types = SampleBffApplication.ItemClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
public class SampleBffApplication {

	/**
	 * Stands in for Spring Security in this sample: the bearer token is the caller's
	 * name.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter sampleAuthentication() {
		return (exchange, chain) -> {
			String token = bearerToken(exchange.getRequest().getHeaders());
			if (token == null) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate().principal(Mono.just(() -> token)).build());
		};
	}

	/**
	 * Relays the caller's bearer token, as the mobile BFF does.
	 */
	@Bean
	DownstreamAuthorization relayIncomingBearerToken() {
		return (downstream) -> Mono
			.deferContextual((context) -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(context))
				.mapNotNull((exchange) -> bearerToken(exchange.getRequest().getHeaders())));
	}

	private static String bearerToken(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		return (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
	}

	/**
	 * The downstream API of every stand-in.
	 */
	public interface ItemClient {

		@GetExchange("/items/{id}")
		Mono<Item> item(@PathVariable String id);

		@GetExchange("/items/{id}/related")
		Flux<Item> related(@PathVariable String id);

		@PostExchange("/items")
		Mono<Item> create(@RequestBody Item item);

		@PostExchange("/items")
		Mono<Item> create(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody Item item);

	}

	public record Item(String id, String name) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProductPage(Item product, Item stock, Item reviews, List<Warning> warnings) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemScreen(Item item, List<Warning> warnings) {

	}

	/**
	 * One optional call to the named stand-in downstream, so that tests can make each
	 * kind of failure through a real request.
	 */
	@RestController
	static class DownstreamItemController {

		private final FanOut fanOut;

		private final HttpServiceProxyRegistry clients;

		DownstreamItemController(FanOut fanOut, HttpServiceProxyRegistry clients) {
			this.fanOut = fanOut;
			this.clients = clients;
		}

		@GetMapping("/downstreams/{downstream}/items/{id}")
		Mono<ItemScreen> item(@PathVariable String downstream, @PathVariable String id,
				@RequestParam(defaultValue = "3000") long timeoutMillis) {
			FanOutRequest screen = this.fanOut.request();
			Part<Item> item = screen.call(downstream, this.clients.getClient(downstream, ItemClient.class).item(id))
				.timeout(Duration.ofMillis(timeoutMillis))
				.optional();
			return screen.assemble((parts) -> new ItemScreen(parts.get(item), parts.warnings()));
		}

	}

	@RestController
	static class ProductPageController {

		private final FanOut fanOut;

		private final ItemClient catalog;

		private final ItemClient inventory;

		private final ItemClient reviews;

		ProductPageController(FanOut fanOut, HttpServiceProxyRegistry clients) {
			this.fanOut = fanOut;
			this.catalog = clients.getClient("catalog", ItemClient.class);
			this.inventory = clients.getClient("inventory", ItemClient.class);
			this.reviews = clients.getClient("reviews", ItemClient.class);
		}

		@GetMapping("/products/{id}")
		Mono<ProductPage> productPage(@PathVariable String id) {
			return productPage(this.fanOut.request(), id);
		}

		@GetMapping("/quick/products/{id}")
		Mono<ProductPage> quickProductPage(@PathVariable String id) {
			return productPage(this.fanOut.request(Duration.ofMillis(300)), id);
		}

		private Mono<ProductPage> productPage(FanOutRequest screen, String id) {
			Part<Item> product = screen.call("catalog", this.catalog.item(id)).required();
			Part<Item> stock = screen.call("inventory", this.inventory.item(id)).optional();
			Part<Item> reviews = screen.call("reviews", this.reviews.item(id)).staleOk(id);
			return screen.assemble((parts) -> new ProductPage(parts.get(product), parts.get(stock), parts.get(reviews),
					parts.warnings()));
		}

	}

}
