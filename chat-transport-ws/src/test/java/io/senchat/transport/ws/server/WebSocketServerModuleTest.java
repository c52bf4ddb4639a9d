package io.senchat.transport.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.BindsInstance;
import dagger.Component;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ServerEndpoint;
import io.senchat.domain.transport.testkit.RecordingListener;
import io.senchat.domain.transport.testkit.TestAcceptor;
import io.senchat.domain.transport.testkit.TestSession;
import io.senchat.transport.ws.client.JdkWebSocketTransportFactory;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport wired the way chat-server wires it: a component lists the module, the server mounts the map. */
class WebSocketServerModuleTest {

  /** The smallest component that uses the module. */
  @Component(modules = WebSocketServerModule.class)
  interface TestComponent {

    Map<String, ServerEndpoint<HttpHandler>> transports();

    /** Configuration and the core come in as instances. */
    @Component.Factory
    interface Factory {
      TestComponent create(@BindsInstance ConnectionAcceptor acceptor,
          @BindsInstance WebSocketServerOptions options);
    }
  }

  @Test
  void contributesAMountableEndpointUnderWs() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    WebSocketServerOptions options = WebSocketServerOptions.defaults().withCloseTimeout(Duration.ofMillis(500));
    Map<String, ServerEndpoint<HttpHandler>> transports =
        DaggerWebSocketServerModuleTest_TestComponent.factory().create(acceptor, options).transports();
    ServerEndpoint<HttpHandler> ws = transports.get("ws");
    assertEquals("/ws", ws.path());
    assertTrue(ws.handler().toString().startsWith("WebSocketEndpoint[/ws"));

    Undertow undertow = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(1)
        .setWorkerThreads(4)
        .setHandler(io.undertow.Handlers.path().addExactPath(ws.path(), ws.handler()))
        .build();
    undertow.start();
    try {
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      ClientTransport transport = new JdkWebSocketTransportFactory(WebSocketClientOptions.defaults())
          .create("http://127.0.0.1:" + port, "user-1");
      RecordingListener listener = new RecordingListener();
      transport.connect(listener);
      listener.awaitOpen();
      TestSession session = acceptor.nextSession();
      transport.send("wired by dagger");
      assertEquals("wired by dagger", listener.nextFrame());

      ws.shutdown().run();
      assertEquals(CloseReason.GOING_AWAY, listener.awaitClose());
      assertEquals(CloseReason.GOING_AWAY, session.awaitClose());
    } finally {
      undertow.stop();
    }
  }
}
