package dev.bfftemplate.starter.idempotency;

import java.util.List;
import java.util.Map;

/**
 * The response of a completed keyed request, as replayed to its retries.
 *
 * @param status the HTTP status
 * @param headers the stored headers (see {@code bff.idempotency.replayed-headers})
 * @param body the body, as sent
 * @author BFF template
 */
public record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {

}
