package dev.bfftemplate.demo.services.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a product can be ordered now.
 */
enum StockStatus {

	IN_STOCK("in-stock"), LOW("low"), OUT("out");

	private final String value;

	StockStatus(String value) {
		this.value = value;
	}

	@JsonValue
	String value() {
		return this.value;
	}

}
