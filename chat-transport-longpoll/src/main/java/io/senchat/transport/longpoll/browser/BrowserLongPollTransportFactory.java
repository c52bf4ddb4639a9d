package io.senchat.transport.longpoll.browser;

import elemental2.dom.DomGlobal;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.transport.longpoll.shared.LongPollUrls;

/** Makes browser long-poll transports on {@code XMLHttpRequest}; name {@code "longpoll"}. */
public final class BrowserLongPollTransportFactory implements ClientTransportFactory {

  private final BrowserLongPollOptions options;

  public BrowserLongPollTransportFactory(BrowserLongPollOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  @Override
  public String name() {
    return "longpoll";
  }

  /** A transport to {@code baseUrl}, or to the page's own origin when {@code baseUrl} is empty. */
  @Override
  public ClientTransport create(String baseUrl, String accessToken) {
    String base = baseUrl == null || baseUrl.isEmpty() ? DomGlobal.location.origin : baseUrl;
    return new BrowserLongPollTransport(LongPollUrls.endpoint(base, options.path()),
        accessToken == null ? "" : accessToken, options);
  }

  @Override
  public String toString() {
    return "BrowserLongPollTransportFactory[" + options.path() + "]";
  }
}
