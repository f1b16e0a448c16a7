package dev.bfftemplate.demo.services.catalog;

import java.util.List;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Product;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product catalog: product details and a paged product list.
 */
@RestController
@RequestMapping("/catalog/products")
class CatalogController {

	/** Upper bound of a page, so that one request cannot ask for the whole catalog. */
	static final int MAX_PAGE_SIZE = 100;

	private final DemoDataset dataset;

	private final CannedJson products;

	CatalogController(DemoDataset dataset, JsonMapper mapper) {
		this.dataset = dataset;
		this.products = CannedJson.of(mapper, dataset.products(), Product::id, ProductDetails::of);
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> product(@PathVariable String id) {
		return this.products.answerOrNotFound("product", id);
	}

	@GetMapping
	ProductPage products(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		List<Product> products = this.dataset.products();
		int total = products.size();
		int from = (int) Math.min((long) page * size, total);
		int to = Math.min(from + size, total);
		List<ProductDetails> items = products.subList(from, to).stream().map(ProductDetails::of).toList();
		return new ProductPage(items, page, size, total, (total + size - 1) / size);
	}

}
