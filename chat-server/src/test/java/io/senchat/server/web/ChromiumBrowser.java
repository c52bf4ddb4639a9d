package io.senchat.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium through its chromedriver (no driver download), with a fresh profile each time.
 * Absent Chromium skips the calling test loudly, or fails it when {@code CHAT_REQUIRE_BROWSER=1} (CI).
 */
final class ChromiumBrowser implements Browser {

  static final Path CHROMIUM = Path.of(env("CHAT_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(env("CHAT_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Path profile;

  private ChromiumBrowser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** True when both the browser and its driver are there. */
  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Skips (or, with {@code CHAT_REQUIRE_BROWSER=1}, fails) the current test when Chromium is not installed. */
  static void assumeInstalled() {
    if (installed()) {
      return;
    }
    String message = "Chromium browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
        + " (apt-get install -y chromium chromium-driver)";
    if ("1".equals(System.getenv("CHAT_REQUIRE_BROWSER"))) {
      throw new AssertionError(message + "; CHAT_REQUIRE_BROWSER=1 makes them mandatory");
    }
    System.err.println("\n!!! SKIPPED: " + message + ". Set CHAT_REQUIRE_BROWSER=1 to fail instead.\n");
    Assumptions.abort(message);
  }

  /** Starts a headless Chromium with a 1280x800 window. */
  static ChromiumBrowser start() {
    assumeInstalled();
    try {
      Path profile = Files.createTempDirectory("senchat-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
      // An alert must stay open so that the XSS check can see it, instead of failing some unrelated command.
      options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new ChromiumBrowser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void open(URI url) {
    driver.get(url.toString());
  }

  @Override
  public void reload() {
    driver.navigate().refresh();
  }

  @Override
  public void click(String css) {
    driver.findElement(By.cssSelector(css)).click();
  }

  @Override
  public void type(String css, String text) {
    driver.findElement(By.cssSelector(css)).sendKeys(text);
  }

  @Override
  public void pressEnter(String css) {
    driver.findElement(By.cssSelector(css)).sendKeys(Keys.ENTER);
  }

  @Override
  public String json(String expression) {
    Object result = driver.executeScript("return JSON.stringify(" + expression + ");");
    return result == null ? "null" : result.toString();
  }

  /** Runs an asynchronous script: {@code body} calls {@code done(value)}; returns the value. */
  Object async(String body) {
    return driver.executeAsyncScript("const done = arguments[arguments.length - 1];\n" + body);
  }

  @Override
  public <T> T await(String what, Duration timeout, Supplier<T> condition) {
    try {
      return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(what)
          .until(d -> condition.get());
    } catch (TimeoutException e) {
      throw new AssertionError("Chromium: timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
    }
  }

  @Override
  public List<String> alerts() {
    try {
      return List.of(driver.switchTo().alert().getText());
    } catch (NoAlertPresentException e) {
      return List.of();
    }
  }

  @Override
  public byte[] screenshot() {
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return "Chromium";
  }
}
