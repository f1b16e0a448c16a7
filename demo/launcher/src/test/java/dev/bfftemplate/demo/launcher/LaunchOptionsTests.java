package dev.bfftemplate.demo.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchOptionsTests {

	@Test
	void noOptionsRunsEverythingInMemoryWithOutput() {
		LaunchOptions options = LaunchOptions.parse(List.of(), Map.of());
		assertThat(options.only()).isEmpty();
		assertThat(options.redis()).isEmpty();
		assertThat(options.quiet()).isFalse();
		assertThat(options.jvmOptions()).isEmpty();
	}

	@Test
	void jvmOptionsComeFromTheCommandLineBeforeTheEnvironment() {
		Map<String, String> environment = Map.of("BFF_JVM_OPTIONS", " -XX:+UseSerialGC  -Xmx256m ");
		assertThat(LaunchOptions.parse(List.of(), environment).jvmOptions())
			.contains(List.of("-XX:+UseSerialGC", "-Xmx256m"));
		assertThat(LaunchOptions.parse(List.of("--jvm-options=-XX:+UseParallelGC -Xmx512m"), environment).jvmOptions())
			.contains(List.of("-XX:+UseParallelGC", "-Xmx512m"));
	}

	@Test
	void parsesEveryOption() {
		LaunchOptions options = LaunchOptions.parse(List.of("--only=demo-services, demo-auth-server",
				"--redis=redis://localhost:6380", "--quiet", "--root=/tmp/project"));
		assertThat(options.only()).contains(List.of("demo-services", "demo-auth-server"));
		assertThat(options.redis()).contains("redis://localhost:6380");
		assertThat(options.quiet()).isTrue();
		assertThat(options.root()).contains(Path.of("/tmp/project"));
	}

	@Test
	void portOffsetMovesEveryPortAndIsBounded() {
		assertThat(LaunchOptions.parse(List.of(), Map.of()).portOffset()).isZero();
		assertThat(LaunchOptions.parse(List.of("--port-offset=10000"), Map.of()).portOffset()).isEqualTo(10000);
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(List.of("--port-offset=60000")))
			.withMessageContaining("from 0 to " + LaunchOptions.MAX_PORT_OFFSET);
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(List.of("--port-offset=ten")))
			.withMessageContaining("'ten'");
	}

	@Test
	void unknownOptionSaysWhatIsAccepted() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(List.of("--prot=1")))
			.withMessageContaining("--prot=1")
			.withMessageContaining("--only=");
	}

}
