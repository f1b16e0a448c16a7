package dev.bfftemplate.demo.services.catalog;

import java.util.List;

/**
 * One page of the product list.
 *
 * @param items the products on this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalElements number of products in the catalog
 * @param totalPages number of pages of this size
 */
record ProductPage(List<ProductDetails> items, int page, int size, long totalElements, int totalPages) {

}
