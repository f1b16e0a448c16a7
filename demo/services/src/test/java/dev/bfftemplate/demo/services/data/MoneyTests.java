package dev.bfftemplate.demo.services.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTests {

	@Test
	void decimalStringUsesTheCurrencysFractionDigits() {
		assertThat(new Money(1999, "EUR").toDecimalString()).isEqualTo("19.99");
		assertThat(new Money(5, "EUR").toDecimalString()).isEqualTo("0.05");
		assertThat(new Money(1999, "JPY").toDecimalString()).isEqualTo("1999");
	}

	@Test
	void timesMultipliesTheAmountAndKeepsTheCurrency() {
		assertThat(new Money(1999, "EUR").times(3)).isEqualTo(new Money(5997, "EUR"));
	}

}
