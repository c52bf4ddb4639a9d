package io.senchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.user.UserId;
import io.senchat.server.ApiClient.Response;
import io.senchat.server.ApiClient.Session;
import io.senchat.server.auth.AccessTokens;
import io.senchat.store.message.NewMessage;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every REST route over real HTTP, against one server on the embedded PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {

  private Path dataDir;
  private ChatServer server;
  private ApiClient api;

  @BeforeAll
  void startServer() {
    dataDir = TestServers.tempDir("senchat-rest");
    server = ChatServer.start(TestServers.config(dataDir));
    api = new ApiClient(server.url());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    TestServers.delete(dataDir);
  }

  // Accounts ---------------------------------------------------------------------------------------------------------

  @Test
  void registerLoginRefreshAndLogout() {
    Session alice = api.register("Alice Nguyễn");
    api.get("/api/me", alice.accessToken()).expect(200);

    Response login = api.post("/api/auth/login", null, "{\"username\":\"" + alice.username().toUpperCase()
        + "\",\"password\":\"" + alice.password() + "\",\"deviceName\":\"test phone\",\"deviceId\":\"phone-1\"}")
        .expect(200);
    assertEquals(alice.userId(), login.number("user.id"));
    assertEquals("Alice Nguyễn", login.string("user.displayName"));
    assertTrue(login.number("accessTokenExpiresAtMillis") > System.currentTimeMillis());
    String refreshToken = login.string("refreshToken");

    Response refreshed = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}")
        .expect(200);
    assertNotEquals(refreshToken, refreshed.string("refreshToken"));
    assertEquals(login.number("sessionId"), refreshed.number("sessionId"));
    api.get("/api/me", refreshed.string("accessToken")).expect(200);

    // Presenting the rotated token again looks like theft: the whole session ends, the fresh token included.
    api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}")
        .expectError(401, "unauthenticated");
    api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshed.string("refreshToken") + "\"}")
        .expectError(401, "unauthenticated");

    Response second = api.post("/api/auth/login", null, "{\"username\":\"" + alice.username()
        + "\",\"password\":\"" + alice.password() + "\"}").expect(200);
    api.post("/api/auth/logout", second.string("accessToken"), null).expect(204);
    api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + second.string("refreshToken") + "\"}")
        .expectError(401, "unauthenticated");
  }

  @Test
  void registrationAndLoginRefuseBadInput() {
    Session taken = api.register("Taken");
    api.post("/api/auth/register", null, "{\"username\":\"" + taken.username()
        + "\",\"displayName\":\"X\",\"password\":\"long enough\"}").expectError(409, "conflict");
    api.post("/api/auth/register", null,
        "{\"username\":\"no spaces please\",\"displayName\":\"X\",\"password\":\"long enough\"}")
        .expectError(422, "validation");
    api.post("/api/auth/register", null, "{\"username\":\"fine_name\",\"displayName\":\"X\",\"password\":\"short\"}")
        .expectError(422, "validation");
    api.post("/api/auth/register", null, "{\"username\":\"fine_name\",\"password\":\"long enough\"}")
        .expectError(400, "bad_frame");
    api.post("/api/auth/login", null, "{\"username\":\"" + taken.username() + "\",\"password\":\"wrong one\"}")
        .expectError(401, "unauthenticated");
    api.post("/api/auth/login", null, "{\"username\":\"nobody_here\",\"password\":\"wrong one\"}")
        .expectError(401, "unauthenticated");
  }

  @Test
  void everyRouteNeedsAValidUnexpiredToken() {
    Response missing = api.get("/api/me", null).expectError(401, "unauthenticated");
    assertEquals("Bearer", missing.headers().firstValue("www-authenticate").orElse(""));
    api.get("/api/conversations", "v1.garbage.token").expectError(401, "unauthenticated");
    api.post("/api/conversations/group", null, "{\"title\":\"x\",\"memberIds\":[]}")
        .expectError(401, "unauthenticated");

    Session bob = api.register("Bob");
    long anHourAgo = System.currentTimeMillis() - 3_600_000;
    String expired = new AccessTokens(HexFormat.of().parseHex(TestServers.TOKEN_SECRET), () -> anHourAgo, 60_000)
        .issue(UserId.of(bob.userId()), 1, "").token();
    api.get("/api/me", expired).expectError(401, "token_expired");
  }

  // Profiles -----------------------------------------------------------------------------------------------------------

  @Test
  void profileReadsAndChangesAndContactSearchFindsByPrefix() {
    Session lan = api.register("Lan");
    Response me = api.get("/api/me", lan.accessToken()).expect(200);
    assertEquals(lan.username(), me.string("username"));
    assertEquals("user", me.string("systemRole"));

    Response changed = api.patch("/api/me", lan.accessToken(),
        "{\"displayName\":\"Lan Trần\",\"statusText\":\"Đi cà phê ☕\",\"avatarUrl\":\"https://cdn.example.com/a.png\"}")
        .expect(200);
    assertEquals("Lan Trần", changed.string("displayName"));
    assertEquals("Đi cà phê ☕", api.get("/api/me", lan.accessToken()).string("statusText"));
    api.patch("/api/me", lan.accessToken(), "{\"avatarUrl\":\"javascript:alert(1)\"}").expectError(422, "validation");
    api.patch("/api/me", lan.accessToken(), "{\"displayName\":\"   \"}").expectError(422, "validation");
    api.patch("/api/me", lan.accessToken(), "{}").expectError(400, "bad_frame");

    Response found = api.get("/api/users?q=" + lan.username().substring(0, 6) + "&limit=5", lan.accessToken())
        .expect(200);
    assertTrue(found.body().contains("\"" + lan.username() + "\""), found.body());
    assertEquals(0, api.get("/api/users?q=zzzznobody", lan.accessToken()).size("users"));
    api.get("/api/users", lan.accessToken()).expectError(400, "bad_frame");
    api.get("/api/users?q=a&limit=500", lan.accessToken()).expectError(400, "bad_frame");
  }

  // Conversations -------------------------------------------------------------------------------------------------------

  @Test
  void directConversationIsCreatedOnceAndListedWithThePeer() {
    Session an = api.register("An");
    Session binh = api.register("Bình");
    Session stranger = api.register("Stranger");

    Response created = api.post("/api/conversations/direct", an.accessToken(), "{\"userId\":" + binh.userId() + "}")
        .expect(201);
    long id = created.number("conversation.id");
    assertEquals("direct", created.string("conversation.kind"));
    assertEquals(2, created.number("memberCount"));
    Response again = api.post("/api/conversations/direct", binh.accessToken(), "{\"userId\":" + an.userId() + "}")
        .expect(200);
    assertEquals(id, again.number("conversation.id"));

    Response list = api.get("/api/conversations", an.accessToken()).expect(200);
    assertEquals(id, list.number("conversations[0].conversation.id"));
    assertEquals(binh.userId(), list.number("conversations[0].peer.id"));
    assertEquals(0, list.number("conversations[0].unreadCount"));

    api.get("/api/conversations/" + id, binh.accessToken()).expect(200);
    api.get("/api/conversations/" + id, stranger.accessToken()).expectError(403, "not_member");
    api.get("/api/conversations/999999999", an.accessToken()).expectError(404, "not_found");
    api.get("/api/conversations/abc", an.accessToken()).expectError(404, "not_found");
    api.post("/api/conversations/direct", an.accessToken(), "{\"userId\":999999999}").expectError(404, "not_found");
    api.post("/api/conversations/direct", an.accessToken(), "{\"userId\":" + an.userId() + "}")
        .expectError(422, "validation");
    api.patch("/api/conversations/" + id, an.accessToken(), "{\"title\":\"no\"}").expectError(403, "forbidden");
  }

  @Test
  void groupInfoAndSettingsFollowTheGroupsRules() {
    Session owner = api.register("Owner");
    Session member = api.register("Member");
    Session outsider = api.register("Outsider");
    long id = group(owner, "Đà Nẵng trip 🏖️", member);

    Response view = api.get("/api/conversations/" + id, member.accessToken()).expect(200);
    assertEquals("Đà Nẵng trip 🏖️", view.string("conversation.title"));
    assertEquals("member", view.string("role"));
    assertEquals("admins", view.string("conversation.settings.changeInfo"));

    api.patch("/api/conversations/" + id, member.accessToken(), "{\"title\":\"Mine now\"}")
        .expectError(403, "forbidden");
    api.patch("/api/conversations/" + id, outsider.accessToken(), "{\"title\":\"Mine now\"}")
        .expectError(403, "not_member");
    api.patch("/api/conversations/" + id, owner.accessToken(), "{\"title\":\"\"}").expectError(422, "validation");
    Response renamed = api.patch("/api/conversations/" + id, owner.accessToken(),
        "{\"title\":\"Hội An\",\"settings\":{\"changeInfo\":\"members\",\"post\":\"admins\"}}").expect(200);
    assertEquals("Hội An", renamed.string("conversation.title"));
    assertEquals("members", renamed.string("conversation.settings.changeInfo"));
    assertEquals("admins", renamed.string("conversation.settings.post"));
    assertEquals("members", renamed.string("conversation.settings.addMembers"));
    api.patch("/api/conversations/" + id, member.accessToken(), "{\"avatarUrl\":\"/media/g.png\"}").expect(200);
    api.patch("/api/conversations/" + id, member.accessToken(), "{\"settings\":{\"post\":\"members\"}}")
        .expectError(403, "forbidden");
    api.patch("/api/conversations/" + id, owner.accessToken(), "{\"settings\":{\"post\":\"everyone\"}}")
        .expectError(400, "bad_frame");
  }

  @Test
  void memberStateIsPerMemberAndPinnedConversationsComeFirst() {
    Session user = api.register("Pinner");
    Session other = api.register("Other");
    long first = group(user, "First", other);
    long second = group(user, "Second", other);

    Response state = api.patch("/api/conversations/" + first + "/state", user.accessToken(),
        "{\"pinned\":true,\"mutedUntilMillis\":9007199254740991}").expect(200);
    assertTrue(state.bool("memberState.pinned"));
    assertEquals(9007199254740991L, state.number("memberState.mutedUntilMillis"));
    Response list = api.get("/api/conversations?limit=1", user.accessToken()).expect(200);
    assertEquals(first, list.number("conversations[0].conversation.id"));
    assertTrue(list.has("nextCursor"));
    Response next = api.get("/api/conversations?limit=1&cursor=" + list.string("nextCursor"), user.accessToken())
        .expect(200);
    assertEquals(second, next.number("conversations[0].conversation.id"));

    assertFalse(api.get("/api/conversations/" + first, other.accessToken()).bool("memberState.pinned"));
    api.patch("/api/conversations/" + second + "/state", user.accessToken(), "{\"archived\":true}").expect(200);
    Response archived = api.get("/api/conversations?filter=archived", user.accessToken()).expect(200);
    assertEquals(1, archived.size("conversations"));
    assertEquals(second, archived.number("conversations[0].conversation.id"));

    api.patch("/api/conversations/" + first + "/state", user.accessToken(), "{}").expectError(400, "bad_frame");
    api.patch("/api/conversations/" + first + "/state", api.register("Nosy").accessToken(), "{\"hidden\":true}")
        .expectError(403, "not_member");
    api.get("/api/conversations?filter=weird", user.accessToken()).expectError(400, "bad_frame");
    api.get("/api/conversations?cursor=nonsense", user.accessToken()).expectError(400, "bad_frame");
  }

  // Members ----------------------------------------------------------------------------------------------------------

  @Test
  void membersAreAddedRemovedPromotedAndLeave() {
    Session owner = api.register("Owner");
    Session admin = api.register("Admin");
    Session plain = api.register("Plain");
    Session late = api.register("Late");
    long id = group(owner, "Team", admin, plain);
    String members = "/api/conversations/" + id + "/members";

    Response list = api.get(members, plain.accessToken()).expect(200);
    assertEquals(3, list.size("members"));
    assertEquals(3, list.size("receipts"), "every member's receipt marks come with the list");
    assertEquals(0, list.number("receipts[0].readSeq"));
    assertEquals("owner", list.string("members[0].role"));
    assertEquals(owner.userId(), list.number("members[0].user.id"));

    Response added = api.post(members, plain.accessToken(), "{\"userIds\":[" + late.userId() + "," + admin.userId()
        + "]}").expect(200);
    assertEquals(1, added.size("added"));
    assertEquals(late.userId(), added.number("added[0].userId"));

    api.delete(members + "/" + late.userId(), plain.accessToken()).expectError(403, "forbidden");
    api.patch(members + "/" + admin.userId(), plain.accessToken(), "{\"role\":\"admin\"}")
        .expectError(403, "forbidden");
    Response promoted = api.patch(members + "/" + admin.userId(), owner.accessToken(), "{\"role\":\"admin\"}")
        .expect(200);
    assertEquals("admin", promoted.string("member.role"));
    api.patch(members + "/" + admin.userId(), owner.accessToken(), "{\"role\":\"king\"}")
        .expectError(400, "bad_frame");

    api.delete(members + "/" + late.userId(), admin.accessToken()).expect(204);
    api.get("/api/conversations/" + id, late.accessToken()).expectError(403, "not_member");
    api.delete(members + "/" + owner.userId(), admin.accessToken()).expectError(403, "forbidden");
    api.delete(members + "/" + late.userId(), admin.accessToken()).expectError(404, "not_found");

    api.post("/api/conversations/" + id + "/leave", owner.accessToken(), null).expectError(403, "forbidden");
    api.post("/api/conversations/" + id + "/leave", plain.accessToken(), null).expect(204);
    api.get(members, plain.accessToken()).expectError(403, "not_member");

    Response handedOver = api.patch(members + "/" + admin.userId(), owner.accessToken(), "{\"role\":\"owner\"}")
        .expect(200);
    assertEquals("owner", handedOver.string("member.role"));
    assertEquals("admin", api.get("/api/conversations/" + id, owner.accessToken()).string("role"));
    api.post("/api/conversations/" + id + "/leave", owner.accessToken(), null).expect(204);
  }

  @Test
  void theFiveHundredAndFirstMemberIsRefused() {
    Session owner = api.register("Big");
    // Ids need not exist: the member limit is checked first, by the domain's rule.
    StringJoiner ids = new StringJoiner(",", "[", "]");
    for (int i = 1; i <= 500; i++) {
      ids.add(Long.toString(1_000_000_000L + i));
    }
    api.post("/api/conversations/group", owner.accessToken(), "{\"title\":\"Too big\",\"memberIds\":" + ids + "}")
        .expectError(422, "validation");

    Session member = api.register("Small");
    long id = group(owner, "Almost full", member);
    StringJoiner more = new StringJoiner(",", "[", "]");
    for (int i = 1; i <= 499; i++) {
      more.add(Long.toString(2_000_000_000L + i));
    }
    Response refused = api.post("/api/conversations/" + id + "/members", owner.accessToken(),
        "{\"userIds\":" + more + "}").expectError(422, "validation");
    assertTrue(refused.string("message").contains("501"), refused.body());
    api.post("/api/conversations/" + id + "/members", owner.accessToken(), "{\"userIds\":[2999999999]}")
        .expectError(404, "not_found");
  }

  // Messages ---------------------------------------------------------------------------------------------------------

  @Test
  void historyPagesNewestBeforeAfterAndAround() {
    Session writer = api.register("Writer");
    Session reader = api.register("Reader");
    long id = group(writer, "History", reader);
    for (int i = 1; i <= 5; i++) {
      server.application().storage().store().messages().append(NewMessage.text(ConversationId.of(id),
          UserId.of(writer.userId()), UUID.randomUUID().toString(), "message " + i));
    }
    String messages = "/api/conversations/" + id + "/messages";

    Response newest = api.get(messages + "?limit=2", reader.accessToken()).expect(200);
    assertEquals(2, newest.size("messages"));
    assertEquals(4, newest.number("messages[0].seq"));
    assertEquals("message 5", newest.string("messages[1].text"));
    assertTrue(newest.bool("hasMoreBefore"));
    assertFalse(newest.bool("hasMoreAfter"));

    Response before = api.get(messages + "?before=4&limit=10", reader.accessToken()).expect(200);
    assertEquals(3, before.size("messages"));
    assertEquals(1, before.number("messages[0].seq"));
    Response after = api.get(messages + "?after=3", reader.accessToken()).expect(200);
    assertEquals(2, after.size("messages"));
    Response around = api.get(messages + "/around/3?limit=1", reader.accessToken()).expect(200);
    assertEquals(3, around.size("messages"));
    assertEquals(2, around.number("messages[0].seq"));
    assertEquals(4, around.number("messages[2].seq"));

    api.get(messages + "?before=4&after=1", reader.accessToken()).expectError(400, "bad_frame");
    api.get(messages + "?limit=0", reader.accessToken()).expectError(400, "bad_frame");
    api.get(messages + "?limit=201", reader.accessToken()).expectError(400, "bad_frame");
    api.get(messages, api.register("Peeker").accessToken()).expectError(403, "not_member");
  }

  // Malformed requests -------------------------------------------------------------------------------------------------

  @Test
  void malformedRequestsGetJsonErrors() {
    Session user = api.register("Sloppy");
    api.post("/api/conversations/group", user.accessToken(), "{\"title\": \"x\",").expectError(400, "bad_json");
    api.post("/api/conversations/group", user.accessToken(), "[1, 2]").expectError(400, "bad_frame");
    api.post("/api/conversations/group", user.accessToken(), "{\"title\":\"x\",\"memberIds\":\"all\"}")
        .expectError(400, "bad_frame");
    api.post("/api/conversations/group", user.accessToken(), "{\"title\":\"x\",\"memberIds\":[1.5]}")
        .expectError(400, "bad_frame");
    api.send(HttpRequest.newBuilder(api.base().resolve("/api/conversations/direct"))
        .header("Authorization", "Bearer " + user.accessToken())
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":1}")).build())
        .expectError(400, "bad_frame");
    api.send(HttpRequest.newBuilder(api.base().resolve("/api/conversations/direct"))
        .header("Authorization", "Bearer " + user.accessToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xC3, '"'})).build())
        .expectError(400, "bad_json");

    String huge = "{\"title\":\"" + "x".repeat(70 * 1024) + "\",\"memberIds\":[]}";
    api.post("/api/conversations/group", user.accessToken(), huge).expectError(413, "too_large");
    // The connection is still usable after an oversized body was refused.
    api.get("/api/me", user.accessToken()).expect(200);

    api.get("/api/nothing/here", user.accessToken()).expectError(404, "not_found");
    Response wrongMethod = api.call("PUT", "/api/me", user.accessToken(), "{}").expectError(405, "bad_frame");
    assertEquals("GET, PATCH", wrongMethod.headers().firstValue("allow").orElse(""));
    assertEquals("no-store", wrongMethod.headers().firstValue("cache-control").orElse(""));
  }

  /** A group owned by {@code owner} with {@code members}; returns its id. */
  private long group(Session owner, String title, Session... members) {
    StringJoiner ids = new StringJoiner(",", "[", "]");
    for (Session member : members) {
      ids.add(Long.toString(member.userId()));
    }
    Response created = api.post("/api/conversations/group", owner.accessToken(),
        "{\"title\":\"" + title + "\",\"memberIds\":" + ids + "}").expect(201);
    assertEquals("owner", created.string("role"));
    assertEquals(members.length + 1, created.number("memberCount"));
    return created.number("conversation.id");
  }
}
