package io.senchat.domain.client;

import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.transport.ClientTransportFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Makes {@link FakeTransport}s and keeps them, newest last. */
final class FakeTransportFactory implements ClientTransportFactory {

  final List<FakeTransport> created = new ArrayList<>();
  final List<String> baseUrls = new ArrayList<>();
  private Consumer<Inbound> onClientFrame = frame -> { };

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public FakeTransport create(String baseUrl, String accessToken) {
    baseUrls.add(baseUrl);
    FakeTransport transport = new FakeTransport(accessToken, frame -> onClientFrame.accept(frame));
    created.add(transport);
    return transport;
  }

  void onClientFrame(Consumer<Inbound> handler) {
    onClientFrame = handler;
  }

  FakeTransport last() {
    if (created.isEmpty()) {
      throw new AssertionError("no transport created");
    }
    return created.get(created.size() - 1);
  }

  int count() {
    return created.size();
  }
}
