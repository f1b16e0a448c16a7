package dev.bfftemplate.partner.audit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PartnerBffTest
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	private static final Pattern LINE = Pattern
		.compile("partner=(\\S+) operation=\"([^\"]+)\" status=(\\d+) latencyMs=(\\d+) traceId=([0-9a-f]{32})");

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void eachCallIsOneAuditLineWithoutBodiesOrKeys(CapturedOutput output) {
		services.stubFor(get("/orders/partners/acme/o-5801").willReturn(
				okJson("""
						{"id":"o-5801","customerId":"c-041","productId":"p-001","productName":"Secret mug","quantity":1,
						 "unitPrice":"1.00","total":"1.00","currency":"EUR","status":"placed","createdAt":"2026-01-01T10:00:00Z"}""")));
		this.client.get()
			.uri("/partner/v1/orders/o-5801")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/partner/v1/orders/o-5801")
			.header("X-API-Key", "wrong")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		await().untilAsserted(() -> assertThat(auditLines(output)).hasSize(2));
		List<Matcher> lines = auditLines(output);
		assertThat(lines.get(0).group(1)).isEqualTo("acme");
		assertThat(lines.get(0).group(2)).isEqualTo("GET /partner/v1/orders/{id}");
		assertThat(lines.get(0).group(3)).isEqualTo("200");
		assertThat(lines.get(1).group(1)).isEqualTo("-");
		assertThat(lines.get(1).group(3)).isEqualTo("401");
		assertThat(lines.get(0).group(5)).isNotEqualTo(lines.get(1).group(5));
		assertThat(output.getAll()).doesNotContain("Secret mug").doesNotContain(TestPartners.ACME_KEY);
	}

	private static List<Matcher> auditLines(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("dev.bfftemplate.partner.audit"))
			.map(LINE::matcher)
			.filter(Matcher::find)
			.toList();
	}

}
