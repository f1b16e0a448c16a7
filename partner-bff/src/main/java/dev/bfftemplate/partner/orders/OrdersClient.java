package dev.bfftemplate.partner.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import reactor.core.publisher.Mono;

/**
 * The orders service's partner endpoints
 * ({@code spring.http.serviceclient.orders.base-url}), which own which order belongs to
 * which partner.
 */
@HttpExchange("/partners/{partnerId}")
interface OrdersClient {

	@GetExchange
	Mono<ServicePage> orders(@PathVariable String partnerId, @RequestParam int page, @RequestParam int size);

	@GetExchange("/{orderId}")
	Mono<ServiceOrder> order(@PathVariable String partnerId, @PathVariable String orderId);

	@PostExchange
	Mono<ResponseEntity<ServiceOrder>> place(@PathVariable String partnerId, @RequestBody NewOrder order);

	record ServiceOrder(String id, String productId, String productName, int quantity, String unitPrice, String total,
			String currency, String status, Instant createdAt) {

	}

	record ServicePage(List<ServiceOrder> items, int page, int size, long totalElements, int totalPages) {

	}

	record NewOrder(String productId, Integer quantity) {

	}

}
