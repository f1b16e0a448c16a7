package dev.bfftemplate.edge.hygiene;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

import dev.bfftemplate.edge.problem.RawProblem;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;

/**
 * Refuses, before Spring WebFlux sees them, requests that are not for this edge or that
 * it cannot read, with a 400 problem that echoes nothing of them:
 * <ul>
 * <li>a {@code Host} that is not one of {@code edge.http.public-hosts}, or a missing,
 * empty or repeated one: the BFFs build links and redirects from it
 * ({@code X-Forwarded-Host});</li>
 * <li>an absolute-form target for another authority ({@code GET
 * http://169.254.169.254/latest/meta-data HTTP/1.1}), which would otherwise be served as
 * a path;</li>
 * <li>a target that is not a valid URI (a backslash, a space): Spring answers those with
 * an empty 400.</li>
 * </ul>
 * Only the public port has this guard. The probe paths ({@code edge.http.any-host-paths})
 * answer any {@code Host}, since orchestrators call them with the pod's address.
 */
class PublicRequestGuard implements NettyRouteProvider {

	private static final int HTTP_PORT = 80;

	private static final int HTTPS_PORT = 443;

	private final PublicHosts publicHosts;

	private final Set<String> anyHostPaths;

	PublicRequestGuard(PublicHosts publicHosts, List<String> anyHostPaths) {
		this.publicHosts = publicHosts;
		this.anyHostPaths = Set.copyOf(anyHostPaths);
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> refusal(request) != null, this::refuse);
	}

	private Publisher<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
		return RawProblem.send(response, HttpStatus.BAD_REQUEST, refusal(request));
	}

	/**
	 * Why the request is refused.
	 * @return the problem detail, or {@code null} when the request may go on
	 */
	private String refusal(HttpServerRequest request) {
		String target = request.uri();
		URI uri;
		try {
			uri = new URI(target);
		}
		catch (URISyntaxException ex) {
			return "The request target is not a valid URI.";
		}
		if (uri.getScheme() == null && this.anyHostPaths.contains(uri.getRawPath())) {
			return null;
		}
		if (!this.publicHosts.isHostOf(request)) {
			return PublicHosts.NOT_PUBLIC;
		}
		if (uri.getScheme() != null) {
			// absolute-form: its authority, not Host, says where the request goes
			int port = "https".equalsIgnoreCase(uri.getScheme()) ? HTTPS_PORT : HTTP_PORT;
			if (!this.publicHosts.contains(uri.getRawAuthority(), port)) {
				return PublicHosts.NOT_PUBLIC;
			}
		}
		else if (!target.startsWith("/")) {
			return "The request target is not a valid URI.";
		}
		return null;
	}

}
