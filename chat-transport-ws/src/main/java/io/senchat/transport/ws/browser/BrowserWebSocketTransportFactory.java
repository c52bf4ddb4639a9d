package io.senchat.transport.ws.browser;

import elemental2.dom.DomGlobal;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.transport.ws.shared.WsSubprotocols;
import io.senchat.transport.ws.shared.WsUrls;
import java.util.List;

/** Makes browser WebSocket transports; the token travels as a subprotocol, since browsers cannot set headers. */
public final class BrowserWebSocketTransportFactory implements ClientTransportFactory {

  private final BrowserWebSocketOptions options;

  public BrowserWebSocketTransportFactory(BrowserWebSocketOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  @Override
  public String name() {
    return "ws";
  }

  /** A transport to {@code baseUrl}, or to the page's own origin when {@code baseUrl} is empty. */
  @Override
  public ClientTransport create(String baseUrl, String accessToken) {
    String base = baseUrl == null || baseUrl.isEmpty() ? DomGlobal.location.origin : baseUrl;
    List<String> protocols = WsSubprotocols.offer(accessToken);
    return new BrowserWebSocketTransport(WsUrls.endpoint(base, options.path()),
        protocols.toArray(new String[0]), options);
  }

  @Override
  public String toString() {
    return "BrowserWebSocketTransportFactory[" + options.path() + "]";
  }
}
