package io.senchat.examples.client;

import dagger.BindsInstance;
import dagger.Component;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;

/**
 * Dagger components that wire a JVM client's transport policy; they differ only in the policy module, so choosing a
 * transport is choosing the module. {@link #forName} picks one for a {@code --transport ws|longpoll|auto} flag:
 *
 * <pre>{@code
 * ClientComponents.PolicySource policies =
 *     ClientComponents.forName("auto", loop, http, WebSocketClientOptions.defaults());
 * ChatClient client = loop.call(() ->
 *     new ChatClient(options, policies.policy(), tokens, store, loop.runtime(), listener));
 * }</pre>
 */
public final class ClientComponents {

  private ClientComponents() {}

  /** What every variant offers. */
  public interface PolicySource {

    /** A fresh policy for one client (policies keep per-client state). */
    TransportPolicy policy();
  }

  /** WebSocket only. */
  @Component(modules = {JvmTransportsModule.class, WebSocketPolicyModule.class})
  public interface WebSocket extends PolicySource {

    /** Builds the component from the loop, the shared HTTP client and the WebSocket options. */
    @Component.Factory
    interface Factory {
      WebSocket create(@BindsInstance JvmClientRuntime loop, @BindsInstance HttpClient http,
          @BindsInstance WebSocketClientOptions options);
    }
  }

  /** Long-polling only. */
  @Component(modules = {JvmTransportsModule.class, LongPollPolicyModule.class})
  public interface LongPoll extends PolicySource {

    /** Builds the component from the loop, the shared HTTP client and the WebSocket options. */
    @Component.Factory
    interface Factory {
      LongPoll create(@BindsInstance JvmClientRuntime loop, @BindsInstance HttpClient http,
          @BindsInstance WebSocketClientOptions options);
    }
  }

  /** WebSocket with fallback to long-polling and upgrade back. */
  @Component(modules = {JvmTransportsModule.class, AutoPolicyModule.class})
  public interface Auto extends PolicySource {

    /** Builds the component from the loop, the shared HTTP client and the WebSocket options. */
    @Component.Factory
    interface Factory {
      Auto create(@BindsInstance JvmClientRuntime loop, @BindsInstance HttpClient http,
          @BindsInstance WebSocketClientOptions options);
    }
  }

  /**
   * The component for a transport name ({@link TransportPolicies#NAMES}).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static PolicySource forName(String name, JvmClientRuntime loop, HttpClient http,
      WebSocketClientOptions options) {
    return switch (name) {
      case "ws" -> DaggerClientComponents_WebSocket.factory().create(loop, http, options);
      case "longpoll" -> DaggerClientComponents_LongPoll.factory().create(loop, http, options);
      case "auto" -> DaggerClientComponents_Auto.factory().create(loop, http, options);
      default -> throw new IllegalArgumentException("unknown transport '" + name + "'; choose from "
          + TransportPolicies.NAMES);
    };
  }
}
