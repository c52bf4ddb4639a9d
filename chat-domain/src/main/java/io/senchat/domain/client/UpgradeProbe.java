package io.senchat.domain.client;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.FrameException;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;

/**
 * One background test of a preferred transport while the client is online over another: it opens the transport,
 * says {@code hello} without a position (so the server replays nothing) and succeeds on {@code welcome}. It never
 * carries the session: the engine closes it and reconnects over the proven transport with its sync token, which is
 * the one resume path every reconnect already takes, so an upgrade can neither lose nor repeat a message.
 */
final class UpgradeProbe implements ClientTransportListener {

  /** Where the probe reports its single outcome. */
  interface Outcome {
    void probed(UpgradeProbe probe, boolean reachedWelcome);
  }

  static final CloseReason PROBE_DONE = new CloseReason(CloseReason.NORMAL.code(), "upgrade probe done");

  final ClientTransportFactory factory;
  private final Outcome outcome;
  private final String accessToken;
  private final String deviceId;
  private final String clientVersion;
  private ClientTransport transport;
  private Cancellable timeout;
  private boolean finished;

  UpgradeProbe(ClientTransportFactory factory, String accessToken, String deviceId, String clientVersion,
      Outcome outcome) {
    this.factory = factory;
    this.accessToken = accessToken;
    this.deviceId = deviceId;
    this.clientVersion = clientVersion;
    this.outcome = outcome;
  }

  /** Opens the transport; fails the probe after {@code timeoutMillis} without {@code welcome}. */
  void start(String baseUrl, Scheduler scheduler, long timeoutMillis) {
    timeout = scheduler.schedule(timeoutMillis, () -> finish(false));
    try {
      transport = factory.create(baseUrl, accessToken);
      transport.connect(this);
    } catch (RuntimeException e) {
      finish(false);
    }
  }

  /** Abandons the probe without reporting (the connection it would have upgraded is gone). */
  void cancel() {
    if (!finished) {
      finished = true;
      cleanUp();
    }
  }

  @Override
  public void onOpen() {
    if (finished) {
      return;
    }
    String hello;
    try {
      hello = ProtocolCodec.encodeClient("probe", new ClientFrame.Hello(accessToken, null, deviceId, clientVersion));
    } catch (RuntimeException malformed) {
      finish(false);
      return;
    }
    boolean sent;
    try {
      sent = transport.send(hello);
    } catch (RuntimeException e) {
      sent = false;
    }
    if (!sent) {
      finish(false);
    }
  }

  @Override
  public void onFrame(String frame) {
    if (finished) {
      return;
    }
    ServerFrame decoded;
    try {
      decoded = ProtocolCodec.decodeServer(frame).frame();
    } catch (FrameException e) {
      return;
    }
    if (decoded instanceof ServerFrame.Welcome) {
      finish(true);
    } else if (decoded instanceof ServerFrame.ErrorFrame) {
      finish(false);
    }
  }

  @Override
  public void onClose(CloseReason reason) {
    finish(false);
  }

  private void finish(boolean reachedWelcome) {
    if (finished) {
      return;
    }
    finished = true;
    cleanUp();
    outcome.probed(this, reachedWelcome);
  }

  private void cleanUp() {
    if (timeout != null) {
      timeout.cancel();
      timeout = null;
    }
    if (transport != null) {
      try {
        transport.close();
      } catch (RuntimeException ignored) {
        // The probe is over either way.
      }
    }
  }
}
