package io.senchat.transport.longpoll.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a test server that can break the next answer on its way: armed, it swallows the next bytes
 * the server sends and drops both sockets, as a flaky network does to a poll in flight.
 */
public final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean armed = new AtomicBoolean();
  private volatile CountDownLatch cut = new CountDownLatch(1);

  public CuttingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** The next server-to-client bytes are dropped with their connection. */
  public void armCut() {
    cut = new CountDownLatch(1);
    armed.set(true);
  }

  /** Waits until an armed cut happened. */
  public boolean awaitCut(long millis) throws InterruptedException {
    return cut.await(millis, TimeUnit.MILLISECONDS);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress("127.0.0.1", targetPort), 2_000);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (fromServer && armed.compareAndSet(true, false)) {
            closeQuietly(from);
            closeQuietly(to);
            cut.countDown();
            return;
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // One side went away; the other follows.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cutting-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    sockets.remove(socket);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }
}
