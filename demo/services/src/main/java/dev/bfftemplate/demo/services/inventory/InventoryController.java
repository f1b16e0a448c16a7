package dev.bfftemplate.demo.services.inventory;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Product;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels per product.
 */
@RestController
class InventoryController {

	private final InventoryProperties properties;

	private final CannedJson stock;

	InventoryController(DemoDataset dataset, InventoryProperties properties, JsonMapper mapper) {
		this.properties = properties;
		this.stock = CannedJson.of(mapper, dataset.products(), Product::id, this::stockOf);
	}

	@GetMapping("/inventory/stock/{productId}")
	ResponseEntity<byte[]> stock(@PathVariable String productId) {
		return this.stock.answerOrNotFound("product", productId);
	}

	private StockLevel stockOf(Product product) {
		return new StockLevel(product.id(), product.stock(), product.warehouse(), statusOf(product.stock()));
	}

	private StockStatus statusOf(int available) {
		if (available == 0) {
			return StockStatus.OUT;
		}
		return (available <= this.properties.lowStockThreshold()) ? StockStatus.LOW : StockStatus.IN_STOCK;
	}

}
