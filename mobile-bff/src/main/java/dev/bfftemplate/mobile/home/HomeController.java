package dev.bfftemplate.mobile.home;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.bfftemplate.mobile.compact.FieldSelection;
import dev.bfftemplate.mobile.customer.SignedInCustomer;
import dev.bfftemplate.mobile.home.Home.RecentOrder;
import dev.bfftemplate.mobile.home.Home.Recommendation;
import dev.bfftemplate.mobile.services.ServiceClients.CatalogClient;
import dev.bfftemplate.mobile.services.ServiceClients.Customer;
import dev.bfftemplate.mobile.services.ServiceClients.CustomerOrders;
import dev.bfftemplate.mobile.services.ServiceClients.CustomersClient;
import dev.bfftemplate.mobile.services.ServiceClients.OrdersClient;
import dev.bfftemplate.mobile.services.ServiceClients.Price;
import dev.bfftemplate.mobile.services.ServiceClients.PricingClient;
import dev.bfftemplate.mobile.services.ServiceClients.Product;
import dev.bfftemplate.mobile.services.ServiceClients.RecommendationsClient;
import dev.bfftemplate.mobile.services.ServiceClients.Recommendations;
import dev.bfftemplate.mobile.services.ServiceClients.RecommendedProduct;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.starter.fanout.Warning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mobile/v1/home}: the customer (required, for the greeting), recent orders
 * (optional) and recommendations (omitted when unavailable) in one round; then, for the
 * recommendations, their catalog entry (thumbnail) and price in a second round, each
 * omitted when unavailable. One round trip for the app.
 */
@RestController
@EnableConfigurationProperties(HomeProperties.class)
class HomeController {

	private final FanOut fanOut;

	private final CustomersClient customers;

	private final OrdersClient orders;

	private final RecommendationsClient recommendations;

	private final CatalogClient catalog;

	private final PricingClient pricing;

	private final HomeProperties properties;

	private final JsonMapper json;

	HomeController(FanOut fanOut, CustomersClient customers, OrdersClient orders, RecommendationsClient recommendations,
			CatalogClient catalog, PricingClient pricing, HomeProperties properties, JsonMapper json) {
		this.fanOut = fanOut;
		this.customers = customers;
		this.orders = orders;
		this.recommendations = recommendations;
		this.catalog = catalog;
		this.pricing = pricing;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping(path = "/mobile/v1/home", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Object> home(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String fields) {
		FieldSelection selection = FieldSelection.parse(fields, Home.class);
		return home(SignedInCustomer.idOf(token)).map((home) -> selection.apply(home, this.json));
	}

	/**
	 * The same screen in Protocol Buffers, for apps on metered links: about half the
	 * bytes of the JSON answer (bench/mobile/payload-sizes.sh).
	 */
	@GetMapping(path = "/mobile/v1/home", produces = HomeMessages.PROTOBUF_VALUE)
	Mono<dev.bfftemplate.mobile.v1.Home> homeMessage(@AuthenticationPrincipal Jwt token,
			@RequestParam(required = false) String fields) {
		FieldSelection selection = FieldSelection.parse(fields, Home.class);
		return home(SignedInCustomer.idOf(token)).map((home) -> HomeMessages.of(home, selection));
	}

	private Mono<Home> home(String customerId) {
		FanOutRequest screen = this.fanOut.request();
		Part<Customer> customer = screen.call("customers", this.customers.customer(customerId)).required();
		Part<CustomerOrders> recent = screen
			.call("orders", this.orders.recent(customerId, this.properties.recentOrders()))
			.named("recent-orders")
			.optional();
		Part<Recommendations> recommended = screen.call("recommendations", this.recommendations.forCustomer(customerId))
			.omit();
		return screen.assemble((parts) -> {
			CustomerOrders orders = parts.get(recent);
			List<RecentOrder> summaries = (orders != null) ? orders.orders()
				.stream()
				.limit(this.properties.recentOrders())
				.map((order) -> new RecentOrder(order.id(), LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC),
						order.total(), order.currency(), order.status()))
				.toList() : null;
			Recommendations found = parts.get(recommended);
			List<RecommendedProduct> products = (found != null)
					? found.items().stream().limit(this.properties.recommendations()).toList() : null;
			return new FirstRound(new Home(firstName(parts.get(customer)), summaries, null, parts.warnings()),
					products);
		}).flatMap(this::withRecommendations);
	}

	/**
	 * The second round: thumbnail and price of each recommendation, in parallel; one
	 * without either is left out, with a warning.
	 */
	private Mono<Home> withRecommendations(FirstRound first) {
		Home home = first.home();
		if (first.recommended() == null || first.recommended().isEmpty()) {
			return Mono.just(new Home(home.firstName(), home.recentOrders(),
					(first.recommended() != null) ? List.of() : null, home.warnings()));
		}
		FanOutRequest details = this.fanOut.request(this.properties.detailsDeadline());
		List<Part<Product>> products = new ArrayList<>();
		List<Part<Price>> prices = new ArrayList<>();
		for (RecommendedProduct recommended : first.recommended()) {
			products.add(details.call("catalog", this.catalog.product(recommended.productId()))
				.named("recommendation-details")
				.omit());
			prices.add(details.call("pricing", this.pricing.price(recommended.productId()))
				.named("recommendation-details")
				.omit());
		}
		return details.assemble((parts) -> {
			List<Recommendation> recommendations = new ArrayList<>();
			for (int i = 0; i < first.recommended().size(); i++) {
				Product product = parts.get(products.get(i));
				Price price = parts.get(prices.get(i));
				if (product != null && price != null) {
					recommendations.add(new Recommendation(product.id(), product.name(), product.imageUrl(),
							price.amount(), price.currency()));
				}
			}
			return new Home(home.firstName(), home.recentOrders(), recommendations,
					merged(home.warnings(), parts.warnings()));
		});
	}

	private static String firstName(@Nullable Customer customer) {
		if (customer == null || customer.name() == null) {
			return "";
		}
		String name = customer.name().strip();
		int space = name.indexOf(' ');
		return (space > 0) ? name.substring(0, space) : name;
	}

	private static List<Warning> merged(List<Warning> first, List<Warning> second) {
		Set<Warning> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return new ArrayList<>(all);
	}

	private record FirstRound(Home home, @Nullable List<RecommendedProduct> recommended) {

	}

}
