package dev.bfftemplate.demo.services.orders;

import java.util.List;

/**
 * One page of a partner's orders, newest first.
 *
 * @param items the orders on this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalElements number of orders of the partner
 * @param totalPages number of pages of this size
 */
record PartnerOrderPage(List<Order> items, int page, int size, long totalElements, int totalPages) {

}
