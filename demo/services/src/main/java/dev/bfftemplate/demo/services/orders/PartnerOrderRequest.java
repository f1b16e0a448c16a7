package dev.bfftemplate.demo.services.orders;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /orders/partners/{partnerId}}: the customer is the partner's
 * account, never the caller's choice.
 *
 * @param productId what is ordered
 * @param quantity how many units
 */
record PartnerOrderRequest(@Nullable String productId, @Nullable Integer quantity) {

}
