package dev.bfftemplate.web.orders;

/**
 * An order as the web app sends it. The customer is not part of it: it comes from the
 * session. The orders service owns every rule about these fields.
 *
 * @param productId the product
 * @param quantity how many
 */
record OrderForm(String productId, Integer quantity) {

}
