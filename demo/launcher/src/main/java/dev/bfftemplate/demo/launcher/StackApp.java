package dev.bfftemplate.demo.launcher;

import java.util.List;

/**
 * One application of the stack: where its jar is built and which ports it takes.
 *
 * @param name the artifact id, also the name in logs
 * @param module the module directory relative to the project root
 * @param port the public HTTP port
 * @param managementPort the actuator port (loopback only)
 * @param role what a person opens it for, printed when the stack is up
 */
public record StackApp(String name, String module, int port, int managementPort, String role) {

	/** Stand-in domain services. */
	public static final String DEMO_SERVICES = "demo-services";

	/** The demo OpenID provider. */
	public static final String AUTH_SERVER = "demo-auth-server";

	/** The browser BFF. */
	public static final String WEB_BFF = "web-bff";

	/** The mobile BFF. */
	public static final String MOBILE_BFF = "mobile-bff";

	/** The partner BFF. */
	public static final String PARTNER_BFF = "partner-bff";

	/** The edge gateway. */
	public static final String EDGE = "edge-gateway";

	/**
	 * The whole stack on the ports of docs/architecture.md, in start order: what others
	 * depend on first, the edge last.
	 * @return the applications
	 */
	public static List<StackApp> defaults() {
		return List.of(new StackApp(DEMO_SERVICES, "demo/services", 8090, 9090, "Demo domain services"),
				new StackApp(AUTH_SERVER, "demo/auth-server", 9000, 10000, "Demo OpenID provider"),
				new StackApp(WEB_BFF, "web-bff", 8081, 9081, "Web BFF"),
				new StackApp(MOBILE_BFF, "mobile-bff", 8082, 9082, "Mobile BFF"),
				new StackApp(PARTNER_BFF, "partner-bff", 8083, 9083, "Partner BFF"),
				new StackApp(EDGE, "edge-gateway", 8080, 9080, "Edge gateway (the one front door)"));
	}

	/**
	 * This application on other ports.
	 * @param port the public port
	 * @param managementPort the management port
	 * @return the moved application
	 */
	public StackApp withPorts(int port, int managementPort) {
		return new StackApp(this.name, this.module, port, managementPort, this.role);
	}

	/**
	 * The public base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
