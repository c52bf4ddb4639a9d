package io.senchat.server.transport;

import io.senchat.domain.transport.ServerEndpoint;
import io.senchat.server.config.ConfigException;
import io.undertow.server.HttpHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected transports out of those the component's modules contribute. Injected once per component, so the
 * mounted handlers and the shutdown hooks belong to the same endpoints; only selected endpoints are built.
 */
@Singleton
public final class MountedTransports {

  private static final Logger LOG = LoggerFactory.getLogger(MountedTransports.class);

  private final Map<String, ServerEndpoint<HttpHandler>> endpoints;

  @Inject
  MountedTransports(Map<String, Provider<ServerEndpoint<HttpHandler>>> available, TransportSelection selection) {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : selection.names()) {
      (available.containsKey(name) ? present : missing).add(name);
    }
    // Checked before any endpoint is built: building one starts the core and opens the database.
    if (present.isEmpty()) {
      throw new ConfigException("none of the selected transports " + selection.names() + " is in this build; "
          + "available: " + available.keySet() + ", e.g. --transports " + String.join(",", available.keySet()));
    }
    Map<String, ServerEndpoint<HttpHandler>> selected = new LinkedHashMap<>();
    for (String name : present) {
      selected.put(name, available.get(name).get());
    }
    if (!missing.isEmpty()) {
      LOG.info("Transports {} are not in this build yet; serving {}", missing, present);
    }
    this.endpoints = selected;
  }

  /** The selected transports by name, in preference order. */
  public Map<String, ServerEndpoint<HttpHandler>> endpoints() {
    return endpoints;
  }

  /** Runs every transport's shutdown (e.g. WebSocket close 1001), logging failures so the others still run. */
  public void shutdown() {
    for (Map.Entry<String, ServerEndpoint<HttpHandler>> entry : endpoints.entrySet()) {
      try {
        entry.getValue().shutdown().run();
      } catch (RuntimeException e) {
        LOG.warn("Transport {} did not shut down cleanly", entry.getKey(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "MountedTransports" + endpoints.keySet();
  }
}
