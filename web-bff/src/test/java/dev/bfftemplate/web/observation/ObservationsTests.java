package dev.bfftemplate.web.observation;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.WebBffTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in request is observed as one server request, not once more per Spring
 * Security filter and authorization decision (the starter's shipped default): those
 * observations cost CPU on every request, sampled or not, and put a dozen spans in each
 * trace.
 */
@WebBffTest
class ObservationsTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void signedInRequestsAreObservedWithoutSpringSecuritysFilterObservations() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		for (int i = 0; i < 3; i++) {
			browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
		}
		assertThat(this.meterRegistry.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meterRegistry.getMeters()).extracting((meter) -> meter.getId().getName())
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

}
