package io.senchat.transport.ws.server;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ServerEndpoint;
import io.undertow.server.HttpHandler;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Contributes the WebSocket transport as {@code Map<String, ServerEndpoint<HttpHandler>>} entry {@code "ws"}; the server mounts
 * {@link ServerEndpoint#handler()} at {@link ServerEndpoint#path()} and runs
 * {@link ServerEndpoint#shutdown()} before stopping Undertow.
 *
 * <p>Needs bound in the component:
 *
 * <ul>
 *   <li>{@link ConnectionAcceptor}: the server core;
 *   <li>{@link WebSocketServerOptions}: e.g. {@code @BindsInstance} from configuration;
 *   <li>optionally {@code @WebSocketWorker Executor}: where the core's callbacks run; Undertow's worker pool when
 *       absent.
 * </ul>
 *
 * <p>Inject the map once (or scope the component) so that the mounted handler and the shutdown hook belong to the
 * same endpoint.
 */
@Module
public abstract class WebSocketServerModule {

  private WebSocketServerModule() {}

  @BindsOptionalOf
  @WebSocketWorker
  abstract Executor optionalWorker();

  @Provides
  @IntoMap
  @StringKey("ws")
  static ServerEndpoint<HttpHandler> webSocketEndpoint(ConnectionAcceptor acceptor, WebSocketServerOptions options,
      @WebSocketWorker Optional<Executor> worker) {
    WebSocketEndpoint endpoint = worker
        .map(executor -> new WebSocketEndpoint(acceptor, options, executor))
        .orElseGet(() -> new WebSocketEndpoint(acceptor, options));
    return new ServerEndpoint<>(options.path(), endpoint, endpoint::shutdown);
  }
}
