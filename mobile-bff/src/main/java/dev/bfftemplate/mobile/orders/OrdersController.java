package dev.bfftemplate.mobile.orders;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.bfftemplate.mobile.customer.SignedInCustomer;
import dev.bfftemplate.mobile.problem.Problems;
import dev.bfftemplate.mobile.services.ServiceClients.NewOrder;
import dev.bfftemplate.mobile.services.ServiceClients.OrderHistoryPage;
import dev.bfftemplate.mobile.services.ServiceClients.OrdersClient;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The signed-in customer's orders: {@code GET /mobile/v1/orders?cursor=&limit=} page by
 * page with an opaque cursor, and {@code POST /mobile/v1/orders}, which needs an
 * {@code Idempotency-Key} (the starter's idempotency filter, {@code bff.idempotency.*}):
 * a retry of the flaky network gets the first answer, never a second order.
 */
@RestController
@EnableConfigurationProperties(OrdersProperties.class)
class OrdersController {

	private static final Log logger = LogFactory.getLog(OrdersController.class);

	private final FanOut fanOut;

	private final OrdersClient orders;

	private final OrderCursor cursors;

	private final OrdersProperties properties;

	OrdersController(FanOut fanOut, OrdersClient orders, OrderCursor cursors, OrdersProperties properties) {
		this.fanOut = fanOut;
		this.orders = orders;
		this.cursors = cursors;
		this.properties = properties;
	}

	@GetMapping("/mobile/v1/orders")
	Mono<OrdersPage> orders(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		String customerId = SignedInCustomer.idOf(token);
		int pageSize = pageSize(limit);
		String after = this.cursors.position(token.getSubject(), cursor);
		FanOutRequest screen = this.fanOut.request();
		Part<OrderHistoryPage> page = screen.call("orders", this.orders.history(customerId, after, pageSize))
			.required();
		return screen.assemble((parts) -> {
			OrderHistoryPage history = parts.get(page);
			List<OrderSummary> summaries = (history != null) ? history.orders().stream().map(OrderSummary::of).toList()
					: List.of();
			String next = (history != null && history.hasMore() && !summaries.isEmpty())
					? this.cursors.next(token.getSubject(), summaries.get(summaries.size() - 1).id()) : null;
			return new OrdersPage(summaries, next);
		});
	}

	@PostMapping("/mobile/v1/orders")
	Mono<ResponseEntity<OrderSummary>> place(@AuthenticationPrincipal Jwt token, @RequestBody OrderForm form) {
		NewOrder order = new NewOrder(SignedInCustomer.idOf(token), form.productId(), form.quantity());
		return this.orders.place(order)
			.map((placed) -> ResponseEntity.created(URI.create("/mobile/v1/orders/" + placed.id()))
				.body(OrderSummary.of(placed)))
			.onErrorMap(WebClientResponseException.class, OrdersController::toProblem);
	}

	private int pageSize(@Nullable Integer limit) {
		if (limit == null) {
			return this.properties.defaultLimit();
		}
		if (limit < 1 || limit > this.properties.maxLimit()) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-limit",
					"limit must be between 1 and " + this.properties.maxLimit() + ".",
					Map.of("maxLimit", this.properties.maxLimit()));
		}
		return limit;
	}

	/**
	 * The orders service's 4xx answers reach the app with their title, detail and field
	 * errors, re-built field by field (never the raw body); anything else is a 502.
	 */
	private static ErrorResponseException toProblem(WebClientResponseException ex) {
		if (!ex.getStatusCode().is4xxClientError()) {
			logger.warn("The orders service failed: " + ex.getStatusCode());
			return Problems.of(HttpStatus.BAD_GATEWAY, "order-failed",
					"The order could not be placed; retry it with the same Idempotency-Key.", Map.of());
		}
		ServiceProblem answer = ex.getResponseBodyAs(ServiceProblem.class);
		ProblemDetail problem = ProblemDetail.forStatus(ex.getStatusCode());
		if (answer != null) {
			problem.setTitle(answer.title());
			problem.setDetail(answer.detail());
			if (answer.errors() != null) {
				problem.setProperty("errors", answer.errors());
			}
		}
		return new ErrorResponseException(ex.getStatusCode(), problem, ex);
	}

	/**
	 * The parts of the orders service's problem that the app may see.
	 */
	record ServiceProblem(String title, String detail, List<FieldError> errors) {

		record FieldError(String field, String message) {

		}

	}

}
