package io.senchat.transport.longpoll.server;

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
import io.senchat.transport.longpoll.client.LongPollTransportFactory;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport wired the way chat-server wires it: a component lists the module, the server mounts the map. */
class LongPollServerModuleTest {

  /** The smallest component that uses the module. */
  @Component(modules = LongPollServerModule.class)
  interface TestComponent {

    Map<String, ServerEndpoint<HttpHandler>> transports();

    /** Configuration and the core come in as instances. */
    @Component.Factory
    interface Factory {
      TestComponent create(@BindsInstance ConnectionAcceptor acceptor, @BindsInstance LongPollServerOptions options);
    }
  }

  @Test
  void contributesAMountableEndpointUnderLongpoll() throws Exception {
    TestAcceptor acceptor = new TestAcceptor();
    LongPollServerOptions options = LongPollServerOptions.defaults().withCloseTimeout(Duration.ofMillis(500));
    Map<String, ServerEndpoint<HttpHandler>> transports =
        DaggerLongPollServerModuleTest_TestComponent.factory().create(acceptor, options).transports();
    ServerEndpoint<HttpHandler> longPoll = transports.get("longpoll");
    assertEquals("/poll", longPoll.path());
    assertTrue(longPoll.handler().toString().startsWith("LongPollEndpoint[/poll"));

    Undertow undertow = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(1)
        .setWorkerThreads(4)
        .setHandler(Handlers.path().addPrefixPath(longPoll.path(), longPoll.handler()))
        .build();
    undertow.start();
    try {
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      ClientTransport transport = new LongPollTransportFactory().create("http://127.0.0.1:" + port, "user-1");
      RecordingListener listener = new RecordingListener();
      transport.connect(listener);
      listener.awaitOpen();
      TestSession session = acceptor.nextSession();
      transport.send("wired by dagger");
      assertEquals("wired by dagger", listener.nextFrame());

      longPoll.shutdown().run();
      assertEquals(CloseReason.GOING_AWAY, listener.awaitClose());
      assertEquals(CloseReason.GOING_AWAY, session.awaitClose());
    } finally {
      undertow.stop();
    }
  }
}
