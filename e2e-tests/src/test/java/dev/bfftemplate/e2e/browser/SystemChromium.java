package dev.bfftemplate.e2e.browser;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium from the system's Debian packages ({@code chromium} and
 * {@code chromium-driver}), never one that Selenium Manager downloads: a missing browser
 * fails the test with a message that says what to install.
 */
final class SystemChromium {

	static final File BROWSER = new File("/usr/bin/chromium");

	static final File DRIVER = new File("/usr/bin/chromedriver");

	private SystemChromium() {
	}

	static ChromeDriver start() {
		if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
			throw new IllegalStateException("The browser test needs " + BROWSER + " and " + DRIVER
					+ ": install the Debian packages with 'apt-get install -y chromium chromium-driver'");
		}
		// Tells Selenium where the driver is, so Selenium Manager never downloads one.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.getPath());
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER)
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--no-first-run",
					"--window-size=1280,1600");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
