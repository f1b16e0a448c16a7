package dev.bfftemplate.mobile.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.v1.HomeProto;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Protocol Buffers form of the v1 screens never breaks an old app: every field of the
 * released contract ({@code proto-baseline.txt}) is still there with its number, label
 * and type; adding one is fine. The {@code .proto} is served for the app's code
 * generator.
 */
@MobileBffTest
class ProtoContractTests {

	@Autowired
	private WebTestClient client;

	@Test
	void everyReleasedFieldIsStillThere() throws IOException {
		assertThat(missingFromBaseline(HomeProto.getDescriptor())).isEmpty();
	}

	@Test
	void aRemovedRenumberedOrRetypedFieldFails() throws DescriptorValidationException, IOException {
		FileDescriptorProto released = HomeProto.getDescriptor().toProto();
		assertThat(missingFromBaseline(changed(released, (field) -> field.setName("given_name"))))
			.containsExactly("bff.mobile.v1.Home.first_name = 1 optional string");
		assertThat(missingFromBaseline(changed(released, (field) -> field.setNumber(9)))).hasSize(1);
		assertThat(
				missingFromBaseline(changed(released, (field) -> field.setType(FieldDescriptorProto.Type.TYPE_BYTES))))
			.hasSize(1);
	}

	@Test
	void anAddedFieldPasses() throws DescriptorValidationException, IOException {
		FileDescriptorProto.Builder file = HomeProto.getDescriptor().toProto().toBuilder();
		file.getMessageTypeBuilder(0)
			.addField(FieldDescriptorProto.newBuilder()
				.setName("avatar_url")
				.setNumber(5)
				.setType(FieldDescriptorProto.Type.TYPE_STRING)
				.setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
		assertThat(missingFromBaseline(FileDescriptor.buildFrom(file.build(), new FileDescriptor[0]))).isEmpty();
	}

	@Test
	void theProtoFileIsServedForTheMobileTeam() throws IOException {
		byte[] checkedIn = new ClassPathResource("static/mobile/proto/bff/mobile/v1/home.proto")
			.getContentAsByteArray();
		byte[] served = this.client.get()
			.uri("/mobile/proto/bff/mobile/v1/home.proto")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(new String(checkedIn, StandardCharsets.UTF_8))
			.contains("message Home");
	}

	/** The released fields the given contract lacks. */
	private static List<String> missingFromBaseline(FileDescriptor file) throws IOException {
		Set<String> current = new TreeSet<>();
		for (Descriptor message : file.getMessageTypes()) {
			for (FieldDescriptor field : message.getFields()) {
				current.add(describe(field));
			}
		}
		List<String> missing = new ArrayList<>();
		for (String line : new ClassPathResource("proto-baseline.txt").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList()) {
			if (!current.contains(line)) {
				missing.add(line);
			}
		}
		return missing;
	}

	private static String describe(FieldDescriptor field) {
		String type = (field.getType() == FieldDescriptor.Type.MESSAGE)
				? "message " + field.getMessageType().getFullName() : field.getType().name().toLowerCase();
		return field.getFullName() + " = " + field.getNumber() + " " + (field.isRepeated() ? "repeated" : "optional")
				+ " " + type;
	}

	/** The released contract with the first field of {@code Home} changed. */
	private static FileDescriptor changed(FileDescriptorProto released,
			java.util.function.Consumer<FieldDescriptorProto.Builder> change) throws DescriptorValidationException {
		FileDescriptorProto.Builder file = released.toBuilder();
		change.accept(file.getMessageTypeBuilder(0).getFieldBuilder(0));
		return FileDescriptor.buildFrom(file.build(), new FileDescriptor[0]);
	}

}
