package io.senchat.server.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The web app's size budget, over the files bundled into the server ({@code static/}), in gzipped bytes as
 * WebAppHandler sends them: what a first visit downloads before the app can start (host page, its stylesheets and
 * scripts, {@code senchat.nocache.js}, the permutation's initial fragment) under 200 KB, and the whole app,
 * with GWT's deferred fragments ({@code senchat/deferredjs/<permutation>/}), under 1 MB.
 *
 * <p>A failsafe test rather than a plugin step: it runs in {@code mvn verify} right after the app is unpacked into
 * the server, fails the build like any test, and needs no build tooling beyond Java's own gzip.
 */
class BundleBudgetIT {

  static final long INITIAL_BUDGET = 200 * 1024;
  static final long TOTAL_BUDGET = 1024 * 1024;

  private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*[\"']([^\"':?#]+)[\"']");
  private static final Pattern STRONG_NAME = Pattern.compile("[0-9A-F]{32}");

  private final Path root = Path.of(System.getProperty("senchat.staticDir", "target/classes/static"));

  @Test
  void initialDownloadAndWholeAppStayWithinTheirGzippedBudgets() throws IOException {
    Path index = root.resolve("index.html");
    Path nocache = root.resolve("senchat/senchat.nocache.js");
    assertTrue(Files.isRegularFile(index), "the host page is bundled: " + index);
    assertTrue(Files.isRegularFile(nocache), "the GWT entry script is bundled: " + nocache);

    Set<Path> initial = new LinkedHashSet<>();
    initial.add(index);
    Matcher reference = LOCAL_REFERENCE.matcher(Files.readString(index));
    while (reference.find()) {
      Path file = root.resolve(reference.group(1)).normalize();
      if (file.startsWith(root) && Files.isRegularFile(file)) {
        initial.add(file);
      }
    }
    initial.add(nocache);
    // The permutations the entry script can choose; a browser downloads one, so the largest counts.
    List<String> permutations = new ArrayList<>();
    Matcher strong = STRONG_NAME.matcher(Files.readString(nocache));
    while (strong.find()) {
      if (Files.isRegularFile(root.resolve("senchat/" + strong.group() + ".cache.js"))
          && !permutations.contains(strong.group())) {
        permutations.add(strong.group());
      }
    }
    assertFalse(permutations.isEmpty(), "senchat.nocache.js names no *.cache.js that is bundled");
    String permutation = permutations.stream().max((a, b) -> Long.compare(gzipped(fragment(a)),
        gzipped(fragment(b)))).orElseThrow();
    initial.add(fragment(permutation));

    List<Path> deferred = files(root.resolve("senchat/deferredjs/" + permutation));
    Set<Path> everything = new TreeSet<>(initial);
    everything.addAll(deferred);
    List<Path> stale = new ArrayList<>();
    for (Path file : files(root)) {
      if (isOtherPermutation(file, permutation)) {
        stale.add(file);
      } else {
        everything.add(file);
      }
    }

    long initialBytes = 0;
    System.out.println("Web app bundle (gzipped / raw bytes), permutation " + permutation + " of "
        + permutations.size() + ":");
    for (Path file : initial) {
      initialBytes += gzipped(file);
      System.out.printf("  initial   %9s / %9s  %s%n", kb(gzipped(file)), kb(Files.size(file)), root.relativize(file));
    }
    long deferredBytes = deferred.stream().mapToLong(BundleBudgetIT::gzipped).sum();
    long totalBytes = everything.stream().mapToLong(BundleBudgetIT::gzipped).sum();
    System.out.printf("  deferred  %9s in %d fragments (senchat/deferredjs/%s/)%n", kb(deferredBytes), deferred.size(),
        permutation);
    System.out.printf("  initial download %s gzipped (budget %s); whole app %s gzipped in %d files (budget %s)%n",
        kb(initialBytes), kb(INITIAL_BUDGET), kb(totalBytes), everything.size(), kb(TOTAL_BUDGET));
    if (!stale.isEmpty()) {
      System.out.println("  not counted: " + stale.size() + " files of other permutations (earlier compiles)");
    }

    assertTrue(initialBytes < INITIAL_BUDGET, "initial download " + kb(initialBytes) + " gzipped is over the "
        + kb(INITIAL_BUDGET) + " budget");
    assertTrue(totalBytes < TOTAL_BUDGET, "whole app " + kb(totalBytes) + " gzipped is over the " + kb(TOTAL_BUDGET)
        + " budget");
  }

  private Path fragment(String permutation) {
    return root.resolve("senchat/" + permutation + ".cache.js");
  }

  /** A compiled fragment of another permutation: the entry script never loads it. */
  private boolean isOtherPermutation(Path file, String permutation) {
    String relative = root.relativize(file).toString().replace('\\', '/');
    if (relative.startsWith("senchat/deferredjs/")) {
      return !relative.startsWith("senchat/deferredjs/" + permutation + "/");
    }
    String name = file.getFileName().toString();
    return relative.equals("senchat/" + name) && STRONG_NAME.matcher(name).lookingAt() && name.endsWith(".cache.js")
        && !name.startsWith(permutation);
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long gzipped(Path file) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(Files.readAllBytes(file));
      }
      return out.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kb(long bytes) {
    return String.format("%.1f KB", bytes / 1024.0);
  }
}
