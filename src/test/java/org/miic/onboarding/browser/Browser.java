package org.miic.onboarding.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's chromium and chromium-driver) driven by Selenium, headless, with a screenshot of every page
 * it is asked to keep under {@code target/screenshots}. Where Chromium is missing the browser tests are skipped, unless
 * {@code -Dmiic.browser.required=true} (as .ci/run sets it, after installing Chromium), where they fail.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("miic.browser.binary", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("miic.browser.driver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String base;
  private final Path profile;

  private Browser(WebDriver driver, String base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  static Browser open(String base) throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && Boolean.getBoolean("miic.browser.required")) {
      throw new IllegalStateException("The browser tests need Chromium at " + CHROMIUM + " and ChromeDriver at " + DRIVER
          + " (apt-get install chromium chromium-driver); .ci/run installs them");
    }
    Assumptions.assumeTrue(present, "Chromium or ChromeDriver is not installed: the browser tests are skipped");
    Path profile = Files.createTempDirectory("miic-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1366,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
    return new Browser(driver, base, profile);
  }

  WebDriver driver() {
    return driver;
  }

  void go(String path) {
    driver.get(path.startsWith("http") ? path : base + path);
  }

  WebElement find(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  void type(By by, String text) {
    WebElement e = find(by);
    e.clear();
    e.sendKeys(text);
  }

  /**
   * Clicks, and when the click loads a new page (a link, a form's button) waits until it has: the old page's root
   * goes stale, then the new one is complete. A click that loads nothing (a summary opening its details) waits briefly.
   */
  void click(By by) {
    WebElement root = driver.findElement(By.tagName("html"));
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by)).click();
    try {
      // A click that navigates leaves the old page within a few seconds even on a loaded machine (a sign-in took more
      // than 1.5 s once in CI, and the next read met the page half replaced); one that does not costs this wait.
      new WebDriverWait(driver, Duration.ofMillis(4000)).until(ExpectedConditions.stalenessOf(root));
    } catch (org.openqa.selenium.TimeoutException samePage) {
      return;
    }
    waitForLoad();
  }

  private void waitForLoad() {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** The page's text, once the page has loaded; read again if the page was being replaced while it was read. */
  String text() {
    for (int attempt = 1; ; attempt++) {
      try {
        waitForLoad();
        return driver.findElement(By.tagName("body")).getText();
      } catch (org.openqa.selenium.WebDriverException replaced) {
        if (attempt == 3) {
          throw replaced;
        }
      }
    }
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /** Keeps a full-page screenshot of what the browser shows now, as target/screenshots/{name}.png. */
  Path screenshot(String name) throws IOException {
    Object height = ((JavascriptExecutor) driver).executeScript("return Math.max(document.body.scrollHeight, 900);");
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1366, Math.min(8000, ((Number) height).intValue() + 40)));
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.write(target, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(before);
    return target;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
