package dev.bfftemplate.web.origin;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where browsers reach the web app (the edge's origin): every absolute URL web-bff hands
 * out (the OAuth2 redirect URI, the post-logout redirect URI, the return after login) is
 * built from it, never from a request's {@code Host} or {@code X-Forwarded-*} headers,
 * which a client can forge. The provider registers exactly the URLs built from it.
 *
 * @param publicBaseUrl scheme, host and port, such as {@code https://shop.example.com}
 */
@ConfigurationProperties("web-bff")
@Validated
public record PublicOrigin(@NotNull URI publicBaseUrl) {

	public PublicOrigin {
		if (publicBaseUrl != null) {
			boolean web = "http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme());
			boolean originOnly = (publicBaseUrl.getRawPath() == null || publicBaseUrl.getRawPath().isEmpty()
					|| publicBaseUrl.getRawPath().equals("/")) && publicBaseUrl.getRawQuery() == null
					&& publicBaseUrl.getRawFragment() == null && publicBaseUrl.getRawUserInfo() == null;
			if (!web || !StringUtils.hasText(publicBaseUrl.getHost()) || !originOnly) {
				throw new IllegalArgumentException(
						"web-bff.public-base-url must be an http(s) origin such as https://shop.example.com, not "
								+ publicBaseUrl);
			}
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
