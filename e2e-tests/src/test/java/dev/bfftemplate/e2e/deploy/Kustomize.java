package dev.bfftemplate.e2e.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Renders a kustomization the way {@code kubectl apply -k} would, with the
 * {@code kubectl} found in {@code $KUBECTL}, on the {@code PATH} or at
 * {@code /usr/bin/kubectl}. Without one the calling test fails and says so: the overlays
 * are what a cluster gets, so they are never checked from the raw files instead.
 */
final class Kustomize {

	private static final long TIMEOUT_SECONDS = 60;

	private Kustomize() {
	}

	static String render(Path kustomization) {
		Path kubectl = kubectl();
		try {
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
					.redirectError(errors.toFile())
					.start();
				process.getOutputStream().close();
				String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					fail("kubectl kustomize %s took longer than %d s", kustomization, TIMEOUT_SECONDS);
				}
				if (process.exitValue() != 0) {
					fail("kubectl kustomize %s failed: %s", kustomization, Files.readString(errors));
				}
				return rendered;
			}
			finally {
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + kubectl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while rendering " + kustomization, ex);
		}
	}

	private static Path kubectl() {
		String configured = System.getenv("KUBECTL");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, "kubectl");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path usual = Path.of("/usr/bin/kubectl");
		if (Files.isExecutable(usual)) {
			return usual;
		}
		return fail("kubectl not found (not in $KUBECTL, on the PATH or at /usr/bin/kubectl): the Kubernetes "
				+ "overlays in deploy/ are checked as `kubectl kustomize` renders them. Install kubectl "
				+ "(https://kubernetes.io/docs/tasks/tools/) or point KUBECTL at it.");
	}

}
