package dev.bfftemplate.partner.contract;

/**
 * An amount of money in the partner contract.
 *
 * @param amount decimal string in major units, for example {@code "19.99"}
 * @param currency ISO 4217 code
 */
public record Money(String amount, String currency) {

}
