package dev.bfftemplate.edge;

import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a raw answer (see {@link RawHttp}) is a problem the way the edge promises:
 * {@code application/problem+json}, {@code status} equal to the HTTP status, a
 * {@code traceId}, and nothing internal (class or library names, stack frames, upstream
 * addresses) nor the request's own host.
 */
public final class ProblemAnswers {

	private static final String[] INTERNAL = { "netty", "reactor", "exception", "java.", "\tat ", "springframework",
			"127.0.0.1", "169.254", "evil.example" };

	private ProblemAnswers() {
	}

	/**
	 * Assert the raw response is a problem answer with the given status.
	 * @param response the raw response
	 * @param status the expected status
	 * @return the problem body
	 */
	public static JsonNode assertProblem(String response, int status) {
		assertThat(RawHttp.status(response)).as(response).isEqualTo(status);
		int headEnd = response.indexOf("\r\n\r\n");
		String head = response.substring(0, headEnd).toLowerCase(Locale.ROOT);
		assertThat(head).as(response).contains("content-type: application/problem+json");
		String body = response.substring(headEnd + 4);
		JsonNode problem = JsonMapper.shared().readTree(body);
		assertThat(problem.get("status").asInt()).as(body).isEqualTo(status);
		assertThat(problem.get("traceId").asString()).as(body).matches("[0-9a-f]{32}");
		String lowerBody = body.toLowerCase(Locale.ROOT);
		for (String internal : INTERNAL) {
			assertThat(lowerBody).as(body).doesNotContain(internal);
		}
		for (int port : new int[] { EdgeTestEnvironment.WEB.port(), EdgeTestEnvironment.MOBILE.port(),
				EdgeTestEnvironment.PARTNER.port() }) {
			assertThat(body).doesNotContain(String.valueOf(port));
		}
		return problem;
	}

}
