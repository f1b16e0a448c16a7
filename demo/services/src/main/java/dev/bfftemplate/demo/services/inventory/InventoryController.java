package dev.bfftemplate.demo.services.inventory;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.data.Product;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels per product.
 */
@RestController
class InventoryController {

	private final DemoDataset dataset;

	private final InventoryProperties properties;

	InventoryController(DemoDataset dataset, InventoryProperties properties) {
		this.dataset = dataset;
		this.properties = properties;
	}

	@GetMapping("/inventory/stock/{productId}")
	StockLevel stock(@PathVariable String productId) {
		Product product = this.dataset.product(productId)
			.orElseThrow(() -> new NotFoundException("product", productId));
		return new StockLevel(productId, product.stock(), product.warehouse(), statusOf(product.stock()));
	}

	private StockStatus statusOf(int available) {
		if (available == 0) {
			return StockStatus.OUT;
		}
		return (available <= this.properties.lowStockThreshold()) ? StockStatus.LOW : StockStatus.IN_STOCK;
	}

}
