package dev.bfftemplate.web.product;

import java.util.List;

import dev.bfftemplate.starter.fanout.Warning;
import dev.bfftemplate.web.product.ProductClients.Price;
import dev.bfftemplate.web.product.ProductClients.Product;
import dev.bfftemplate.web.product.ProductClients.Reviews;
import dev.bfftemplate.web.product.ProductClients.Stock;

/**
 * The product page: product and price always; stock {@code null} with a warning when the
 * inventory service fails; reviews possibly stale, with a warning saying so.
 *
 * @param product the product
 * @param price its price
 * @param stock its stock, or {@code null}
 * @param reviews its reviews, or {@code null}
 * @param warnings what is missing or stale, empty when the answer is complete
 */
record ProductPage(Product product, Price price, Stock stock, Reviews reviews, List<Warning> warnings) {

}
