package dev.bfftemplate.partner.orders;

import java.net.URI;
import java.util.List;

import dev.bfftemplate.partner.contract.Paging;
import dev.bfftemplate.partner.contract.ResourceIds;
import dev.bfftemplate.partner.identity.Partner;
import dev.bfftemplate.partner.orders.OrdersClient.ServiceOrder;
import dev.bfftemplate.partner.orders.OrdersClient.ServicePage;
import dev.bfftemplate.partner.orders.PartnerOrders.Order;
import dev.bfftemplate.partner.orders.PartnerOrders.OrderPage;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;

/**
 * {@code /partner/{version}/orders}: the calling partner's orders only. The orders
 * service decides what belongs to the partner; another partner's order is answered
 * exactly like a missing one.
 */
@RestController
@RequestMapping("/partner/{version}/orders")
class OrdersController {

	private static final Log logger = LogFactory.getLog(OrdersController.class);

	private final FanOut fanOut;

	private final OrdersClient orders;

	private final OrderRequests requests;

	OrdersController(FanOut fanOut, OrdersClient orders, OrderRequests requests) {
		this.fanOut = fanOut;
		this.orders = orders;
		this.requests = requests;
	}

	@GetMapping(version = "1+")
	Mono<OrderPage> orders(@AuthenticationPrincipal Partner partner, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		FanOutRequest call = this.fanOut.request();
		Part<ServicePage> orders = call.call("orders", this.orders.orders(partner.id(), page, size)).required();
		return call.assemble((parts) -> OrderPage.of(parts.get(orders)));
	}

	@GetMapping(path = "/{id}", version = "1+")
	Mono<Order> order(@AuthenticationPrincipal Partner partner, @PathVariable String id) {
		String orderId = ResourceIds.require(id);
		FanOutRequest call = this.fanOut.request();
		Part<ServiceOrder> order = call.call("orders", this.orders.order(partner.id(), orderId)).required();
		return call.assemble((parts) -> Order.of(parts.get(order)));
	}

	@PostMapping(version = "1+")
	Mono<ResponseEntity<Order>> place(@AuthenticationPrincipal Partner partner, @PathVariable String version,
			@RequestBody JsonNode body) {
		return Mono.fromSupplier(() -> this.requests.read(body))
			.flatMap((order) -> this.orders.place(partner.id(), order))
			.map((answer) -> {
				Order placed = Order.of(answer.getBody());
				URI location = URI.create("/partner/" + version + "/orders/" + placed.id());
				return ResponseEntity.created(location).body(placed);
			})
			.onErrorMap(WebClientResponseException.class, OrdersController::toProblem);
	}

	/**
	 * The orders service's refusal of the order (422 with field errors) reaches the
	 * partner rebuilt field by field, never as the raw body; any other failure is a 502.
	 */
	private static ErrorResponseException toProblem(WebClientResponseException ex) {
		if (ex.getStatusCode().value() != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
			logger.warn("The orders service failed: " + ex.getStatusCode());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The order could not be placed; retry later");
			return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, ex);
		}
		ServiceProblem answer = ex.getResponseBodyAs(ServiceProblem.class);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The order is invalid");
		if (answer != null && answer.errors() != null) {
			problem.setProperty("errors", answer.errors());
		}
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, ex);
	}

	/**
	 * The part of the orders service's problem that the partner may see.
	 */
	record ServiceProblem(List<FieldError> errors) {

		record FieldError(String field, String message) {

		}

	}

}
