package io.senchat.examples.bot;

import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ClientOptions;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.InMemoryClientStateStore;
import io.senchat.domain.client.TransportPolicy;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.rules.Limits;
import io.senchat.examples.client.ExampleLogging;
import io.senchat.examples.client.JvmClientRuntime;
import io.senchat.examples.client.RefreshingTokenSource;
import io.senchat.examples.client.SenChatRest;
import io.senchat.transport.ws.client.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot that answers every text message in its conversations with {@code "echo: <text>"}, as a reply to it. Add the
 * bot to a group, or open a direct conversation with it, and write something.
 *
 * <p>Run it against a server on port 8080 with
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.senchat.examples.bot.EchoBot -Dexec.args="--url
 * http://127.0.0.1:8080"}; flags: {@code --url}, {@code --username} (default {@code echo_bot}), {@code --password} (or
 * the environment variable {@code SENCHAT_BOT_PASSWORD}), {@code --display-name}. It logs in, or registers the account
 * on first use.
 *
 * <p>How it is built, in the order to read it: {@link #start} signs in over REST and connects a {@link ChatClient}
 * (the same engine the web app uses) on a {@link JvmClientRuntime} event loop; {@link Replier} is the listener that
 * decides what to answer. The engine does the hard parts: reconnecting, resuming the feed, resending unacknowledged
 * replies, and never handing the same message to the listener twice.
 */
public final class EchoBot implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EchoBot.class);

  /** Starts every reply. A message starting with it is another echo bot's: answering it would never end. */
  public static final String PREFIX = "echo: ";
  /** At most this many replies per conversation per {@link #WINDOW_MILLIS}: a loop breaker against other bots. */
  static final int MAX_REPLIES_PER_WINDOW = 5;
  static final long WINDOW_MILLIS = 10_000;
  /** Conversations whose recent replies are remembered; older ones are forgotten first. */
  private static final int REMEMBERED_CONVERSATIONS = 1_000;

  private final JvmClientRuntime loop;
  private final ChatClient client;
  private final SenChatRest.Session session;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean refused;

  private EchoBot(JvmClientRuntime loop, SenChatRest.Session session, ChatClient client) {
    this.loop = loop;
    this.session = session;
    this.client = client;
  }

  /**
   * Signs in (registering the account if it does not exist yet) and connects. Returns once connecting has started;
   * the bot then runs on its own thread until {@link #close}.
   *
   * @param baseUrl the server, e.g. {@code http://127.0.0.1:8080}
   */
  public static EchoBot start(String baseUrl, String username, String password, String displayName) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    SenChatRest rest = new SenChatRest(http, baseUrl);
    SenChatRest.Session session = signIn(rest, username, password, displayName);

    // One event loop thread runs the client: its API calls, its timers and its socket events.
    JvmClientRuntime loop = new JvmClientRuntime("echo-bot");
    ClientOptions options = ClientOptions.defaults(baseUrl).withDevice("echo-bot", "senchat-echo-bot/0.1");
    // Access tokens expire after 15 minutes; on a reconnect after that, this trades the refresh token for a new one.
    RefreshingTokenSource tokens = new RefreshingTokenSource(rest, loop, session,
        () -> rest.login(username, password));
    Replier replier = new Replier(session.userId());
    ChatClient client = loop.call(() -> new ChatClient(options,
        TransportPolicy.only(loop.webSocket(http, WebSocketClientOptions.defaults())), tokens,
        new InMemoryClientStateStore(), loop.runtime(), replier));
    EchoBot bot = new EchoBot(loop, session, client);
    replier.bot = bot;
    loop.execute(client::start);
    LOG.info("echo bot signed in as {} (user id {}); connecting to {}", username, session.userId(), baseUrl);
    return bot;
  }

  /** Logs in, or registers when there is no such account yet. */
  private static SenChatRest.Session signIn(SenChatRest rest, String username, String password, String displayName) {
    try {
      return rest.login(username, password).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SenChatRest.RestException refused && refused.status() == 401) {
        LOG.info("no account {} yet (or another password); registering it", username);
        return rest.register(username, password, displayName).join();
      }
      throw e;
    }
  }

  /** The bot's user id, e.g. to open a direct conversation with it. */
  public long userId() {
    return session.userId();
  }

  /** Disconnects and stops the loop. */
  @Override
  public void close() {
    try {
      loop.run(client::close);
    } finally {
      loop.close();
      stopped.countDown();
    }
  }

  /** Answers messages; runs on the bot's loop, like every listener of the engine. */
  private static final class Replier implements ChatClientListener {

    private final long self;
    /** Times of recent replies per conversation, bounded in both directions. */
    private final Map<Long, ArrayDeque<Long>> recentReplies =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, ArrayDeque<Long>> eldest) {
            return size() > REMEMBERED_CONVERSATIONS;
          }
        };
    private EchoBot bot;

    Replier(long self) {
      this.self = self;
    }

    @Override
    public void onEvent(ServerFrame event) {
      // Live messages and, after a reconnect, the ones missed meanwhile; the engine never passes one twice.
      if (!(event instanceof MessageNew created)) {
        return;
      }
      Message message = created.message();
      ConversationId conversation = message.conversationId();
      if (message.senderId().value() == self) {
        // Our own replies come back as message.new too.
        return;
      }
      // The sender sees the double tick even for messages the bot does not answer.
      bot.client.markRead(conversation, message.seq());
      if (message.kind() != MessageKind.TEXT || message.deletedForEveryone() || message.text().isBlank()
          || message.text().startsWith(PREFIX) || !withinReplyBudget(conversation.value())) {
        return;
      }
      // The client id is derived from the message answered: if the bot ever sees it again (a restart with a saved
      // position), the server recognises the reply and does not post it twice.
      String clientId = "echo-" + conversation.value() + "-" + message.seq();
      OutgoingMessage reply = new OutgoingMessage(conversation, clientId, MessageKind.TEXT,
          PREFIX + clip(message.text(), Limits.MAX_TEXT_CHARS - PREFIX.length()), null, "", message.seq(), null,
          List.of());
      if (!bot.client.send(reply).accepted()) {
        LOG.warn("too many unsent replies; not answering message {} in conversation {}", message.seq(),
            conversation.value());
      }
    }

    /** A sliding window per conversation: two bots answering each other stop after a few messages. */
    private boolean withinReplyBudget(long conversation) {
      long now = System.currentTimeMillis();
      ArrayDeque<Long> times = recentReplies.computeIfAbsent(conversation, c -> new ArrayDeque<>());
      while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_MILLIS) {
        times.pollFirst();
      }
      if (times.size() >= MAX_REPLIES_PER_WINDOW) {
        LOG.info("conversation {}: {} replies in {} s already; not answering", conversation, times.size(),
            WINDOW_MILLIS / 1000);
        return false;
      }
      times.addLast(now);
      return true;
    }

    @Override
    public void onStatus(ConnectionStatus status) {
      LOG.info("connection: {}", status.state());
      if (status.state() == ConnectionState.FAILED) {
        LOG.error("the server refused the bot for good ({}); stopping", status.failureCode());
        bot.refused = true;
        bot.stopped.countDown();
      }
    }

    @Override
    public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
      LOG.warn("reply {} refused: {} {}", message.clientId(), error.code(), error.message());
    }
  }

  /** The first {@code maxCodePoints} code points of {@code text}. */
  static String clip(String text, int maxCodePoints) {
    if (text.codePointCount(0, text.length()) <= maxCodePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
  }

  /** Runs the bot until Ctrl-C (or until the server refuses it). */
  public static void main(String[] args) throws InterruptedException {
    ExampleLogging.configure();
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("--url", "http://127.0.0.1:8080");
    flags.put("--username", "echo_bot");
    flags.put("--password", System.getenv().getOrDefault("SENCHAT_BOT_PASSWORD", "echo-bot-demo-password"));
    flags.put("--display-name", "Echo Bot");
    for (int i = 0; i < args.length; i += 2) {
      if (!flags.containsKey(args[i]) || i + 1 == args.length) {
        System.err.println("echo bot: flags are " + flags.keySet() + ", each followed by a value");
        System.exit(2);
      }
      flags.put(args[i], args[i + 1]);
    }
    EchoBot bot = start(flags.get("--url"), flags.get("--username"), flags.get("--password"),
        flags.get("--display-name"));
    Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "echo-bot-shutdown"));
    // The loop thread is a daemon: main waits here, or the JVM would end at once.
    bot.stopped.await();
    if (bot.refused) {
      bot.close();
      System.exit(1);
    }
  }
}
