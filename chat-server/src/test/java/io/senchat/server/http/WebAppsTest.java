package io.senchat.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.server.config.ConfigException;
import io.undertow.Undertow;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAppsTest {

  @Test
  void withoutAWebAppThePlaceholderSaysSoAndOtherPathsAre404() throws Exception {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    var handler = WebApps.handler(Optional.empty(), empty);
    assertInstanceOf(PlaceholderPageHandler.class, handler);

    Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
    undertow.start();
    try {
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("web app isn't built"), page.body());
      assertEquals("no-cache", page.headers().firstValue("cache-control").orElse(""));
      assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app.js"))
          .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    } finally {
      undertow.stop();
    }
  }

  @Test
  void aWebRootThatIsNotADirectoryIsAConfigurationError(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> WebApps.handler(Optional.of(dir.resolve("missing")), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("--web-root"), e.getMessage());
  }

  @Test
  void aWebRootIsServedGzippedWithLongCachingOnlyForHashedFilesThatExist(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("index.html"), "<!doctype html><title>SenChat</title>" + " ".repeat(400));
    Files.createDirectories(root.resolve("senchat"));
    String compiled = "function a(){return 1}\n".repeat(200);
    Files.writeString(root.resolve("senchat/0123ABCD.cache.js"), compiled);
    var handler = WebApps.handler(Optional.of(root), getClass().getClassLoader());
    assertInstanceOf(WebAppHandler.class, handler);

    Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
    undertow.start();
    try {
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<byte[]> script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/senchat/0123ABCD.cache.js")).header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, script.statusCode());
      assertEquals(WebAppHandler.FOREVER, script.headers().firstValue("cache-control").orElse(""));
      assertEquals("gzip", script.headers().firstValue("content-encoding").orElse(""));
      assertEquals("text/javascript", script.headers().firstValue("content-type").orElse(""));
      try (var in = new GZIPInputStream(new ByteArrayInputStream(script.body()))) {
        assertEquals(compiled, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertTrue(script.body().length < compiled.length() / 4, "compressed: " + script.body().length);

      HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, index.statusCode());
      assertEquals(WebAppHandler.REVALIDATE, index.headers().firstValue("cache-control").orElse(""));
      assertEquals("nosniff", index.headers().firstValue("x-content-type-options").orElse(""));

      // A hashed file that is not there (yet) must not be remembered as missing for a year.
      HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/senchat/FFFF.cache.js")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertEquals(WebAppHandler.REVALIDATE, missing.headers().firstValue("cache-control").orElse(""));
    } finally {
      undertow.stop();
    }
  }
}
