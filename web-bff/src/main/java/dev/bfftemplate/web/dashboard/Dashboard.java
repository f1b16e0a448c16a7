package dev.bfftemplate.web.dashboard;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bfftemplate.starter.fanout.Warning;
import dev.bfftemplate.web.dashboard.CustomersClient.CustomerProfile;
import dev.bfftemplate.web.dashboard.RecommendationsClient.Recommendations;
import dev.bfftemplate.web.orders.OrdersClient.CustomerOrders;

/**
 * The desktop dashboard: who the customer is, their recent orders ({@code null} with a
 * warning when the orders service fails) and recommendations (left out with a warning
 * when that service fails).
 *
 * @param customer the profile
 * @param recentOrders the recent orders, or {@code null}
 * @param recommendations the recommendations, omitted when unavailable
 * @param warnings what is missing, empty when the answer is complete
 */
record Dashboard(CustomerProfile customer, CustomerOrders recentOrders,
		@JsonInclude(JsonInclude.Include.NON_NULL) Recommendations recommendations, List<Warning> warnings) {

}
