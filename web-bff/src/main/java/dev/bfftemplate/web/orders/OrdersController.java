package dev.bfftemplate.web.orders;

import java.net.URI;
import java.util.List;

import dev.bfftemplate.web.customer.SignedInCustomer;
import dev.bfftemplate.web.orders.OrdersClient.NewOrder;
import dev.bfftemplate.web.orders.OrdersClient.Order;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/orders}: places an order for the signed-in customer through the orders
 * service, which owns validation. Its 4xx problems reach the web app with their title,
 * detail and field errors (re-built field by field, never the raw body); any other
 * failure is a 502 problem.
 */
@RestController
class OrdersController {

	private static final Log logger = LogFactory.getLog(OrdersController.class);

	private final OrdersClient orders;

	OrdersController(OrdersClient orders) {
		this.orders = orders;
	}

	@PostMapping("/api/orders")
	Mono<ResponseEntity<Order>> place(@AuthenticationPrincipal OidcUser user, @RequestBody OrderForm form) {
		NewOrder order = new NewOrder(SignedInCustomer.idOf(user), form.productId(), form.quantity());
		return this.orders.place(order)
			.map((placed) -> ResponseEntity.created(URI.create("/api/orders/" + placed.id())).body(placed))
			.onErrorMap(WebClientResponseException.class, OrdersController::toProblem);
	}

	private static ErrorResponseException toProblem(WebClientResponseException ex) {
		if (!ex.getStatusCode().is4xxClientError()) {
			logger.warn("The orders service failed: " + ex.getStatusCode());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The order could not be placed; try again later");
			return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, ex);
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
	 * The parts of the orders service's problem that the web app may see.
	 */
	record ServiceProblem(String title, String detail, List<FieldError> errors) {

		record FieldError(String field, String message) {

		}

	}

}
