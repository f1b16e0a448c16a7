package dev.bfftemplate.demo.services.orders;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /orders}. Every field may be missing on the wire: the service
 * validates them itself and answers 422 with field errors.
 *
 * @param customerId who orders
 * @param productId what is ordered
 * @param quantity how many units, at least one
 */
record CreateOrderRequest(@Nullable String customerId, @Nullable String productId, @Nullable Integer quantity) {

}
