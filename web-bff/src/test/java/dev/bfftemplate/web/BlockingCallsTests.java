package dev.bfftemplate.web;

import dev.bfftemplate.test.blockhound.BlockHoundInstalled;
import org.junit.jupiter.api.Test;

/**
 * Every test of this module runs with BlockHound (blockhound-junit-platform, see the
 * pom): a blocking call on an event loop anywhere in them fails.
 */
class BlockingCallsTests {

	@Test
	void blockingOnANonBlockingThreadFails() {
		BlockHoundInstalled.assertBlockingCallsFail();
	}

}
