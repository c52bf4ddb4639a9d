package io.senchat.server.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.senchat.domain.common.ErrorCode;
import io.senchat.server.fanout.SessionRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The core's meters, created once: looking meters up by name per frame would cost more than the work measured. */
@Singleton
final class RealtimeMetrics {

  private final Counter framesIn;
  private final Counter framesOut;
  private final Counter sends;
  private final Counter duplicateSends;
  private final Timer sendLatency;
  private final Counter slowConsumerCloses;
  private final Counter heldOverflowCloses;
  private final Counter replays;
  private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);

  @Inject
  RealtimeMetrics(MeterRegistry meters, SessionRegistry sessions) {
    Gauge.builder("senchat.connections", sessions, SessionRegistry::size)
        .description("Live real-time sessions on this node")
        .register(meters);
    framesIn = Counter.builder("senchat.frames.in").description("Frames received from clients").register(meters);
    framesOut = Counter.builder("senchat.frames.out").description("Frames queued to clients").register(meters);
    sends = Counter.builder("senchat.sends").tag("result", "new").description("Messages accepted")
        .register(meters);
    duplicateSends = Counter.builder("senchat.sends").tag("result", "duplicate")
        .description("Resends answered with the original message").register(meters);
    sendLatency = Timer.builder("senchat.send.latency")
        .description("From message.send received to ack queued (durable write and fan-out included)")
        .publishPercentiles(0.5, 0.95, 0.99)
        .publishPercentileHistogram()
        .register(meters);
    slowConsumerCloses = Counter.builder("senchat.slow_consumer.closes").tag("cause", "send_queue")
        .description("Sessions closed because they read too slowly").register(meters);
    heldOverflowCloses = Counter.builder("senchat.slow_consumer.closes").tag("cause", "replay_backlog")
        .description("Sessions closed because live events outgrew the buffer during a replay").register(meters);
    replays = Counter.builder("senchat.replay.batches").description("sync.batch frames sent").register(meters);
    for (ErrorCode code : ErrorCode.values()) {
      errors.put(code, Counter.builder("senchat.errors").tag("code", code.wireName())
          .description("Error frames sent").register(meters));
    }
  }

  void frameIn() {
    framesIn.increment();
  }

  void frameOut() {
    framesOut.increment();
  }

  void error(ErrorCode code) {
    if (code != null) {
      errors.get(code).increment();
    }
  }

  void sent(boolean duplicate, long startedNanos) {
    (duplicate ? duplicateSends : sends).increment();
    sendLatency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  void slowConsumerClosed() {
    slowConsumerCloses.increment();
  }

  void heldOverflowClosed() {
    heldOverflowCloses.increment();
  }

  void replayed() {
    replays.increment();
  }
}
