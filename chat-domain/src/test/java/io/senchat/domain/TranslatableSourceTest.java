package io.senchat.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A cheap guard between GWT compiles: the domain's main sources must not use APIs that GWT does not translate, or
 * translates with different results, or that make rules non-deterministic. Comments and string literals are
 * ignored. The real proof stays the GWT compile of the web module.
 */
class TranslatableSourceTest {

  private static final Path SOURCES = Path.of("src/main/java/io/senchat/domain");

  /** Forbidden code fragment, and why. */
  private static final String[][] FORBIDDEN = {
      {"java.util.regex", "GWT has no regex emulation; write a scanner"},
      {".matches(", "regular expressions"},
      {".split(", "regular expressions"},
      {".replaceAll(", "regular expressions"},
      {".replaceFirst(", "regular expressions"},
      {"String.format", "not emulated by GWT"},
      {".formatted(", "not emulated by GWT"},
      {"java.time", "not emulated by GWT; time comes from Clock"},
      {"java.io.", "no I/O in the domain"},
      {"java.nio", "no I/O in the domain"},
      {"java.lang.reflect", "no reflection"},
      {"Class.forName", "no reflection"},
      {".getClass()", "class names are obfuscated by GWT"},
      {"Thread", "no threads"},
      {"System.currentTimeMillis", "time comes from Clock"},
      {"System.nanoTime", "time comes from Clock"},
      {"Math.random", "randomness comes from RandomSource"},
      {"java.util.Random", "randomness comes from RandomSource"},
      {"Character.isLetter", "ASCII-only in GWT; use Texts.isWordChar"},
      {"Character.isDigit", "ASCII-only in GWT"},
      {"Character.isUpperCase", "ASCII-only in GWT"},
      {"Character.isLowerCase", "ASCII-only in GWT"},
      {"Character.isAlphabetic", "not emulated by GWT"},
      {"Character.isSpaceChar", "not emulated by GWT"},
      {".toLowerCase()", "depends on the JVM default locale; use Texts.asciiLowerCase"},
      {".toUpperCase()", "depends on the JVM default locale"},
  };

  @Test
  void mainSourcesUseOnlyTranslatableDeterministicApis() throws IOException {
    List<String> violations = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(files.size() > 20, "sources not found under " + SOURCES.toAbsolutePath());
    for (Path file : files) {
      String[] lines = codeOnly(Files.readString(file)).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String[] rule : FORBIDDEN) {
          if (lines[i].contains(rule[0])) {
            violations.add(SOURCES.relativize(file) + ":" + (i + 1) + " uses " + rule[0] + " (" + rule[1] + ")");
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theScannerIgnoresCommentsAndStringsButNotCode() {
    String source = "/* String.format */ int a; // java.time\nString s = \"x.split(y)\"; char c = '\"';\ns.split(\",\");";
    String code = codeOnly(source);
    assertEquals(3, code.split("\n", -1).length);
    assertTrue(!code.contains("String.format") && !code.contains("java.time") && !code.contains("x.split"));
    assertTrue(code.contains("s.split("));
  }

  /** The source with comments and the contents of string, text-block and char literals blanked, lines kept. */
  private static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        keepNewlines(source, i, end, out);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        keepNewlines(source, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(j + 1, n);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void keepNewlines(String source, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        out.append('\n');
      }
    }
  }
}
