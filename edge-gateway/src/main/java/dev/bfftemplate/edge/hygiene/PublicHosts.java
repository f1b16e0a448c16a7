package dev.bfftemplate.edge.hygiene;

import java.util.List;
import java.util.Locale;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.stereotype.Component;

/**
 * The host names the edge answers for ({@code edge.http.public-hosts}). An entry without
 * a port allows any port; an entry with a port allows only that one (a host named without
 * a port stands for the scheme's default port). Names compare case-insensitively; IPv6
 * addresses are written in brackets ({@code [::1]}).
 */
@Component
public class PublicHosts {

	/**
	 * The problem detail for a request for another host (it never names the host).
	 */
	public static final String NOT_PUBLIC = "The request is not for a host this server answers.";

	private static final int ANY_PORT = -1;

	private static final int HTTP_PORT = 80;

	private static final int HTTPS_PORT = 443;

	private static final int MAX_PORT = 65535;

	private final List<Authority> hosts;

	PublicHosts(EdgeHttpProperties properties) {
		this.hosts = properties.publicHosts().stream().map((host) -> Authority.parse(host, ANY_PORT)).toList();
	}

	/**
	 * Whether a request names exactly one {@code Host}, and a public one.
	 * @param request the request
	 * @return whether the edge answers it
	 */
	public boolean isHostOf(HttpServerRequest request) {
		List<String> hosts = request.requestHeaders().getAll(HttpHeaderNames.HOST);
		int defaultPort = "https".equals(request.scheme()) ? HTTPS_PORT : HTTP_PORT;
		return hosts.size() == 1 && contains(hosts.get(0), defaultPort);
	}

	/**
	 * Whether a {@code Host} value reads as {@code host} or {@code host:port}, public or
	 * not.
	 * @param authority the value
	 * @return whether it can be read
	 */
	static boolean isAuthority(String authority) {
		return Authority.parse(authority, ANY_PORT) != null;
	}

	/**
	 * Whether a {@code Host} value (or the authority of a URL) names a public host.
	 * @param authority {@code host} or {@code host:port}; may be {@code null}
	 * @param defaultPort the port meant when the authority names none
	 * @return whether the edge answers for it
	 */
	public boolean contains(String authority, int defaultPort) {
		Authority requested = Authority.parse(authority, defaultPort);
		if (requested == null) {
			return false;
		}
		for (Authority host : this.hosts) {
			if (host != null && host.host().equals(requested.host())
					&& (host.port() == ANY_PORT || host.port() == requested.port())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A host and port, or {@code null} when the text is not one.
	 */
	private record Authority(String host, int port) {

		static Authority parse(String text, int defaultPort) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String value = text.trim().toLowerCase(Locale.ROOT);
			int portSeparator = value.startsWith("[") ? value.indexOf("]:") + 1 : value.indexOf(':');
			if (portSeparator <= 0) {
				return new Authority(value, defaultPort);
			}
			String port = value.substring(portSeparator + 1);
			if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(port) > MAX_PORT) {
				return null;
			}
			return new Authority(value.substring(0, portSeparator), Integer.parseInt(port));
		}

	}

}
