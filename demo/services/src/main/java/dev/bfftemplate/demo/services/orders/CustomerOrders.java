package dev.bfftemplate.demo.services.orders;

import java.util.List;

/**
 * A customer's orders, newest first.
 *
 * @param customerId customer id
 * @param orders the newest orders, at most the requested limit
 * @param totalCount number of orders the customer has
 */
record CustomerOrders(String customerId, List<Order> orders, int totalCount) {

}
