package dev.bfftemplate.mobile.orders;

/**
 * An order as the app sends it. The customer is not part of it: it comes from the access
 * token. The orders service owns every rule about these fields.
 *
 * @param productId the product
 * @param quantity how many
 */
record OrderForm(String productId, Integer quantity) {

}
