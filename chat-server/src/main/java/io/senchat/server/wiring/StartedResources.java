package io.senchat.server.wiring;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resources a component has started so far (the embedded database, above all). Dagger builds the graph lazily and
 * cannot undo a half-built one, so when assembly fails after the database started, the owner closes what is here.
 */
@Singleton
public final class StartedResources {

  private static final Logger LOG = LoggerFactory.getLogger(StartedResources.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  @Inject
  public StartedResources() {}

  /** Records a resource that is open; it is closed before those recorded earlier. */
  public synchronized <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  /** Closes and forgets every recorded resource, newest first; failures are logged. */
  public synchronized void closeAll() {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not close {}", resource, e);
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "StartedResources" + started;
  }
}
