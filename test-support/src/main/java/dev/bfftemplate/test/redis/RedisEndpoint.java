package dev.bfftemplate.test.redis;

/**
 * Where a test's real Redis answers.
 *
 * @param host the host name or address
 * @param port the port
 * @param origin how the server was found: an explicit URL, a started {@code redis-server}
 * or a container
 */
public record RedisEndpoint(String host, int port, String origin) {

	/**
	 * The endpoint as a {@code redis://} URL.
	 * @return the URL
	 */
	public String url() {
		return "redis://" + this.host + ":" + this.port;
	}

}
