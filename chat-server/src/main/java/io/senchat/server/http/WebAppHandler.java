package io.senchat.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.util.Headers;
import io.undertow.util.MimeMappings;
import io.undertow.util.StatusCodes;

/**
 * Serves the compiled web app. GWT's content-hashed files ({@code *.cache.*}) never change, so browsers may keep
 * them for a year; the entry files ({@code *.nocache.js}, the host page, its stylesheet) must be revalidated on every
 * load so a new release is picked up at once. Text is gzipped: the app's size budget is counted in gzipped bytes.
 * Paths are relative to where the handler is mounted, so the app also works under a prefix such as {@code /chat}.
 */
public final class WebAppHandler implements HttpHandler {

  static final String FOREVER = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  /** Undertow's defaults, except JavaScript's type: {@code text/javascript} since RFC 9239, not the obsolete one. */
  private static final MimeMappings MIME_TYPES = MimeMappings.builder(true).addMapping("js", "text/javascript")
      .build();

  /** Below this, gzip's header and the CPU cost outweigh the bytes saved. */
  private static final long MIN_GZIP_BYTES = 256;

  private final HttpHandler next;

  public WebAppHandler(ResourceManager resourceManager) {
    ResourceHandler resources = new ResourceHandler(resourceManager).addWelcomeFiles("index.html")
        .setDirectoryListingEnabled(false).setMimeMappings(MIME_TYPES);
    this.next = new EncodingHandler(resources, new ContentEncodingRepository()
        .addEncodingHandler("gzip", new GzipEncodingProvider(), 50, WebAppHandler::compressible));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    boolean hashed = exchange.getRelativePath().contains(".cache.");
    exchange.addResponseCommitListener(committed -> {
      // Decided at commit time: a 404 for a not-yet-deployed hashed file must not be cached for a year.
      boolean success = committed.getStatusCode() == StatusCodes.OK
          || committed.getStatusCode() == StatusCodes.NOT_MODIFIED;
      committed.getResponseHeaders().put(Headers.CACHE_CONTROL, hashed && success ? FOREVER : REVALIDATE);
    });
    exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
    next.handleRequest(exchange);
  }

  /** Text worth compressing: the app's JavaScript, CSS, HTML, JSON and SVG, when not tiny. */
  private static boolean compressible(HttpServerExchange exchange) {
    String type = exchange.getResponseHeaders().getFirst(Headers.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    boolean text = type.startsWith("text/") || type.contains("javascript") || type.contains("json")
        || type.contains("svg");
    long length = exchange.getResponseContentLength();
    return text && (length < 0 || length >= MIN_GZIP_BYTES);
  }

  @Override
  public String toString() {
    return "webApp()";
  }
}
