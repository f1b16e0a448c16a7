package dev.bfftemplate.test.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets the libraries every application shares do on an event loop, in the
 * tests of every module that runs BlockHound (registered through
 * {@code META-INF/services}). Each allowance is a one-time read that the library caches;
 * everything else that blocks fails the request.
 */
public class LibraryBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Hibernate Validator reads its message bundle from its jar on the first
		// constraint
		// violation and keeps it (PlatformResourceBundleLocator caches the bundle).
		builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
				"loadBundle");
	}

}
