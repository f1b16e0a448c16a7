package dev.bfftemplate.demo.launcher;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.demo.launcher.StackApp.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The launcher's list of applications is data ({@code stack-apps.txt}): a new BFF is one
 * more line, wired like the others by its kind.
 */
class StackAppTests {

	@Test
	void theShippedListStartsDependenciesFirstAndTheEdgeLastOnDistinctPorts() {
		List<StackApp> apps = StackApp.defaults();
		assertThat(apps).extracting(StackApp::name)
			.containsExactly("demo-services", "demo-auth-server", "web-bff", "mobile-bff", "partner-bff",
					"edge-gateway");
		assertThat(apps.get(apps.size() - 1).kind()).isEqualTo(Kind.EDGE);
		List<Integer> ports = new ArrayList<>();
		apps.forEach((app) -> {
			ports.add(app.port());
			ports.add(app.managementPort());
		});
		assertThat(ports).doesNotHaveDuplicates();
		assertThat(apps).filteredOn((app) -> app.name().equals("partner-bff"))
			.singleElement()
			.satisfies((partner) -> assertThat(partner.profiles()).containsExactly("demo"));
	}

	@Test
	void aNewBffIsOneLineWiredToTheServicesTheIssuerAndTheEdge() {
		List<StackApp> apps = StackApp.parse("""
				demo-services     demo/services      8090  9090   services     -   Demo domain services
				demo-auth-server  demo/auth-server   9000  10000  auth-server  -   Demo OpenID provider
				web-bff           web-bff            8081  9081   browser-bff  -   Web BFF
				kiosk-bff         kiosk-bff          8084  9084   bff          -   Kiosk BFF (in-store screens)
				edge-gateway      edge-gateway       8080  9080   edge         -   Edge gateway
				""");
		StackApp kiosk = apps.get(3);
		assertThat(kiosk.role()).isEqualTo("Kiosk BFF (in-store screens)");
		StackWiring wiring = new StackWiring(apps, apps, new RedisChoice(null));
		assertThat(wiring.argumentsFor(kiosk))
			.contains("--server.port=8084", "--management.server.port=9084",
					"--spring.http.serviceclient.catalog.base-url=http://localhost:8090/catalog",
					"--bff.demo.issuer-uri=http://localhost:9000")
			.noneMatch((arg) -> arg.startsWith("--web-bff."));
		assertThat(wiring.argumentsFor(apps.get(4))).contains("--edge.upstreams.kiosk-bff=http://localhost:8084",
				"--edge.upstreams.web-bff=http://localhost:8081");
	}

	@Test
	void aLineThatCannotBeReadIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> StackApp.parse("# apps\nweb-bff web-bff 8081 9081\n"))
			.withMessageContaining("Line 2")
			.withMessageContaining("7 fields");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackApp.parse("web-bff web-bff 8081 9081 gateway - Web BFF"))
			.withMessageContaining("Line 1")
			.withMessageContaining("GATEWAY");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackApp.parse("web-bff web-bff eighty 9081 bff - Web BFF"))
			.withMessageContaining("Line 1");
	}

}
