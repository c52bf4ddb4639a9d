package io.senchat.server.metrics;

import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import javax.inject.Singleton;

/**
 * Metrics in Prometheus form: one {@link PrometheusMeterRegistry} (also bound as {@link MeterRegistry} for the
 * core's meters) with JVM and process meters, scraped at {@code /metrics}.
 *
 * <p>Needs bound: nothing.
 */
@Module
public final class MetricsModule {

  private MetricsModule() {}

  @Provides
  @Singleton
  static ServerMetrics serverMetrics() {
    return new ServerMetrics();
  }

  @Provides
  static PrometheusMeterRegistry prometheusRegistry(ServerMetrics metrics) {
    return metrics.registry();
  }

  @Provides
  static MeterRegistry meterRegistry(ServerMetrics metrics) {
    return metrics.registry();
  }
}
