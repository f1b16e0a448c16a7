package dev.bfftemplate.partner.contract;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The v1 contract, public: its OpenAPI 3.1 document (the file checked in beside the code,
 * which the tests hold every response to) and a page that renders it for people.
 */
@RestController
@RequestMapping("/partner/{version}")
class ContractController {

	private static final Resource DOCUMENT = new ClassPathResource("contract/partner-v1.openapi.json");

	private static final Resource PAGE = new ClassPathResource("contract/docs.html");

	@GetMapping(path = "/openapi.json", version = "1")
	ResponseEntity<Resource> document() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DOCUMENT);
	}

	@GetMapping(path = "/docs", version = "1")
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
	}

}
