package dev.bfftemplate.partner.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bfftemplate.partner.orders.OrdersClient.NewOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a partner's order request: only {@code productId} and {@code quantity}. Any other
 * field, in particular the privileged ones ({@code partnerId}, {@code customerId},
 * {@code status}, {@code role}), is refused with a 400 naming it, never applied nor
 * silently dropped. Whether the values are acceptable is the orders service's rule.
 */
@Component
class OrderRequests {

	private static final Set<String> ACCEPTED = Set.of("productId", "quantity");

	private final JsonMapper jsonMapper;

	OrderRequests(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	NewOrder read(JsonNode body) {
		if (!body.isObject()) {
			throw badRequest("The order must be a JSON object", List.of());
		}
		List<Map<String, String>> refused = new ArrayList<>();
		for (String field : body.propertyNames()) {
			if (!ACCEPTED.contains(field)) {
				refused.add(Map.of("field", field, "message", "is not accepted"));
			}
		}
		if (!refused.isEmpty()) {
			throw badRequest("The order has fields that are not accepted", refused);
		}
		try {
			return this.jsonMapper.treeToValue(body, NewOrder.class);
		}
		catch (JacksonException ex) {
			throw badRequest("The order's fields have the wrong types", List.of());
		}
	}

	private static ErrorResponseException badRequest(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
