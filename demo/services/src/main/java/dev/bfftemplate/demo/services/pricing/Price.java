package dev.bfftemplate.demo.services.pricing;

/**
 * Current price of a product. The amount is a decimal string in major units (for example
 * {@code "19.99"}) so that no client parses money as a floating point number.
 *
 * @param productId product id
 * @param amount decimal amount in major units
 * @param currency ISO 4217 currency code
 */
record Price(String productId, String amount, String currency) {

}
