package dev.bfftemplate.mobile.testing;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stubs of the demo services' answers, in their real shapes (see {@code demo/services}),
 * for one customer or product at a time.
 */
public final class DemoServices {

	private DemoServices() {
	}

	public static void customer(String id, String name) {
		server().stubFor(get(urlPathEqualTo("/customers/" + id)).willReturn(okJson("""
				{"id":"%s","name":"%s","email":"someone@example.test","tier":"gold","memberSince":"2021-03-04"}"""
			.formatted(id, name))));
	}

	public static void recentOrders(String customerId, int count) {
		StringBuilder orders = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				orders.append(',');
			}
			orders.append(order("o-" + (2000 + i), customerId));
		}
		server().stubFor(get(urlPathEqualTo("/orders"))
			.withQueryParam("customerId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(customerId))
			.willReturn(okJson(
					"{\"customerId\":\"%s\",\"orders\":[%s],\"totalCount\":%d}".formatted(customerId, orders, count))));
	}

	public static String order(String id, String customerId) {
		return """
				{"id":"%s","customerId":"%s","productId":"p-001","productName":"Desk lamp","quantity":2,\
				"unitPrice":"29.99","total":"59.98","currency":"EUR","status":"shipped",\
				"createdAt":"2026-11-20T10:15:30Z"}""".formatted(id, customerId);
	}

	public static void recommendations(String customerId, String... productIds) {
		StringBuilder items = new StringBuilder();
		for (String productId : productIds) {
			if (!items.isEmpty()) {
				items.append(',');
			}
			items.append("{\"productId\":\"%s\",\"name\":\"Product %s\"}".formatted(productId, productId));
		}
		server().stubFor(get(urlPathEqualTo("/recommendations/customers/" + customerId))
			.willReturn(okJson("{\"customerId\":\"%s\",\"items\":[%s]}".formatted(customerId, items))));
	}

	public static void product(String id) {
		server().stubFor(get(urlPathEqualTo("/catalog/products/" + id)).willReturn(okJson("""
				{"id":"%1$s","name":"Product %1$s","description":"A fine product for every home and office.",\
				"category":"home","brand":"Acme","imageUrl":"https://images.example.test/products/%1$s.jpg"}"""
			.formatted(id))));
		server().stubFor(get(urlPathEqualTo("/pricing/prices/" + id))
			.willReturn(okJson("{\"productId\":\"%s\",\"amount\":\"19.90\",\"currency\":\"EUR\"}".formatted(id))));
	}

	public static void stock(String id, int available) {
		server().stubFor(get(urlPathEqualTo("/inventory/stock/" + id))
			.willReturn(okJson("{\"productId\":\"%s\",\"available\":%d,\"warehouse\":\"north\",\"status\":\"IN_STOCK\"}"
				.formatted(id, available))));
	}

	public static void reviews(String id) {
		server().stubFor(get(urlPathEqualTo("/reviews/products/" + id)).willReturn(
				okJson("""
						{"productId":"%s","averageRating":4.5,"count":12,"recent":[\
						{"id":"r1","author":"Ann B.","rating":5,"title":"Great","comment":"Works well, would buy again.","createdAt":"2026-11-01T08:00:00Z"},\
						{"id":"r2","author":"Carl D.","rating":4,"title":"Good","comment":"Does the job.","createdAt":"2026-10-01T08:00:00Z"},\
						{"id":"r3","author":"Eve F.","rating":4,"title":"Fine","comment":"Fine for the price.","createdAt":"2026-09-01T08:00:00Z"},\
						{"id":"r4","author":"Gus H.","rating":5,"title":"Superb","comment":"Best lamp.","createdAt":"2026-08-01T08:00:00Z"}]}"""
					.formatted(id))));
	}

	private static WireMockServer server() {
		return StandIns.services();
	}

}
