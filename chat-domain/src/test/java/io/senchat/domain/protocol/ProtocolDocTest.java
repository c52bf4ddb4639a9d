package io.senchat.domain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.json.JsonLimits;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonParser;
import io.senchat.domain.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/protocol.md true: every {@code json} block decodes, and what the codec would write for it is the same
 * JSON; every frame type has an example; the error table matches {@link ErrorCode}.
 */
class ProtocolDocTest {

  private static final JsonLimits DOC_LIMITS = new JsonLimits(1 << 20, 32, 10_000);
  private static final Set<String> CLIENT_TYPES = Set.of("hello", "sync", "message.send", "message.edit",
      "message.delete", "message.react", "receipt.mark", "typing", "presence.watch", "history", "ping");
  private static final Set<String> SERVER_TYPES = Set.of("welcome", "ack", "error", "message.new",
      "message.updated", "message.hidden", "receipt", "typing", "presence", "conversation.updated",
      "member.changed", "member.state", "sync.batch", "history.page", "pong");

  /** A fenced block: its info string after "json" and its text. */
  record Block(String tags, String json, int line) {
  }

  private static List<String> lines;
  private static List<Block> blocks;

  @BeforeAll
  static void readDocument() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "protocol.md");
    lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```json")) {
        int start = i;
        StringBuilder json = new StringBuilder();
        for (i++; !lines.get(i).startsWith("```"); i++) {
          json.append(lines.get(i)).append('\n');
        }
        blocks.add(new Block(line.substring("```json".length()).trim(), json.toString(), start + 1));
      }
    }
  }

  @Test
  void everyExampleDecodesAndIsWhatTheCodecWrites() {
    Set<String> clientTypes = new TreeSet<>();
    Set<String> serverTypes = new TreeSet<>();
    for (Block block : blocks) {
      String where = "docs/protocol.md line " + block.line();
      JsonValue documented = JsonParser.parse(block.json(), DOC_LIMITS);
      String written;
      try {
        switch (block.tags()) {
          case "client", "client lenient" -> {
            Inbound inbound = ProtocolCodec.decodeClient(block.json());
            clientTypes.add(inbound.frame().type());
            written = ProtocolCodec.encodeClient(inbound);
          }
          case "server" -> {
            Outbound outbound = ProtocolCodec.decodeServer(block.json());
            serverTypes.add(outbound.frame().type());
            written = ProtocolCodec.encodeServer(outbound);
          }
          case "message" -> written = MessageJson.toJson(MessageJson.fromJson(documented)).toString();
          case "conversation" ->
              written = ConversationJson.toJson(ConversationJson.conversationFromJson(documented)).toString();
          case "member-state" ->
              written = ConversationJson.toJson(ConversationJson.memberStateFromJson(documented)).toString();
          default -> throw new AssertionError(where + ": unknown block tag \"" + block.tags() + "\"");
        }
      } catch (FrameException e) {
        throw new AssertionError(where + ": " + e.code() + " " + e.getMessage(), e);
      }
      if (!block.tags().endsWith("lenient")) {
        assertEquals(documented, JsonParser.parse(written, DOC_LIMITS), where + " is not what the codec writes");
      }
    }
    assertEquals(CLIENT_TYPES, clientTypes, "client frame types with an example");
    assertEquals(SERVER_TYPES, serverTypes, "server frame types with an example");
  }

  @Test
  void lenientExampleReallyIsLenient() {
    Block lenient = blocks.stream().filter(b -> b.tags().equals("client lenient")).findFirst().orElseThrow();
    JsonObject frame = (JsonObject) JsonParser.parse(lenient.json(), DOC_LIMITS);
    assertTrue(frame.get("traceparent") != null, "shows an unknown member");
  }

  @Test
  void errorTableMatchesErrorCode() {
    Set<String> documented = new TreeSet<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Error codes");
      } else if (inSection && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        String wireName = cells[1].trim().replace("`", "");
        ErrorCode code = ErrorCode.fromWireName(wireName);
        if (code == null) {
          fail("documented code " + wireName + " does not exist");
        }
        assertEquals(code.httpStatus(), Integer.parseInt(cells[2].trim()), wireName);
        assertEquals(code.retryable() ? "yes" : "no", cells[3].trim(), wireName);
        documented.add(wireName);
      }
    }
    Set<String> all = new TreeSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      all.add(code.wireName());
    }
    assertEquals(all, documented);
  }

  @Test
  void limitsTableStatesTheCodeLimits() {
    String text = String.join("\n", lines);
    assertFalse(blocks.isEmpty());
    assertTrue(text.contains("| Client frame | 65,536 characters"));
    assertEquals(65_536, ProtocolLimits.MAX_CLIENT_FRAME_CHARS);
    assertTrue(text.contains("| Server frame | 1,048,576 characters"));
    assertEquals(1_048_576, ProtocolLimits.MAX_SERVER_FRAME_CHARS);
    assertTrue(text.contains("| `sync` limit | 1 to " + ProtocolLimits.MAX_SYNC_LIMIT + " |"));
    assertTrue(text.contains("| `history` limit | 1 to " + ProtocolLimits.MAX_HISTORY_LIMIT + " |"));
    assertTrue(text.contains("| Users in one `presence.watch` | " + ProtocolLimits.MAX_WATCHED_USERS + " |"));
    assertTrue(text.contains("| Marks in one `receipt.mark` | 1 to " + ProtocolLimits.MAX_RECEIPT_MARKS + " |"));
  }
}
