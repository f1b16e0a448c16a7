package dev.bfftemplate.demo.launcher;

/**
 * An "application" for tests that starts and never becomes ready (it never answers on its
 * management port) until it is stopped.
 */
public final class NeverReady {

	private NeverReady() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread.sleep(Long.MAX_VALUE);
	}

}
