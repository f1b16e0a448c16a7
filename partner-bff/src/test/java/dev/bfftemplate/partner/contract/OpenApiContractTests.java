package dev.bfftemplate.partner.contract;

import java.nio.charset.StandardCharsets;

import dev.bfftemplate.partner.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker that every test answer goes through must fail answers that drift from the
 * contract.
 */
class OpenApiContractTests {

	private static final OpenApiContract contract = OpenApiContract.v1();

	private static final String ORDER = """
			{"id":"o-1","productId":"p-1","productName":"Mug","quantity":1,"unitPrice":{"amount":"1.00","currency":"EUR"},
			 "total":{"amount":"1.00","currency":"EUR"},"status":"placed","createdAt":"2026-01-01T00:00:00Z"}""";

	@Test
	void answerAsDocumentedPasses() {
		assertThat(contract.violations("GET", "/partner/v1/orders/o-1", 200, jsonWithRateLimits(), bytes(ORDER)))
			.isEmpty();
	}

	@Test
	void missingOrMistypedFieldFails() {
		String drifted = ORDER.replace("\"quantity\":1", "\"quantity\":\"1\"").replace("\"status\":\"placed\",", "");
		assertThat(contract.violations("GET", "/partner/v1/orders/o-1", 200, jsonWithRateLimits(), bytes(drifted)))
			.hasSize(2);
	}

	@Test
	void missingRequiredHeaderFails() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(contract.violations("GET", "/partner/v1/orders/o-1", 200, headers, bytes(ORDER)))
			.containsExactlyInAnyOrder("GET /partner/v1/orders/o-1 -> 200: missing header RateLimit-Policy",
					"GET /partner/v1/orders/o-1 -> 200: missing header RateLimit");
	}

	@Test
	void undocumentedStatusOrPathFails() {
		assertThat(contract.violations("GET", "/partner/v1/orders/o-1", 418, jsonWithRateLimits(), bytes(ORDER)))
			.containsExactly("GET /partner/v1/orders/o-1 -> 418: undocumented status");
		assertThat(contract.violations("GET", "/partner/v1/invoices", 200, jsonWithRateLimits(), bytes(ORDER)))
			.containsExactly("GET /partner/v1/invoices -> 200: undocumented path");
	}

	@Test
	void problemWithoutTraceIdFails() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(contract.violations("GET", "/partner/v1/orders/o-1", 404, headers,
				bytes("{\"title\":\"Not Found\",\"status\":404}")))
			.singleElement()
			.asString()
			.contains("traceId");
	}

	private static HttpHeaders jsonWithRateLimits() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("RateLimit-Policy", "\"per-second\";q=10;w=1");
		headers.set("RateLimit", "\"per-second\";r=9;t=1");
		return headers;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
