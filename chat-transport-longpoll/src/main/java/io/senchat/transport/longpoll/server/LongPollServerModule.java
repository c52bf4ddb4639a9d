package io.senchat.transport.longpoll.server;

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
 * Contributes the long-poll transport as {@code Map<String, ServerEndpoint<HttpHandler>>} entry {@code "longpoll"};
 * the server mounts {@link ServerEndpoint#handler()} as a prefix at {@link ServerEndpoint#path()} and runs
 * {@link ServerEndpoint#shutdown()} before stopping Undertow.
 *
 * <p>Needs bound in the component:
 *
 * <ul>
 *   <li>{@link ConnectionAcceptor}: the server core;
 *   <li>{@link LongPollServerOptions}: e.g. {@code @BindsInstance} or provided from configuration;
 *   <li>optionally {@code @LongPollWorker Executor}: where the core's callbacks run; Undertow's worker pool when
 *       absent.
 * </ul>
 *
 * <p>Inject the map once (or scope the component) so that the mounted handler and the shutdown hook belong to the
 * same endpoint.
 */
@Module
public abstract class LongPollServerModule {

  private LongPollServerModule() {}

  @BindsOptionalOf
  @LongPollWorker
  abstract Executor optionalWorker();

  @Provides
  @IntoMap
  @StringKey("longpoll")
  static ServerEndpoint<HttpHandler> longPollEndpoint(ConnectionAcceptor acceptor, LongPollServerOptions options,
      @LongPollWorker Optional<Executor> worker) {
    LongPollEndpoint endpoint = worker
        .map(executor -> new LongPollEndpoint(acceptor, options, executor))
        .orElseGet(() -> new LongPollEndpoint(acceptor, options));
    return new ServerEndpoint<>(options.path(), endpoint, endpoint::shutdown);
  }
}
