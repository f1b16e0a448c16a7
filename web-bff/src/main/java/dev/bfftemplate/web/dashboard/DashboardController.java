package dev.bfftemplate.web.dashboard;

import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.web.customer.SignedInCustomer;
import dev.bfftemplate.web.dashboard.CustomersClient.CustomerProfile;
import dev.bfftemplate.web.dashboard.RecommendationsClient.Recommendations;
import dev.bfftemplate.web.orders.OrdersClient;
import dev.bfftemplate.web.orders.OrdersClient.CustomerOrders;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/dashboard}: the profile is required, recent orders optional,
 * recommendations omitted when unavailable.
 */
@RestController
class DashboardController {

	private final FanOut fanOut;

	private final CustomersClient customers;

	private final OrdersClient orders;

	private final RecommendationsClient recommendations;

	private final DashboardProperties properties;

	DashboardController(FanOut fanOut, CustomersClient customers, OrdersClient orders,
			RecommendationsClient recommendations, DashboardProperties properties) {
		this.fanOut = fanOut;
		this.customers = customers;
		this.orders = orders;
		this.recommendations = recommendations;
		this.properties = properties;
	}

	@GetMapping("/api/dashboard")
	Mono<Dashboard> dashboard(@AuthenticationPrincipal OidcUser user) {
		String customerId = SignedInCustomer.idOf(user);
		FanOutRequest screen = this.fanOut.request();
		Part<CustomerProfile> customer = screen.call("customers", this.customers.profile(customerId)).required();
		Part<CustomerOrders> recentOrders = screen
			.call("orders", this.orders.recentOrders(customerId, this.properties.recentOrders()))
			.named("recent-orders")
			.optional();
		Part<Recommendations> recommended = screen.call("recommendations", this.recommendations.forCustomer(customerId))
			.omit();
		return screen.assemble((parts) -> new Dashboard(parts.get(customer), parts.get(recentOrders),
				parts.get(recommended), parts.warnings()));
	}

}
