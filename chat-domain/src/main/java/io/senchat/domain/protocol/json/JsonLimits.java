package io.senchat.domain.protocol.json;

/**
 * Bounds that {@link JsonParser} enforces on untrusted input.
 *
 * @param maxChars longest accepted input in UTF-16 code units, checked before parsing starts
 * @param maxDepth deepest nesting of arrays and objects; also bounds the parser's recursion
 * @param maxEntries most elements in one array or members in one object
 */
public record JsonLimits(int maxChars, int maxDepth, int maxEntries) {

  /** The highest depth a caller may configure, so that recursion stays far from any JVM or browser stack limit. */
  public static final int DEPTH_CEILING = 512;

  /** 64 KiB of characters, depth 32, 10,000 entries per container. */
  public static final JsonLimits DEFAULT = new JsonLimits(64 * 1024, 32, 10_000);

  public JsonLimits {
    if (maxChars < 1 || maxDepth < 1 || maxDepth > DEPTH_CEILING || maxEntries < 1) {
      throw new IllegalArgumentException("bad JSON limits: chars " + maxChars + ", depth " + maxDepth
          + ", entries " + maxEntries);
    }
  }
}
