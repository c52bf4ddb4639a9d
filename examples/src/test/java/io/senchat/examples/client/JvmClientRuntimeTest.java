package io.senchat.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.Cancellable;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The loop's single-thread contract. */
class JvmClientRuntimeTest {

  @Test
  void timersAndTasksRunOnTheLoopAndCancelledTimersDoNot() throws Exception {
    try (JvmClientRuntime loop = new JvmClientRuntime("test-loop")) {
      assertFalse(loop.onLoop());
      assertTrue(loop.call(loop::onLoop));
      CountDownLatch fired = new CountDownLatch(1);
      AtomicBoolean onLoop = new AtomicBoolean();
      AtomicBoolean cancelledRan = new AtomicBoolean();
      loop.run(() -> {
        Cancellable cancelled = loop.runtime().scheduler().schedule(20, () -> cancelledRan.set(true));
        loop.runtime().scheduler().schedule(30, () -> {
          onLoop.set(loop.onLoop());
          fired.countDown();
        });
        cancelled.cancel();
      });
      assertTrue(fired.await(5, TimeUnit.SECONDS));
      assertTrue(onLoop.get());
      assertFalse(cancelledRan.get());
      assertThrows(IllegalStateException.class, () -> loop.call(() -> loop.call(() -> 1)),
          "calling the loop from itself would deadlock");
    }
  }

  @Test
  void aFailingTaskDoesNotStopTheLoopAndTheClockNeverGoesBack() {
    try (JvmClientRuntime loop = new JvmClientRuntime("test-loop")) {
      loop.execute(() -> {
        throw new IllegalStateException("listener bug");
      });
      assertEquals(2, loop.call(() -> 1 + 1));
      long first = loop.runtime().clock().nowMillis();
      assertTrue(Math.abs(first - System.currentTimeMillis()) < 1_000);
      assertTrue(loop.runtime().clock().nowMillis() >= first);
      double random = loop.runtime().random().nextDouble();
      assertTrue(random >= 0 && random < 1);
    }
  }

  @Test
  void boundTransportsReportOnTheLoopWhateverThreadTheyCallBackFrom() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    ClientTransportFactory offLoop = new ClientTransportFactory() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public ClientTransport create(String baseUrl, String accessToken) {
        return new ClientTransport() {
          @Override
          public void connect(ClientTransportListener listener) {
            new Thread(() -> {
              listener.onOpen();
              listener.onFrame("{}");
              listener.onClose(CloseReason.NORMAL);
            }, "transport-thread").start();
          }

          @Override
          public boolean send(String frame) {
            return true;
          }

          @Override
          public void close() {}
        };
      }
    };
    try (JvmClientRuntime loop = new JvmClientRuntime("test-loop")) {
      ClientTransportFactory bound = loop.bind(offLoop);
      assertEquals("fake", bound.name());
      bound.create("http://127.0.0.1:1", "t").connect(new ClientTransportListener() {
        @Override
        public void onOpen() {
          events.add("open " + loop.onLoop());
        }

        @Override
        public void onFrame(String frame) {
          events.add("frame " + loop.onLoop());
        }

        @Override
        public void onClose(CloseReason reason) {
          events.add("close " + loop.onLoop());
          closed.countDown();
        }
      });
      assertTrue(closed.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("open true", "frame true", "close true"), events);
    }
  }
}
