package dev.bfftemplate.demo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One application of the stack: where its jar is built, which ports it takes and what
 * kind of part it plays, as listed in {@code stack-apps.txt}.
 *
 * @param name the artifact id, also the name in logs
 * @param module the module directory relative to the project root
 * @param port the public HTTP port
 * @param managementPort the actuator port (loopback only)
 * @param kind the part it plays, which decides how it is wired to the others
 * @param profiles Spring profiles to activate, empty for none
 * @param role what a person opens it for, printed when the stack is up
 */
public record StackApp(String name, String module, int port, int managementPort, Kind kind, List<String> profiles,
		String role) {

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

	private static final String LIST = "stack-apps.txt";

	/**
	 * The whole stack as {@code stack-apps.txt} lists it, in start order: what others
	 * depend on first, the edge last.
	 * @return the applications
	 */
	public static List<StackApp> defaults() {
		try (InputStream in = StackApp.class.getResourceAsStream("/" + LIST)) {
			if (in == null) {
				throw new IllegalStateException(LIST + " is missing from the launcher's classpath");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LIST, ex);
		}
	}

	/**
	 * Reads a list in the format of {@code stack-apps.txt}: one application per line, its
	 * fields separated by blanks, the role last; blank lines and {@code #} comments
	 * skipped.
	 * @param list the text
	 * @return the applications, in the order listed
	 * @throws IllegalArgumentException naming the line that cannot be read
	 */
	static List<StackApp> parse(String list) {
		List<StackApp> apps = new ArrayList<>();
		int number = 0;
		for (String line : list.split("\\R")) {
			number++;
			String content = line.strip();
			if (content.isEmpty() || content.startsWith("#")) {
				continue;
			}
			String[] fields = content.split("\\s+", 7);
			if (fields.length < 7) {
				throw new IllegalArgumentException("Line " + number + " of " + LIST
						+ " needs 7 fields (name module port mgmt kind profiles role): " + content);
			}
			try {
				List<String> profiles = fields[5].equals("-") ? List.of() : List.of(fields[5].split(","));
				apps.add(new StackApp(fields[0], fields[1], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
						Kind.valueOf(fields[4].toUpperCase(Locale.ROOT).replace('-', '_')), profiles, fields[6]));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Line " + number + " of " + LIST + ": " + ex.getMessage(), ex);
			}
		}
		return List.copyOf(apps);
	}

	/**
	 * This application on other ports.
	 * @param port the public port
	 * @param managementPort the management port
	 * @return the moved application
	 */
	public StackApp withPorts(int port, int managementPort) {
		return new StackApp(this.name, this.module, port, managementPort, this.kind, this.profiles, this.role);
	}

	/**
	 * The public base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * The part an application plays in the stack.
	 */
	public enum Kind {

		/** The domain services every BFF calls. */
		SERVICES,

		/** The OpenID provider: BFFs and the edge trust its tokens. */
		AUTH_SERVER,

		/** A BFF that signs browser users in and keeps their sessions. */
		BROWSER_BFF,

		/** A BFF for token- or key-carrying clients. */
		BFF,

		/** The front door, routing to every BFF. */
		EDGE;

		/**
		 * Whether applications of this kind call the services.
		 * @return {@code true} for BFFs
		 */
		public boolean isBff() {
			return this == BROWSER_BFF || this == BFF;
		}

	}

}
