package io.senchat.examples.loadgen;

import io.senchat.examples.client.ExampleLogging;
import java.io.PrintStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar examples/target/loadgen.jar --url http://127.0.0.1:PORT --clients N --group-size G --rate R
 * --duration S --transport ws}: the load generator's command line (see {@link LoadGenOptions#USAGE}). The result line
 * goes to stdout, progress to stderr.
 */
public final class LoadGen {

  /** A client did not connect, a message was lost, or the counts overflowed. */
  static final int EXIT_FAILED_RUN = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_SETUP = 3;

  private LoadGen() {}

  public static void main(String[] args) throws InterruptedException {
    ExampleLogging.configure();
    System.exit(run(args, System.out, System.err));
  }

  /** The whole program without {@link System#exit}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(LoadGenOptions.USAGE);
      return 0;
    }
    LoadGenOptions options;
    try {
      options = LoadGenOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("loadgen: " + e.getMessage());
      err.println("Run with --help to see every flag.");
      return EXIT_USAGE;
    }
    Logger log = LoggerFactory.getLogger(LoadGen.class);
    LoadReport report;
    try {
      report = new LoadGenerator(options).run();
    } catch (IllegalStateException e) {
      log.error("the run could not be set up: {}", e.getMessage());
      return EXIT_SETUP;
    }
    out.println(report.resultLine());
    for (String line : report.extraLines()) {
      out.println(line);
    }
    out.flush();
    log.info("also: {}", report.details());
    return report.failedRun() ? EXIT_FAILED_RUN : 0;
  }
}
