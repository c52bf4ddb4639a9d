package io.senchat.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.util.Headers;

/**
 * Serves the compiled web app. GWT's content-hashed files ({@code *.cache.*}) never change, so browsers may keep
 * them for a year; the entry files ({@code *.nocache.js}, the host page) must be revalidated on every load so a new
 * release is picked up at once.
 */
public final class WebAppHandler implements HttpHandler {

  private static final String FOREVER = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";

  private final ResourceHandler resources;

  public WebAppHandler(ResourceManager resourceManager) {
    this.resources = new ResourceHandler(resourceManager).addWelcomeFiles("index.html").setDirectoryListingEnabled(
        false);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, path.contains(".cache.") ? FOREVER : REVALIDATE);
    exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
    resources.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "webApp()";
  }
}
