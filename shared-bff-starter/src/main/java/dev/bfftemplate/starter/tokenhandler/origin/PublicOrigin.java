package dev.bfftemplate.starter.tokenhandler.origin;

import java.net.URI;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where browsers reach the web app (the edge's origin,
 * {@code bff.token-handler.public-base-url}): every absolute URL the token handler hands
 * out (the post-logout redirect URI, the return after login) is built from it, never from
 * a request's {@code Host} or {@code X-Forwarded-*} headers, which a client can forge.
 * The provider registers exactly the URLs built from it; the application builds its
 * OAuth2 redirect URI from it too.
 *
 * @param publicBaseUrl scheme, host and port, such as {@code https://shop.example.com}
 */
public record PublicOrigin(URI publicBaseUrl) {

	public PublicOrigin {
		Assert.notNull(publicBaseUrl, "bff.token-handler.public-base-url is required");
		boolean web = "http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme());
		boolean originOnly = (publicBaseUrl.getRawPath() == null || publicBaseUrl.getRawPath().isEmpty()
				|| publicBaseUrl.getRawPath().equals("/")) && publicBaseUrl.getRawQuery() == null
				&& publicBaseUrl.getRawFragment() == null && publicBaseUrl.getRawUserInfo() == null;
		if (!web || !StringUtils.hasText(publicBaseUrl.getHost()) || !originOnly) {
			throw new IllegalArgumentException(
					"bff.token-handler.public-base-url must be an http(s) origin such as https://shop.example.com, not "
							+ publicBaseUrl);
		}
	}

	/**
	 * An absolute URL of this web app.
	 * @param path a path on this site, starting with {@code /} (may carry a query)
	 * @return the URL at the public origin
	 */
	public String urlOf(String path) {
		return UriComponentsBuilder.fromUri(this.publicBaseUrl).replacePath(null).build().toUriString() + path;
	}

}
