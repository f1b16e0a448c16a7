package dev.bfftemplate.edge.tls;

import java.net.InetAddress;

import dev.bfftemplate.edge.hygiene.DecodingFailureProblems;
import dev.bfftemplate.edge.hygiene.PublicHosts;
import dev.bfftemplate.edge.problem.RawProblem;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A plain HTTP port ({@code edge.tls.redirect.port}) that answers every request with 308
 * to the same path on the HTTPS port, so {@code http://} links still work while nothing
 * is served in clear text. Only requests for a public host
 * ({@code edge.http.public-hosts}) are redirected; others get a 400 problem. It starts
 * after the HTTPS server and stops before it.
 */
@Component
@ConditionalOnBooleanProperty("edge.tls.redirect.enabled")
public class HttpsRedirectServer implements SmartLifecycle {

	private static final int HTTPS_DEFAULT_PORT = 443;

	private final WebServerApplicationContext context;

	private final TlsProperties.Redirect properties;

	private final InetAddress address;

	private final PublicHosts publicHosts;

	private volatile DisposableServer server;

	HttpsRedirectServer(WebServerApplicationContext context, TlsProperties properties,
			ServerProperties serverProperties, PublicHosts publicHosts) {
		this.context = context;
		this.properties = properties.redirect();
		this.address = serverProperties.getAddress();
		this.publicHosts = publicHosts;
	}

	@Override
	public void start() {
		int httpsPort = this.context.getWebServer().getPort();
		HttpServer http = HttpServer.create().port(this.properties.port());
		if (this.address != null) {
			http = http.host(this.address.getHostAddress());
		}
		this.server = http
			.doOnChannelInit((observer, channel, remoteAddress) -> DecodingFailureProblems.install(channel.pipeline()))
			.handle((request, response) -> redirect(request, response, httpsPort))
			.bindNow();
	}

	private Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response, int httpsPort) {
		if (!this.publicHosts.isHostOf(request)) {
			// never a redirect to a host the client chose
			return RawProblem.send(response, HttpStatus.BAD_REQUEST, PublicHosts.NOT_PUBLIC);
		}
		String location;
		try {
			location = httpsLocation(request, httpsPort);
		}
		catch (IllegalArgumentException ex) {
			// a request target that is not a valid URL: nothing to redirect to
			return RawProblem.send(response, HttpStatus.BAD_REQUEST, "The request target is not a valid URI.");
		}
		return response.status(HttpStatus.PERMANENT_REDIRECT.value())
			.header(HttpHeaders.LOCATION, location)
			.header(HttpHeaders.CONTENT_LENGTH, "0")
			.send();
	}

	private static String httpsLocation(HttpServerRequest request, int httpsPort) {
		String host = UriComponentsBuilder
			.fromUriString("http://" + request.requestHeaders().get(HttpHeaders.HOST, "localhost"))
			.build()
			.getHost();
		return UriComponentsBuilder.fromUriString(request.uri())
			.scheme("https")
			.host(host)
			.port((httpsPort != HTTPS_DEFAULT_PORT) ? httpsPort : -1)
			.build(true)
			.toUriString();
	}

	@Override
	public void stop() {
		DisposableServer running = this.server;
		if (running != null) {
			running.disposeNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port the redirect listens on.
	 * @return the bound port, or -1 when not running
	 */
	public int getPort() {
		DisposableServer running = this.server;
		return (running != null) ? running.port() : -1;
	}

}
