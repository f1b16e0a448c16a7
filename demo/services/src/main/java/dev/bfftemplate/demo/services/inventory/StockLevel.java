package dev.bfftemplate.demo.services.inventory;

/**
 * Stock of one product.
 *
 * @param productId product id
 * @param available units that can be ordered
 * @param warehouse warehouse holding the stock
 * @param status {@code in-stock}, {@code low} or {@code out}
 */
record StockLevel(String productId, int available, String warehouse, StockStatus status) {

}
