package io.senchat.examples.client;

/** Points logback at the example programs' configuration (stderr, progress at INFO) unless the user chose one. */
public final class ExampleLogging {

  /** The configuration on the classpath; not {@code logback.xml}, so applications reusing this jar keep theirs. */
  static final String CONFIGURATION = "io/senchat/examples/client/logback-examples.xml";

  private ExampleLogging() {}

  /** Call first thing in {@code main}, before any logger exists. */
  public static void configure() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", CONFIGURATION);
    }
  }
}
