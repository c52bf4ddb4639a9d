package io.senchat.examples.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.client.AccessTokenSource;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.examples.client.JvmClientRuntime;
import io.senchat.examples.client.LocalChatServer;
import io.senchat.examples.client.SenChatRest;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The echo bot on a real server, talking to a real client. */
class EchoBotTest {

  @Test
  @Timeout(120)
  void answersTextAsAReplyButNeverEchoesEchoesAndStopsRunawayConversations() throws Exception {
    LocalChatServer server = LocalChatServer.shared();
    try (JvmClientRuntime loop = new JvmClientRuntime("alice-loop")) {
      EchoBot bot = EchoBot.start(server.url(), "echo_bot", "echo-bot-test-password", "Echo Bot");
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SenChatRest rest = new SenChatRest(http, server.url());
        SenChatRest.Session alice = rest.register("alice", "alice-password", "Alice").join();
        ConversationId direct = ConversationId.of(rest.openDirect(alice.accessToken(), bot.userId()).join());

        BlockingQueue<Message> fromBot = new LinkedBlockingQueue<>();
        BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();
        ChatClientListener listener = new ChatClientListener() {
          @Override
          public void onEvent(ServerFrame event) {
            if (event instanceof MessageNew created && created.message().senderId().value() == bot.userId()) {
              fromBot.add(created.message());
            }
          }

          @Override
          public void onSendAcked(OutgoingMessage message, Ack ack) {
            acks.add(ack);
          }
        };
        ChatClient client = loop.call(() -> new ChatClient(ClientOptions.defaults(server.url()),
            TransportPolicy.only(loop.webSocket(http, WebSocketClientOptions.defaults())),
            AccessTokenSource.fixed(alice.accessToken()), new InMemoryClientStateStore(), loop.runtime(), listener));
        loop.run(client::start);

        loop.run(() -> client.send(OutgoingMessage.text(direct, "a-1", "xin chào 👋")));
        Ack hello = acks.poll(20, TimeUnit.SECONDS);
        assertNotNull(hello, "alice's message acknowledged");
        Message echo = fromBot.poll(20, TimeUnit.SECONDS);
        assertNotNull(echo, "the bot answered");
        assertEquals("echo: xin chào 👋", echo.text());
        assertEquals(hello.seq(), echo.replyToSeq());

        // Another echo bot's reply must not be answered, or two bots would talk for ever.
        loop.run(() -> client.send(OutgoingMessage.text(direct, "a-2", "echo: from another bot")));
        // Then a burst: the bot answers at most five messages per conversation per ten seconds (one used above).
        for (int i = 3; i <= 8; i++) {
          String text = "burst " + i;
          String clientId = "a-" + i;
          loop.run(() -> client.send(OutgoingMessage.text(direct, clientId, text)));
        }
        for (int i = 3; i <= 6; i++) {
          Message reply = fromBot.poll(20, TimeUnit.SECONDS);
          assertNotNull(reply, "reply to burst " + i);
          assertEquals("echo: burst " + i, reply.text());
        }
        assertNull(fromBot.poll(1_500, TimeUnit.MILLISECONDS), "nothing more: no echo of an echo, no runaway");
        loop.run(client::close);
      } finally {
        bot.close();
      }
    }
  }

  @Test
  void clipsByCodePoints() {
    assertEquals("ab", EchoBot.clip("ab", 4));
    assertEquals("a👋", EchoBot.clip("a👋c", 2));
    assertTrue(EchoBot.clip("x".repeat(5000), 3994).length() == 3994);
  }
}
