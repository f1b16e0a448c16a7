package dev.bfftemplate.test.actuator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Samples of a scrape are found by name and labels, whatever the order of the labels and
 * with quotes, commas and braces inside their values.
 */
class PrometheusScrapeTests {

	private static final String TEXT = """
			# HELP bff_downstream_calls_seconds one call
			# TYPE bff_downstream_calls_seconds histogram
			bff_downstream_calls_seconds_bucket{downstream="catalog",outcome="success",le="0.1"} 3
			bff_downstream_calls_seconds_bucket{downstream="catalog",outcome="success",le="+Inf"} 4
			bff_downstream_calls_seconds_count{downstream="catalog",outcome="success"} 4
			bff_downstream_calls_seconds_count{downstream="catalog",outcome="error"} 1
			bff_partial_responses_total{code="a,b",dependency="x{y}",reason="say \\"hi\\""} 2.0
			resilience4j_circuitbreaker_state{name="catalog",state="closed"} 1.0
			process_uptime_seconds 12.5
			""";

	private final PrometheusScrape scrape = new PrometheusScrape(TEXT);

	@Test
	void findsASampleByNameAndLabelsInAnyOrder() {
		assertThat(this.scrape.value("resilience4j_circuitbreaker_state", "state", "closed", "name", "catalog"))
			.hasValue(1.0);
		assertThat(this.scrape.value("process_uptime_seconds")).hasValue(12.5);
		assertThat(this.scrape.value("bff_downstream_calls_seconds_bucket", "downstream", "catalog", "le", "+Inf"))
			.hasValue(4);
		assertThat(this.scrape.value("resilience4j_circuitbreaker_state", "name", "inventory")).isEmpty();
	}

	@Test
	void labelValuesMayHoldCommasBracesAndEscapedQuotes() {
		assertThat(this.scrape.value("bff_partial_responses_total", "code", "a,b", "dependency", "x{y}", "reason",
				"say \"hi\""))
			.hasValue(2.0);
	}

	@Test
	void sumsOverTheLabelsNotNamed() {
		assertThat(this.scrape.sum("bff_downstream_calls_seconds_count", "downstream", "catalog")).isEqualTo(5.0);
		assertThat(this.scrape.sum("bff_downstream_calls_seconds_count", "downstream", "pricing")).isZero();
		assertThat(this.scrape.has("bff_downstream_calls_seconds_count", "outcome", "error")).isTrue();
	}

	@Test
	void aValueOfSeveralSamplesIsAMistake() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.scrape.value("bff_downstream_calls_seconds_count", "downstream", "catalog"));
	}

}
