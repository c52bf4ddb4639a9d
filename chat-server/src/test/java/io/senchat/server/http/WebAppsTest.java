package io.senchat.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.server.config.ConfigException;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
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
}
