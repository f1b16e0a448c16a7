package dev.bfftemplate.demo.services.data;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in minor units (cents) of an ISO 4217 currency. Minor units avoid
 * floating point rounding in totals.
 *
 * @param minorUnits amount in the currency's smallest unit
 * @param currency ISO 4217 currency code
 */
public record Money(long minorUnits, String currency) {

	/**
	 * Returns this amount multiplied by a quantity.
	 * @param quantity how many
	 * @return the total
	 */
	public Money times(int quantity) {
		return new Money(Math.multiplyExact(this.minorUnits, quantity), this.currency);
	}

	/**
	 * Returns the amount as a plain decimal string in major units, for example
	 * {@code "19.99"}.
	 * @return the decimal amount
	 */
	public String toDecimalString() {
		int digits = Currency.getInstance(this.currency).getDefaultFractionDigits();
		return BigDecimal.valueOf(this.minorUnits, Math.max(digits, 0)).toPlainString();
	}

}
