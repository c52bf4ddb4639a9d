package io.senchat.examples.reconnect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that can make the server unreachable: {@link #down()} resets every proxied connection and
 * every new one (as a dropped network does to a client), {@link #up()} forwards again. At most
 * {@link #MAX_CONNECTIONS} connections at once; two pump threads each.
 */
final class OutageProxy implements AutoCloseable {

  static final int MAX_CONNECTIONS = 64;

  private final ServerSocket listener;
  private final int upstreamPort;
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
  private volatile boolean down;
  private volatile boolean closed;

  private OutageProxy(ServerSocket listener, int upstreamPort) {
    this.listener = listener;
    this.upstreamPort = upstreamPort;
  }

  static OutageProxy start(int upstreamPort) throws IOException {
    OutageProxy proxy = new OutageProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort);
    Thread acceptor = new Thread(proxy::acceptLoop, "outage-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  void down() {
    down = true;
    for (Pair pair : List.copyOf(pairs)) {
      pair.reset();
    }
  }

  void up() {
    down = false;
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    down();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (down || pairs.size() >= MAX_CONNECTIONS) {
        reset(client);
        continue;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2_000);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
      } catch (IOException e) {
        reset(client);
        reset(upstream);
        continue;
      }
      Pair pair = new Pair(client, upstream);
      pairs.add(pair);
      startPump(pair, client, upstream);
      startPump(pair, upstream, client);
    }
  }

  private void startPump(Pair pair, Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          out.write(buffer, 0, read);
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        pair.reset();
      } finally {
        if (pair.open().decrementAndGet() == 0) {
          pair.reset();
        }
      }
    }, "outage-pump");
    pump.setDaemon(true);
    pump.start();
  }

  /** One proxied connection. */
  private final class Pair {

    private final Socket client;
    private final Socket upstream;
    // Pumps still running: the second to end closes both sockets.
    private final AtomicInteger open = new AtomicInteger(2);

    Pair(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    AtomicInteger open() {
      return open;
    }

    void reset() {
      pairs.remove(this);
      OutageProxy.reset(client);
      OutageProxy.reset(upstream);
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // Already closed.
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing left to do.
    }
  }
}
