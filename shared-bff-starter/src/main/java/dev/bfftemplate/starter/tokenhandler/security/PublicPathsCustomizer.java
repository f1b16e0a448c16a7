package dev.bfftemplate.starter.tokenhandler.security;

import java.util.List;

/**
 * Names the paths of an application that anyone may request without signing in (its
 * single-page app's files, say). The token handler's own public endpoints (login,
 * back-channel logout, {@code /livez}, {@code /readyz}, {@code /error}) need no
 * customizer; every other path needs a signed-in session. Every bean of this type is
 * called.
 */
@FunctionalInterface
public interface PublicPathsCustomizer {

	/**
	 * Adds path patterns ({@code PathPattern} syntax, such as {@code /app/**}).
	 * @param publicPaths the public paths so far
	 */
	void customize(List<String> publicPaths);

}
