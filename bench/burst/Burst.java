import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fires bursts of concurrent requests at one URL and sorts the answers: complete (200
 * with an empty {@code warnings} list), partial (200 with warnings), errors (any other
 * status, by status) and failures (connection errors, no answer within the timeout).
 *
 * <pre>
 * java Burst.java URL CONCURRENCY BURSTS [TIMEOUT_SECONDS]
 * </pre>
 *
 * Prints one Markdown table row: concurrency, requests, complete, partial, errors,
 * failures, p50 and p99 latency in ms, the warning codes and error statuses seen.
 */
public class Burst {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int concurrency = Integer.parseInt(args[1]);
		int bursts = Integer.parseInt(args[2]);
		Duration timeout = Duration.ofSeconds((args.length > 3) ? Long.parseLong(args[3]) : 10);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).build();
		int complete = 0;
		int partial = 0;
		int errors = 0;
		int failures = 0;
		Map<String, Integer> seen = new TreeMap<>();
		List<Long> latencies = new ArrayList<>();
		for (int burst = 0; burst < bursts; burst++) {
			List<CompletableFuture<Answer>> answers = new ArrayList<>(concurrency);
			for (int i = 0; i < concurrency; i++) {
				long start = System.nanoTime();
				answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
					.thenApply((response) -> new Answer(response.statusCode(), response.body(), null,
							System.nanoTime() - start))
					.exceptionally((failure) -> new Answer(0, "", failure, System.nanoTime() - start)));
			}
			for (CompletableFuture<Answer> future : answers) {
				Answer answer = future.join();
				latencies.add(answer.nanos());
				if (answer.failure() != null) {
					failures++;
					Throwable cause = (answer.failure() instanceof CompletionException) ? answer.failure().getCause()
							: answer.failure();
					seen.merge((cause instanceof HttpTimeoutException) ? "no answer" : cause.getClass().getSimpleName(),
							1, Integer::sum);
				}
				else if (answer.status() != 200) {
					errors++;
					seen.merge(String.valueOf(answer.status()), 1, Integer::sum);
				}
				else if (answer.body().contains("\"warnings\":[]")) {
					complete++;
				}
				else {
					partial++;
					String marker = "\"code\":\"";
					for (int at = answer.body().indexOf(marker); at >= 0; at = answer.body().indexOf(marker, at + 1)) {
						int start = at + marker.length();
						seen.merge(answer.body().substring(start, answer.body().indexOf('"', start)), 1, Integer::sum);
					}
				}
			}
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("| %d | %d | %d | %d | %d | %d | %.1f | %.1f | %s |%n", concurrency, sorted.length, complete,
				partial, errors, failures, percentile(sorted, 50), percentile(sorted, 99),
				seen.isEmpty() ? "-" : seen.toString());
	}

	private static double percentile(long[] sorted, int percent) {
		int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
		return sorted[index] / 1_000_000.0;
	}

	record Answer(int status, String body, Throwable failure, long nanos) {

	}

}
