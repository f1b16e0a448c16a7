package dev.bfftemplate.starter.autoconfigure;

import dev.bfftemplate.starter.problem.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link ProblemResponses}, the one writer of problems for web
 * filters (security, quotas, app versions, the token handler), which answer before any
 * controller.
 *
 * @author BFF template
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public final class ProblemResponsesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses problemResponses(ObjectProvider<JsonMapper> jsonMapper) {
		return new ProblemResponses(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

}
