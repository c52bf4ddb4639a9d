package io.senchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.server.http.WebApps;
import io.undertow.Handlers;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The app as the build bundles it: inside chat-server.jar under {@code static/}, served at {@code /} with GWT's
 * caching rules and gzip, and, all its URLs being relative, working when mounted under a prefix such as {@code /chat}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledAppIT {

  private static final Pattern CACHE_JS = Pattern.compile("[0-9A-F]{32}\\.cache\\.js");
  private static final Pattern STRONG_NAME = Pattern.compile("[0-9A-F]{32}");

  private WebAppServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    server = WebAppServer.start();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theServerJarCarriesTheHostPageAndTheGwtOutput() throws IOException {
    Path jar = Path.of(System.getProperty("senchat.serverJar", "target/chat-server.jar"));
    assertTrue(Files.isRegularFile(jar), "the runnable jar is built before the integration tests: " + jar);
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String entry : new String[] {"static/index.html", "static/senchat.css",
          "static/senchat/senchat.nocache.js"}) {
        assertNotNull(file.getEntry(entry), entry + " in " + jar);
      }
      assertTrue(file.stream().anyMatch(e -> CACHE_JS.matcher(e.getName()).find()), "a compiled fragment in " + jar);
      assertTrue(file.stream().noneMatch(e -> e.getName().endsWith(".devmode.js")), "no dev-mode script");
    }
  }

  @Test
  void theHostPageAndEntryScriptAreRevalidatedAndCompiledFragmentsKeptForAYear() {
    HttpResponse<String> index = get(server.url().resolve("/"));
    assertEquals(200, index.statusCode());
    assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertEquals("no-cache", index.headers().firstValue("cache-control").orElse(""));
    assertTrue(index.body().contains("senchat/senchat.nocache.js"), "the host page loads the app: " + index.body());
    // Absolute URLs would break the app when an integrator mounts it under a prefix.
    assertFalse(Pattern.compile("(?:src|href)\\s*=\\s*[\"']/").matcher(index.body()).find(),
        "only relative URLs in the host page: " + index.body());

    assertEquals("no-cache", get(server.url().resolve("/senchat.css")).headers().firstValue("cache-control")
        .orElse(""));
    HttpResponse<String> entry = get(server.url().resolve("/senchat/senchat.nocache.js"));
    assertEquals(200, entry.statusCode());
    assertEquals("no-cache", entry.headers().firstValue("cache-control").orElse(""));
    Matcher strongName = STRONG_NAME.matcher(entry.body());
    assertTrue(strongName.find(), "the entry script names its permutation");
    String fragment = strongName.group() + ".cache.js";

    HttpResponse<String> compiled = get(server.url().resolve("/senchat/" + fragment));
    assertEquals(200, compiled.statusCode());
    assertEquals("public, max-age=31536000, immutable", compiled.headers().firstValue("cache-control").orElse(""));
    HttpResponse<byte[]> gzipped = getGzip(server.url().resolve("/senchat/" + fragment));
    assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElse(""));
    assertTrue(gzipped.body().length < compiled.body().length(), "gzip makes it smaller");

    HttpResponse<String> missing = get(server.url().resolve("/senchat/" + "0".repeat(32) + ".cache.js"));
    assertEquals(404, missing.statusCode());
    assertEquals("no-cache", missing.headers().firstValue("cache-control").orElse(""));
  }

  @Test
  void underAPrefixTheSameFilesAreServedAndTheAppStarts() {
    Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(Handlers.path()
        .addPrefixPath("/chat", WebApps.handler(Optional.empty(), getClass().getClassLoader()))).build();
    undertow.start();
    try (HtmlUnitBrowser browser = new HtmlUnitBrowser()) {
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      URI chat = URI.create("http://127.0.0.1:" + port + "/chat/");
      assertEquals(200, get(chat.resolve("senchat/senchat.nocache.js")).statusCode());
      browser.open(chat);
      // The entry script, loaded relative to /chat/, has started the app: its first screen is there.
      browser.await("the app started under /chat/", ChatUi.WAIT,
          () -> browser.json("document.querySelector('" + ChatUi.USERNAME + "') !== null").equals("true"));
    } finally {
      undertow.stop();
    }
  }

  private HttpResponse<String> get(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> getGzip(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
