package dev.bfftemplate.mobile.orders;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of the order list.
 *
 * @param orders the orders, newest first
 * @param nextCursor the cursor of the next page, left out on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrdersPage(List<OrderSummary> orders, String nextCursor) {

}
