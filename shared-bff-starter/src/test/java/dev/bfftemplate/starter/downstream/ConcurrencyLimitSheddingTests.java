package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.bfftemplate.starter.SampleBffApplication.ItemClient;
import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Parts;
import dev.bfftemplate.starter.fanout.Reason;
import dev.bfftemplate.starter.fanout.Warning;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adaptive concurrency limit of the {@code slowing} downstream (AIMD, 8 calls at
 * most, 2 at least, slow above 500 ms) against a WireMock stub whose latency rises: the
 * limit lets a healthy burst through, shrinks once calls get slow, and then sheds the
 * calls over it before they start while the others complete.
 */
@SampleBffTest
class ConcurrencyLimitSheddingTests {

	private static final int BURST = 8;

	private static final String PATH = "/slowing/items/1";

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private FanOut fanOut;

	@Autowired
	private HttpServiceProxyRegistry clients;

	@Autowired
	private Downstreams registered;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
	}

	@Test
	void shedsOnlyOnceTheDownstreamGetsSlow() {
		ConcurrencyLimit limit = this.registered.get("slowing").concurrencyLimit();
		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"1\",\"name\":\"fast\"}")));
		// a cold client's first calls may be slow: healthy bursts until the limit is at
		// its maximum
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			assertThat(burst()).flatExtracting(Parts::warnings).isEmpty();
			return limit.limit() == BURST;
		});
		int healthyCalls = this.downstreams.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();

		this.downstreams.stubFor(
				get(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"1\",\"name\":\"slow\"}").withFixedDelay(1500)));
		assertThat(burst()).as("slow calls are let through until they have shown they are slow")
			.flatExtracting(Parts::warnings)
			.isEmpty();
		assertThat(limit.limit()).isEqualTo(2);

		List<Parts> shed = burst();
		assertThat(shed).filteredOn(Parts::complete).hasSize(2);
		assertThat(shed).filteredOn((parts) -> !parts.complete())
			.hasSize(BURST - 2)
			.allSatisfy((parts) -> assertThat(parts.warnings())
				.containsExactly(new Warning("slowing-unavailable", "slowing", Reason.REJECTED)));
		// rejected calls never reached the downstream: the slow burst and the 2 let
		// through
		this.downstreams.verify(healthyCalls + BURST + 2, getRequestedFor(urlPathEqualTo(PATH)));
	}

	private List<Parts> burst() {
		ItemClient client = this.clients.getClient("slowing", ItemClient.class);
		return Flux.range(0, BURST).flatMap((i) -> {
			FanOutRequest request = this.fanOut.request();
			request.call("slowing", client.item("1"));
			return request.assemble((parts) -> parts);
		}, BURST).collectList().block(Duration.ofSeconds(20));
	}

}
