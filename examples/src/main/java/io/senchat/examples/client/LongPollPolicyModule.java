package io.senchat.examples.client;

import dagger.Module;
import dagger.Provides;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.transport.ClientTransportFactory;
import java.util.Map;
import javax.inject.Provider;

/**
 * Provides the client's {@link TransportPolicy}: long-polling only. Unscoped, so every injection is a fresh policy
 * for one client; only the transports it uses are made. Needs bound: the transports ({@link JvmTransportsModule}) and
 * {@link JvmClientRuntime}.
 */
@Module
public final class LongPollPolicyModule {

  private LongPollPolicyModule() {}

  @Provides
  static TransportPolicy policy(Map<String, Provider<ClientTransportFactory>> factories, JvmClientRuntime loop) {
    return TransportPolicy.only(TransportPolicies.require(factories, "longpoll").get());
  }
}
