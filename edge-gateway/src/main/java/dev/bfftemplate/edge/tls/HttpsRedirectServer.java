package dev.bfftemplate.edge.tls;

import java.net.InetAddress;

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
 * is served in clear text. It starts after the HTTPS server and stops before it.
 */
@Component
@ConditionalOnBooleanProperty("edge.tls.redirect.enabled")
public class HttpsRedirectServer implements SmartLifecycle {

	private static final int HTTPS_DEFAULT_PORT = 443;

	private final WebServerApplicationContext context;

	private final TlsProperties.Redirect properties;

	private final InetAddress address;

	private volatile DisposableServer server;

	HttpsRedirectServer(WebServerApplicationContext context, TlsProperties properties,
			ServerProperties serverProperties) {
		this.context = context;
		this.properties = properties.redirect();
		this.address = serverProperties.getAddress();
	}

	@Override
	public void start() {
		int httpsPort = this.context.getWebServer().getPort();
		HttpServer http = HttpServer.create().port(this.properties.port());
		if (this.address != null) {
			http = http.host(this.address.getHostAddress());
		}
		this.server = http.handle((request, response) -> redirect(request, response, httpsPort)).bindNow();
	}

	private Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response, int httpsPort) {
		String location;
		try {
			location = httpsLocation(request, httpsPort);
		}
		catch (IllegalArgumentException ex) {
			// a Host or request target that is not a valid URL: nothing to redirect to
			return response.status(HttpStatus.BAD_REQUEST.value()).header(HttpHeaders.CONTENT_LENGTH, "0").send();
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
