package io.senchat.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where browser tests leave pictures: test artifacts under target/screenshots, and the README's picture. */
final class Screenshots {

  private Screenshots() {}

  /** Saves a PNG as {@code <name>.png} among the test artifacts (nothing when the browser cannot draw). */
  static void save(String name, byte[] png) {
    if (png.length == 0) {
      return;
    }
    write(Path.of(System.getProperty("senchat.screenshotDir", "target/screenshots")).resolve(name + ".png"), png);
  }

  /**
   * Saves the README's picture as {@code readme.png} among the artifacts and, when asked with
   * {@code -Dsenchat.readmeScreenshot=../docs/screenshot.png}, over the README's copy too (opt-in, so that an ordinary
   * {@code mvn verify} leaves the work tree clean).
   */
  static void saveForReadme(byte[] png) {
    if (png.length == 0) {
      return;
    }
    save("readme", png);
    String readmeCopy = System.getProperty("senchat.readmeScreenshot", "");
    if (!readmeCopy.isBlank()) {
      write(Path.of(readmeCopy), png);
    }
  }

  private static void write(Path file, byte[] png) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
