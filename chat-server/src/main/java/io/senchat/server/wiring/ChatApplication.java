package io.senchat.server.wiring;

import io.senchat.domain.transport.ServerEndpoint;
import io.senchat.server.http.HealthHandler;
import io.senchat.server.metrics.MetricsHandler;
import io.senchat.server.metrics.ServerMetrics;
import io.senchat.server.realtime.Realtime;
import io.senchat.server.rest.RestApi;
import io.senchat.server.storage.Storage;
import io.senchat.server.transport.MountedTransports;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SenChat assembled: the route table of its HTTP surface and the order in which it stops. The standalone server
 * mounts it at {@code /} beside the web app; an integrator mounts it under a prefix of their own server.
 */
@Singleton
public final class ChatApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChatApplication.class);

  private final RestApi api;
  private final MountedTransports transports;
  private final Realtime realtime;
  private final Storage storage;
  private final ServerMetrics metrics;

  @Inject
  ChatApplication(MountedTransports transports, RestApi api, Realtime realtime, Storage storage,
      ServerMetrics metrics) {
    // transports first: Dagger builds arguments in order, and the selection is checked before the database opens.
    this.api = api;
    this.transports = transports;
    this.realtime = realtime;
    this.storage = storage;
    this.metrics = metrics;
  }

  /**
   * The routes, relative to where they are mounted:
   *
   * <pre>
   * /healthz          200 while the database answers
   * /metrics          Prometheus text (only when {@code withMetrics})
   * /api/...          the REST API
   * /ws (/longpoll)   the selected transports, at their own paths
   * anything else     {@code fallback} (the web app, or a 404)
   * </pre>
   */
  public PathHandler routes(HttpHandler fallback, boolean withMetrics) {
    PathHandler paths = Handlers.path(fallback)
        .addExactPath("/healthz", new HealthHandler(storage::healthy))
        .addPrefixPath("/api", api);
    if (withMetrics) {
      paths.addExactPath("/metrics", new MetricsHandler(metrics.registry()));
    }
    for (ServerEndpoint<HttpHandler> transport : transports.endpoints().values()) {
      paths.addPrefixPath(transport.path(), transport.handler());
    }
    return paths;
  }

  public Storage storage() {
    return storage;
  }

  public MountedTransports transports() {
    return transports;
  }

  /**
   * First half of stopping, while HTTP still runs: the core ends its sessions (clients are told to come back), then
   * each transport closes its connections with GOING_AWAY.
   */
  public void disconnectClients() {
    try {
      realtime.shutdown();
    } catch (RuntimeException e) {
      LOG.warn("The real-time core did not shut down cleanly", e);
    }
    transports.shutdown();
  }

  /** Second half, after HTTP has stopped: writer, store, database, then the meters. */
  @Override
  public void close() {
    storage.close();
    metrics.close();
  }

  @Override
  public String toString() {
    return "ChatApplication[" + storage.description() + ", transports " + transports.endpoints().keySet() + "]";
  }
}
