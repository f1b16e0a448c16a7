package dev.bfftemplate.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports for a stack run by a test, so it never collides with a stack a
 * developer has running on the default ports.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * A port nothing listens on right now.
	 * @return the port
	 */
	public static int next() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
