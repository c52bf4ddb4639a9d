package io.senchat.examples.client;

import dagger.Module;
import dagger.Provides;
import io.senchat.domain.client.FallbackTransportPolicy;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.transport.ClientTransportFactory;
import java.util.Map;
import javax.inject.Provider;

/**
 * Provides the client's {@link TransportPolicy}: WebSocket, falling back to long-polling and upgrading back
 * ({@link FallbackTransportPolicy}). Unscoped, so every injection is a fresh policy for one client; only the
 * transports it uses are made. Needs bound: the transports ({@link JvmTransportsModule}) and
 * {@link JvmClientRuntime}.
 */
@Module
public final class AutoPolicyModule {

  private AutoPolicyModule() {}

  @Provides
  static TransportPolicy policy(Map<String, Provider<ClientTransportFactory>> factories, JvmClientRuntime loop) {
    return new FallbackTransportPolicy(TransportPolicies.require(factories, "ws").get(),
        TransportPolicies.require(factories, "longpoll").get(), loop.runtime().clock());
  }
}
