package dev.bfftemplate.edge;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * A stand-in for a canary release of web-bff that answers 200 to everything.
 */
class WireMockCanary {

	private final WireMockServer server = WireMockDownstreams.start();

	WireMockCanary() {
		reset();
	}

	void reset() {
		this.server.resetAll();
		this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	int requests() {
		return this.server.findAll(anyRequestedFor(anyUrl())).size();
	}

	void stop() {
		this.server.stop();
	}

}
