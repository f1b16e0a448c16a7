package dev.bfftemplate.web.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error web-bff gives must look like: {@code application/problem+json} whose
 * {@code status} is the HTTP status, with a {@code traceId}, and nothing that names how
 * web-bff or its dependencies are built.
 */
public final class ProblemAnswers {

	private static final List<String> INTERNAL_NAMES = List.of("Exception", "static resource", "springframework",
			"bfftemplate", "reactor", "lettuce", "redis", "Redis", "localhost", "127.0.0.1", ".internal", "\tat ",
			"cluster.local");

	private ProblemAnswers() {
	}

	/**
	 * Asserts that the answer is a problem of the given status and returns it.
	 * @param answer the exchanged request
	 * @param status the expected HTTP status
	 * @return the problem's members
	 */
	public static Map<String, Object> assertProblem(WebTestClient.ResponseSpec answer, int status) {
		EntityExchangeResult<byte[]> result = answer.expectBody().returnResult();
		String body = new String((result.getResponseBody() != null) ? result.getResponseBody() : new byte[0],
				StandardCharsets.UTF_8);
		assertThat(result.getStatus().value()).as(body).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).as("content type of " + body)
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, Object> problem = JsonMapper.builder().build().readValue(body, Map.class);
		assertThat(problem).as(body).containsEntry("status", status);
		assertThat(problem.get("traceId")).as("traceId of " + body).isInstanceOf(String.class);
		assertThat((String) problem.get("traceId")).matches("[0-9a-f]{32}");
		assertThat(body).as("internal names").doesNotContain(INTERNAL_NAMES);
		return problem;
	}

}
