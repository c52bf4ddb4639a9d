package io.senchat.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 that stands for a bad network between clients and a server: at random moments (seeded) it
 * cuts connections with RST or FIN, stalls them, or black-holes them (keeps them open, swallows everything, answers
 * nothing, until a RST a few seconds later, as a NAT entry that died would). It can also refuse or black-hole every
 * WebSocket upgrade for a while, as some corporate proxies do.
 *
 * <p>Blocking sockets with two pump threads per connection; at most {@link #MAX_CONNECTIONS} connections, beyond
 * which new ones are reset, so a runaway client cannot exhaust the machine.
 */
public final class FaultProxy implements AutoCloseable {

  /** What can happen to a live connection. */
  public enum Fault {
    /** Closed abruptly both ways (TCP RST). */
    RESET,
    /** Closed in order both ways (TCP FIN). */
    FIN,
    /** Nothing forwarded for a while, then everything resumes. */
    STALL,
    /** Everything swallowed, nothing answered; reset a few seconds later. */
    BLACK_HOLE
  }

  /** What happens to a new WebSocket upgrade. */
  public enum Upgrades {
    /** Forwarded. */
    ALLOW,
    /** Reset at once, as a proxy that refuses them. */
    RESET,
    /** Swallowed, as a proxy that buffers the request and never answers. */
    BLACK_HOLE
  }

  /** Most connections at once. */
  public static final int MAX_CONNECTIONS = 64;

  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  private static final int BUFFER_BYTES = 16 * 1024;

  private final ServerSocket listener;
  private final Random random;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);
  private final AtomicInteger upgradesRefused = new AtomicInteger();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("proxy-chaos"));
  private volatile int upstreamPort;
  private volatile Upgrades upgrades = Upgrades.ALLOW;
  private volatile boolean closed;
  private ScheduledFuture<?> chaos;

  private FaultProxy(ServerSocket listener, int upstreamPort, long seed) {
    this.listener = listener;
    this.upstreamPort = upstreamPort;
    this.random = new Random(seed);
    for (Fault fault : Fault.values()) {
      counts.put(fault, new AtomicInteger());
    }
  }

  /** Listens on a free port of 127.0.0.1 and forwards to {@code upstreamPort} there; {@code seed} fixes the faults. */
  public static FaultProxy start(int upstreamPort, long seed) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FaultProxy proxy = new FaultProxy(listener, upstreamPort, seed);
      Thread acceptor = daemon("proxy-accept").newThread(proxy::acceptLoop);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen", e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The base URL clients should use, e.g. {@code http://127.0.0.1:40123}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Forwards new connections to another port (a restarted server). */
  public void retarget(int newUpstreamPort) {
    upstreamPort = newUpstreamPort;
  }

  /**
   * Every {@code meanIntervalMillis} on average (uniform in half to one and a half of it), applies one of
   * {@code faults}, drawn at random, to one live connection drawn at random.
   */
  public synchronized void startChaos(long meanIntervalMillis, List<Fault> faults) {
    stopChaos();
    List<Fault> choices = List.copyOf(faults);
    scheduleChaos(meanIntervalMillis, choices);
  }

  /** Stops injecting new faults; black holes already made still end in their reset. */
  public synchronized void stopChaos() {
    if (chaos != null) {
      chaos.cancel(false);
      chaos = null;
    }
  }

  /** Decides what happens to new WebSocket upgrades from now on. */
  public void upgrades(Upgrades mode) {
    upgrades = mode;
  }

  /** How many times each fault was injected. */
  public Map<Fault, Integer> counts() {
    Map<Fault, Integer> snapshot = new EnumMap<>(Fault.class);
    counts.forEach((fault, count) -> snapshot.put(fault, count.get()));
    return snapshot;
  }

  /** How many WebSocket upgrades were refused or swallowed. */
  public int upgradesRefused() {
    return upgradesRefused.get();
  }

  @Override
  public void close() {
    closed = true;
    stopChaos();
    timers.shutdownNow();
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Link link : List.copyOf(links)) {
      link.close(true);
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[:" + port() + " -> :" + upstreamPort + ", " + links.size() + " live, " + counts() + "]";
  }

  private void scheduleChaos(long mean, List<Fault> choices) {
    long delay;
    synchronized (random) {
      delay = mean / 2 + (long) (random.nextDouble() * mean);
    }
    chaos = timers.schedule(() -> {
      injectOne(choices);
      synchronized (this) {
        if (chaos != null && !closed) {
          scheduleChaos(mean, choices);
        }
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  private void injectOne(List<Fault> choices) {
    List<Link> candidates = new ArrayList<>();
    for (Link link : links) {
      if (!link.blackHoled) {
        candidates.add(link);
      }
    }
    if (candidates.isEmpty() || choices.isEmpty()) {
      return;
    }
    // Sorted by creation, so that the seed picks the same victims in the same situation.
    candidates.sort((a, b) -> Long.compare(a.number, b.number));
    Link victim;
    Fault fault;
    long millis;
    synchronized (random) {
      victim = candidates.get(random.nextInt(candidates.size()));
      fault = choices.get(random.nextInt(choices.size()));
      millis = 200 + random.nextInt(2_800);
    }
    counts.get(fault).incrementAndGet();
    switch (fault) {
      case RESET -> victim.close(true);
      case FIN -> victim.close(false);
      case STALL -> victim.stalledUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      case BLACK_HOLE -> blackHole(victim, millis + 1_000);
      default -> throw new IllegalStateException(fault.name());
    }
  }

  private void blackHole(Link link, long millis) {
    link.blackHoled = true;
    if (!closed) {
      timers.schedule(() -> link.close(true), millis, TimeUnit.MILLISECONDS);
    }
  }

  private void acceptLoop() {
    long number = 0;
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("accept failed", e);
        }
        return;
      }
      if (links.size() >= MAX_CONNECTIONS) {
        reset(client);
        continue;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2_000);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
      } catch (IOException e) {
        // The server is down: so is the connection, abruptly.
        reset(client);
        closeQuietly(upstream);
        continue;
      }
      Link link = new Link(number++, client, upstream);
      links.add(link);
      daemon("proxy-up-" + link.number).newThread(() -> link.pump(client, upstream, true)).start();
      daemon("proxy-down-" + link.number).newThread(() -> link.pump(upstream, client, false)).start();
    }
  }

  /** One proxied connection. */
  private final class Link {

    final long number;
    final Socket client;
    final Socket upstream;
    volatile long stalledUntil;
    volatile boolean blackHoled;
    private boolean firstChunkSeen;
    private final AtomicInteger open = new AtomicInteger(2);

    Link(long number, Socket client, Socket upstream) {
      this.number = number;
      this.client = client;
      this.upstream = upstream;
    }

    void pump(Socket from, Socket to, boolean clientToServer) {
      byte[] buffer = new byte[BUFFER_BYTES];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        while (true) {
          int read = in.read(buffer);
          if (read < 0) {
            break;
          }
          if (clientToServer && !firstChunkSeen) {
            firstChunkSeen = true;
            if (refuseUpgrade(buffer, read)) {
              continue;
            }
          }
          awaitStall();
          if (blackHoled) {
            continue;
          }
          out.write(buffer, 0, read);
          out.flush();
        }
        // End of stream: pass the FIN on, unless the connection is a black hole (which tells nothing).
        if (!blackHoled) {
          to.shutdownOutput();
        }
      } catch (IOException e) {
        // Reset by a peer or by us: make sure both sides hear of it.
        if (!blackHoled) {
          close(true);
        }
      } finally {
        if (open.decrementAndGet() == 0) {
          close(false);
        }
      }
    }

    private boolean refuseUpgrade(byte[] buffer, int read) {
      Upgrades mode = upgrades;
      if (mode == Upgrades.ALLOW) {
        return false;
      }
      String head = new String(buffer, 0, Math.min(read, 2_048), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      if (!head.contains("upgrade: websocket")) {
        return false;
      }
      upgradesRefused.incrementAndGet();
      if (mode == Upgrades.RESET) {
        close(true);
      } else {
        blackHole(this, 10_000);
      }
      return true;
    }

    private void awaitStall() {
      while (System.nanoTime() < stalledUntil && !closed) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void close(boolean abruptly) {
      if (!links.remove(this)) {
        return;
      }
      if (abruptly) {
        reset(client);
        reset(upstream);
      } else {
        closeQuietly(client);
        closeQuietly(upstream);
      }
    }
  }

  private static void reset(Socket socket) {
    try {
      // Linger 0 turns the close into a RST.
      socket.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // Already closed.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing left to do.
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
