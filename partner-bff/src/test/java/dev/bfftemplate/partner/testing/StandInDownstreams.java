package dev.bfftemplate.partner.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

/**
 * One WireMock server standing in for every demo domain service (each under its own path
 * prefix, as in {@code demo/services}), shared by the whole test JVM. Tests stub paths
 * unique to their own partner or product, so they never see each other's stubs.
 */
public final class StandInDownstreams {

	private static final WireMockServer SHARED = WireMockDownstreams.start();

	private StandInDownstreams() {
	}

	/**
	 * The shared server.
	 * @return the server
	 */
	public static WireMockServer shared() {
		return SHARED;
	}

}
