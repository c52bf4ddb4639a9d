package io.senchat.web.realtime;

import elemental2.dom.DomGlobal;
import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ClientRuntime;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.user.UserId;
import io.senchat.web.platform.KeyValueStore;
import javax.inject.Inject;
import javax.inject.Provider;

/** Makes the {@link ChatClient} of a signed-in user: one per sign-in, with that user's persisted state. */
public final class RealtimeFactory {

  private static final String CLIENT_VERSION = "senchat-web/0.1.0";

  private final Provider<TransportPolicy> transports;
  private final AccessTokenSource tokens;
  private final ClientRuntime runtime;
  private final KeyValueStore storage;

  @Inject
  RealtimeFactory(Provider<TransportPolicy> transports, AccessTokenSource tokens, ClientRuntime runtime,
      KeyValueStore storage) {
    this.transports = transports;
    this.tokens = tokens;
    this.runtime = runtime;
    this.storage = storage;
  }

  /** A client for {@code user} reporting to {@code listener}; not started. */
  public ChatClient create(UserId user, String deviceId, ChatClientListener listener) {
    ClientOptions options = ClientOptions.defaults(baseUrl()).withDevice(deviceId, CLIENT_VERSION);
    return new ChatClient(options, transports.get(), tokens, new LocalClientStateStore(storage, user.value()),
        runtime, listener);
  }

  /**
   * The directory of the page ({@code http://host/chat/} for {@code http://host/chat/index.html}), so the socket
   * goes to {@code /chat/ws} when the app is mounted under a path.
   */
  static String baseUrl() {
    String href = DomGlobal.location.origin + DomGlobal.location.pathname;
    return href.substring(0, href.lastIndexOf('/') + 1);
  }
}
