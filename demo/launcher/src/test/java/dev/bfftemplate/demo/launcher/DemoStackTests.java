package dev.bfftemplate.demo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class DemoStackTests {

	@TempDir
	Path root;

	@Test
	void findsTheExecutableJarAndIgnoresTheOthers() throws IOException {
		Path target = Files.createDirectories(this.root.resolve("web-bff/target"));
		Files.createFile(target.resolve("web-bff-0.1.0-SNAPSHOT-sources.jar"));
		Files.createFile(target.resolve("web-bff-0.1.0-SNAPSHOT-plain.jar"));
		Path jar = Files.createFile(target.resolve("web-bff-0.1.0-SNAPSHOT.jar"));
		StackApp web = app(StackApp.WEB_BFF);
		assertThat(DemoStack.findJar(this.root, web)).contains(jar);
		assertThat(DemoStack.findJar(this.root, app(StackApp.EDGE))).isEmpty();
	}

	@Test
	void unbuiltAppIsSkippedWithAnInstruction() {
		List<String> lines = new ArrayList<>();
		try (DemoStack stack = DemoStack.builder(this.root).only(List.of(StackApp.EDGE)).log(lines::add).start()) {
			assertThat(stack.apps()).isEmpty();
		}
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line).contains("skipping edge-gateway").contains("./mvnw -DskipTests package"));
	}

	@Test
	void unbuiltAppFailsWhenAllAreRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoStack.builder(this.root).only(List.of(StackApp.EDGE)).requireAll().log((line) -> {
			}).start())
			.withMessageContaining("edge-gateway is not built");
	}

	@Test
	void unknownAppIsRefusedWithTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoStack.builder(this.root).only(List.of("billing")))
			.withMessageContaining("billing")
			.withMessageContaining("web-bff");
	}

	@Test
	void appThatExitsEarlyFailsTheStartWithItsName() throws IOException {
		Path target = Files.createDirectories(this.root.resolve("demo/services/target"));
		Files.writeString(target.resolve("demo-services-0.1.0-SNAPSHOT.jar"), "not a jar");
		assertThatIllegalStateException().isThrownBy(() -> DemoStack.builder(this.root)
			.only(List.of(StackApp.DEMO_SERVICES))
			.ports(StackApp.DEMO_SERVICES, 0, 0)
			.logDir(this.root.resolve("logs"))
			.log((line) -> {
			})
			.start()).withMessageContaining("demo-services exited with code");
	}

	@Test
	void stoppedWhileStartingStopsWhatHasStarted() throws Exception {
		Path target = Files.createDirectories(this.root.resolve("demo/services/target"));
		Files.createFile(target.resolve("demo-services-0.1.0-SNAPSHOT.jar"));
		AtomicReference<DemoStack> created = new AtomicReference<>();
		CompletableFuture<DemoStack> start = CompletableFuture.supplyAsync(() -> DemoStack.builder(this.root)
			.only(List.of(StackApp.DEMO_SERVICES, StackApp.AUTH_SERVER))
			.ports(StackApp.DEMO_SERVICES, 0, TestSocketUtils.findAvailableTcpPort())
			// "java <options> -jar <jar> ...": the options name a main class that never
			// gets ready
			.javaOptions(List.of("-cp", System.getProperty("java.class.path"), NeverReady.class.getName()))
			.logDir(this.root.resolve("logs"))
			.log((line) -> {
			})
			.start(created::set));
		await("demo-services started").atMost(Duration.ofSeconds(30))
			.until(() -> created.get() != null && !created.get().apps().isEmpty());
		ProcessHandle services = created.get().process(StackApp.DEMO_SERVICES);

		created.get().close();

		assertThat(start).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(services.isAlive()).isFalse();
		assertThat(created.get().apps()).extracting(StackApp::name).containsExactly(StackApp.DEMO_SERVICES);
	}

	private static StackApp app(String name) {
		return StackApp.defaults().stream().filter((app) -> app.name().equals(name)).findFirst().orElseThrow();
	}

}
