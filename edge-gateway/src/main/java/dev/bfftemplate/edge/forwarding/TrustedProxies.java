package dev.bfftemplate.edge.forwarding;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells whether an address belongs to a trusted proxy (see
 * {@link ForwardingProperties#trustedProxies()}).
 */
@Component
class TrustedProxies {

	private final Pattern pattern;

	TrustedProxies(ForwardingProperties properties) {
		this.pattern = StringUtils.hasText(properties.trustedProxies()) ? Pattern.compile(properties.trustedProxies())
				: null;
	}

	boolean isTrusted(String address) {
		return this.pattern != null && address != null && this.pattern.matcher(address).matches();
	}

}
