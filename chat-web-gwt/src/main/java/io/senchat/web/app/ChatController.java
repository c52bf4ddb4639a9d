package io.senchat.web.app;

import elemental2.core.JsDate;
import io.senchat.domain.client.Cancellable;
import io.senchat.domain.client.ChatClient;
import io.senchat.domain.client.ChatClientListener;
import io.senchat.domain.client.ConnectionState;
import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.client.RequestCallback;
import io.senchat.domain.client.Scheduler;
import io.senchat.domain.common.Clock;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.offline.OfflineQueue;
import io.senchat.domain.protocol.DeleteScope;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ConversationUpdated;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.rules.MessageValidator;
import io.senchat.domain.timeline.PendingMessage;
import io.senchat.domain.timeline.Timeline;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.auth.SessionManager;
import io.senchat.web.messages.MessageListCallbacks;
import io.senchat.web.platform.Ids;
import io.senchat.web.realtime.RealtimeFactory;
import io.senchat.web.rest.Api;
import io.senchat.web.rest.ApiCallback;
import io.senchat.web.rest.ApiError;
import io.senchat.web.rest.Json;
import io.senchat.web.state.Action;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.MemberInfo;
import io.senchat.web.state.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The effects: turns user intents into REST calls and {@link ChatClient} commands, and the client's events into
 * store actions. Views never talk to the network; the reducer never has side effects; this class joins them.
 */
@Singleton
final class ChatController implements ChatClientListener, MessageListCallbacks {

  /** What the controller needs from the shell's views. */
  interface Ui {
    void clearComposer();

    void showReply(String quote);

    void signedOut();

    void error(String text);

    /** Something the views show outside the store changed (jump target, loading flags): render again. */
    void refresh();
  }

  private static final int PAGE = 50;
  private static final int MAX_LIST_PAGES = 10;
  private static final int MAX_WATCHED = 500;
  private static final long TICK_MILLIS = 2_000;
  private static final int MAX_NAME_LOADS = 10;

  private final Store store;
  private final Api api;
  private final SessionManager sessions;
  private final RealtimeFactory realtime;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Drafts drafts;
  private final Announcer announcer;
  private final Attention attention;
  private final TabSync tabs;
  private final Set<ConversationId> latestLoaded = new HashSet<>();
  private final Set<ConversationId> loadingOlder = new HashSet<>();
  private final Set<ConversationId> membersLoading = new HashSet<>();
  private final Set<ConversationId> fetching = new HashSet<>();
  private ChatClient client;
  private Cancellable ticker;
  private Ui ui;
  private boolean catchingUp;
  private boolean listLoaded;
  private long firstUnreadSeq;
  private long jumpToSeq;
  private Message replyTo;
  private List<UserId> watched = List.of();

  @Inject
  ChatController(Store store, Api api, SessionManager sessions, RealtimeFactory realtime, Clock clock,
      Scheduler scheduler, Drafts drafts, Announcer announcer, Attention attention, TabSync tabs) {
    this.store = store;
    this.api = api;
    this.sessions = sessions;
    this.realtime = realtime;
    this.clock = clock;
    this.scheduler = scheduler;
    this.drafts = drafts;
    this.announcer = announcer;
    this.attention = attention;
    this.tabs = tabs;
  }

  // ---- lifecycle

  void start(UserProfile me, Ui view) {
    this.ui = view;
    drafts.forUser(me.id().value());
    store.dispatch(new Action.SignedIn(me));
    client = realtime.create(me.id(), sessions.deviceId(), this);
    long now = wallNow();
    for (OutgoingMessage m : client.unsent()) {
      // Messages queued before a reload show again as "sending" and go out on connect.
      store.dispatch(new Action.PendingAdded(PendingMessage.sending(m, me.id(), now)));
    }
    client.start();
    loadConversations(null, 0);
    ticker = scheduler.schedule(TICK_MILLIS, this::tick);
  }

  void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (ticker != null) {
      ticker.cancel();
      ticker = null;
    }
    latestLoaded.clear();
    listLoaded = false;
    loadingOlder.clear();
    membersLoading.clear();
    fetching.clear();
    watched = List.of();
  }

  void networkOnline() {
    if (client != null) {
      client.networkOnline();
    }
  }

  private void tick() {
    store.dispatch(new Action.Tick(clock.nowMillis()));
    ticker = scheduler.schedule(TICK_MILLIS, this::tick);
  }

  // ---- what the views show besides the store

  long firstUnreadSeq() {
    return firstUnreadSeq;
  }

  long jumpToSeq() {
    return jumpToSeq;
  }

  boolean loadingOlder(ConversationId id) {
    return loadingOlder.contains(id);
  }

  String draftOf(ConversationId id) {
    return drafts.get(id);
  }

  // ---- conversations

  void loadConversations(String cursor, int page) {
    String path = "api/conversations?filter=all&limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
    api.get(path, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        List<ConvEntry> entries = new ArrayList<>();
        for (JsonValue v : Json.arr(body, "conversations")) {
          ConvEntry e = ConversationParsing.entry(v);
          if (e != null) {
            entries.add(e);
          }
        }
        store.dispatch(new Action.ConversationsLoaded(entries, cursor == null));
        listLoaded = true;
        String next = Json.str(body, "nextCursor", "");
        if (!next.isEmpty() && page + 1 < MAX_LIST_PAGES) {
          loadConversations(next, page + 1);
        } else {
          updatePresenceWatch();
          loadSenderNames();
          openFromLocation();
        }
      }

      @Override
      public void onFailure(ApiError error) {
        failed("Could not load conversations", error);
      }
    });
  }

  /**
   * Loads the members of the first groups whose last message comes from someone the app cannot name yet, so the list
   * previews say "Minh: …" rather than "User 9: …". Bounded to keep a large list from firing many requests.
   */
  private void loadSenderNames() {
    int budget = MAX_NAME_LOADS;
    for (ConvEntry e : store.state().sortedConversations()) {
      if (budget == 0) {
        return;
      }
      if (e.conversation().isGroup() && e.lastMessage() != null && unknown(e.lastMessage().senderId())) {
        loadMembers(e.conversation().id());
        budget--;
      }
    }
  }

  private boolean unknown(UserId user) {
    return store.state().nameOf(user).equals("User " + user.value());
  }

  /** Reopens the conversation named in the URL fragment ({@code #c42}) after a reload. */
  private void openFromLocation() {
    String hash = elemental2.dom.DomGlobal.location.hash;
    if (store.state().openId() == null && hash != null && hash.startsWith("#c")) {
      try {
        ConversationId id = ConversationId.of(Long.parseLong(hash.substring(2)));
        if (store.state().conversations().containsKey(id)) {
          open(id);
        }
      } catch (RuntimeException notAnId) {
        // ignore a foreign fragment
      }
    }
  }

  /** Learns a conversation the list does not have yet (created elsewhere, or I was added). */
  private void fetchConversation(ConversationId id) {
    if (!fetching.add(id)) {
      return;
    }
    api.get("api/conversations/" + id.value(), new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        fetching.remove(id);
        ConvEntry e = ConversationParsing.entry(body);
        if (e != null) {
          store.dispatch(new Action.ConversationUpserted(e));
          if (!e.conversation().isGroup()) {
            loadMembers(id);
          }
        }
      }

      @Override
      public void onFailure(ApiError error) {
        fetching.remove(id);
      }
    });
  }

  void open(ConversationId id) {
    AppState s = store.state();
    if (id.equals(s.openId())) {
      return;
    }
    if (s.openId() != null && client != null) {
      client.stopTyping(s.openId());
    }
    ConvEntry e = s.conversations().get(id);
    firstUnreadSeq = e != null && e.unreadCount() > 0 ? e.memberState().lastReadSeq() + 1 : 0;
    jumpToSeq = 0;
    cancelReply();
    store.dispatch(new Action.Opened(id));
    elemental2.dom.DomGlobal.history.replaceState(null, "", "#c" + id.value());
    if (latestLoaded.add(id)) {
      loadLatest(id);
    }
    if (!store.state().members().containsKey(id)) {
      loadMembers(id);
    }
    updatePresenceWatch();
    markReadIfVisible();
  }

  /** Shows the list again (narrow screens); the conversation stays loaded. */
  void close() {
    AppState s = store.state();
    if (s.openId() != null && client != null) {
      client.stopTyping(s.openId());
    }
    cancelReply();
    store.dispatch(new Action.InfoToggled(false));
    store.dispatch(new Action.Opened(null));
    elemental2.dom.DomGlobal.history.replaceState(null, "", elemental2.dom.DomGlobal.location.pathname);
  }

  private void loadLatest(ConversationId id) {
    api.get("api/conversations/" + id.value() + "/messages?limit=" + PAGE, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        store.dispatch(new Action.HistoryLoaded(id, ConversationParsing.messages(body),
            store.state().timeline(id).confirmed().isEmpty() ? Json.bool(body, "hasMoreBefore", false) : null, 0));
      }

      @Override
      public void onFailure(ApiError error) {
        latestLoaded.remove(id);
        failed("Could not load messages", error);
      }
    });
  }

  void loadMembers(ConversationId id) {
    if (!membersLoading.add(id)) {
      return;
    }
    api.get("api/conversations/" + id.value() + "/members", new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        membersLoading.remove(id);
        List<MemberInfo> members = ConversationParsing.members(body, "members");
        store.dispatch(new Action.MembersLoaded(id, members));
        // Others' marks as of now, so own messages show delivered/read after a reload; receipt events follow.
        for (ServerFrame.ReceiptEvent marks : ConversationParsing.receipts(id, body)) {
          store.dispatch(new Action.Server(marks, clock.nowMillis()));
        }
        ConvEntry e = store.state().conversations().get(id);
        UserProfile me = store.state().me();
        if (e != null && !e.conversation().isGroup() && e.peer() == null && me != null) {
          for (MemberInfo m : members) {
            if (!m.userId().equals(me.id()) && m.user() != null) {
              store.dispatch(new Action.ConversationUpserted(new ConvEntry(e.conversation(), e.role(),
                  e.memberState(), e.memberCount(), e.unreadCount(), e.lastMessage(), m.user(),
                  e.lastActivityMillis())));
            }
          }
        }
        updatePresenceWatch();
      }

      @Override
      public void onFailure(ApiError error) {
        membersLoading.remove(id);
      }
    });
  }

  /** Watches the peers of direct chats and the members of the open group, at most 500 users. */
  private void updatePresenceWatch() {
    AppState s = store.state();
    if (client == null || s.me() == null) {
      return;
    }
    Set<UserId> users = new LinkedHashSet<>();
    if (s.openId() != null && s.members().containsKey(s.openId())) {
      for (MemberInfo m : s.members().get(s.openId())) {
        users.add(m.userId());
      }
    }
    for (ConvEntry e : s.sortedConversations()) {
      if (e.peer() != null) {
        users.add(e.peer().id());
      }
    }
    users.remove(s.me().id());
    List<UserId> list = new ArrayList<>(users);
    if (list.size() > MAX_WATCHED) {
      list = new ArrayList<>(list.subList(0, MAX_WATCHED));
    }
    if (!list.equals(watched)) {
      watched = list;
      client.watchPresence(list);
    }
  }

  // ---- the composer

  void draftChanged(String text) {
    AppState s = store.state();
    if (s.openId() == null) {
      return;
    }
    drafts.put(s.openId(), text);
    tabs.post(JsonObject.builder().put("t", "draft").put("c", s.openId().value()).put("v", text).build());
    if (client != null && !text.isEmpty()) {
      client.typing(s.openId());
    }
  }

  void composerBlurred() {
    AppState s = store.state();
    if (client != null && s.openId() != null) {
      client.stopTyping(s.openId());
    }
  }

  void send(String raw) {
    AppState s = store.state();
    ConvEntry e = s.open();
    if (e == null || s.me() == null || client == null) {
      return;
    }
    attention.askPermissionOnce();
    String text = raw.trim();
    ConversationId id = e.conversation().id();
    OutgoingMessage m = new OutgoingMessage(id, Ids.random("w", 22), MessageKind.TEXT, text, null, "",
        replyTo == null ? 0 : replyTo.seq(), null, List.of());
    try {
      MessageValidator.validateNew(m, e.conversation().kind());
    } catch (RuntimeException invalid) {
      ui.error(text.codePointCount(0, text.length()) > 4000 ? "The message is too long (4000 characters at most)."
          : "This message cannot be sent.");
      return;
    }
    store.dispatch(new Action.PendingAdded(PendingMessage.sending(m, s.me().id(), wallNow())));
    OfflineQueue.Offer offer;
    try {
      offer = client.send(m);
    } catch (RuntimeException refused) {
      store.dispatch(new Action.SendFailed(id, m.clientId()));
      ui.error("This message cannot be sent.");
      return;
    }
    if (!offer.accepted()) {
      store.dispatch(new Action.SendFailed(id, m.clientId()));
      ui.error("100 messages are waiting to be sent. Wait for the connection, then retry.");
      return;
    }
    if (offer.dropped() != null) {
      store.dispatch(new Action.SendFailed(offer.dropped().conversationId(), offer.dropped().clientId()));
    }
    drafts.put(id, "");
    tabs.post(JsonObject.builder().put("t", "draft").put("c", id.value()).put("v", "").build());
    jumpToSeq = 0;
    cancelReply();
    ui.clearComposer();
  }

  void cancelReply() {
    replyTo = null;
    if (ui != null) {
      ui.showReply(null);
    }
  }

  // ---- MessageListCallbacks (the message list's intents)

  @Override
  public void loadOlder() {
    AppState s = store.state();
    ConversationId id = s.openId();
    if (id == null || loadingOlder.contains(id) || Boolean.FALSE.equals(s.hasOlder().get(id))) {
      return;
    }
    Timeline t = s.timeline(id);
    if (t.oldestSeq() <= 1) {
      return;
    }
    loadingOlder.add(id);
    ui.refresh();
    api.get("api/conversations/" + id.value() + "/messages?before=" + t.oldestSeq() + "&limit=" + PAGE,
        new ApiCallback() {
          @Override
          public void onSuccess(JsonObject body) {
            loadingOlder.remove(id);
            List<Message> page = ConversationParsing.messages(body);
            store.dispatch(new Action.HistoryLoaded(id, page, Json.bool(body, "hasMoreBefore", false),
                page.isEmpty() ? 0 : page.get(0).seq()));
          }

          @Override
          public void onFailure(ApiError error) {
            loadingOlder.remove(id);
            ui.refresh();
            failed("Could not load older messages", error);
          }
        });
  }

  @Override
  public void reply(Message message) {
    replyTo = message;
    String text = message.text().length() > 60 ? message.text().substring(0, 60) + "…" : message.text();
    ui.showReply(store.state().nameOf(message.senderId()) + ": " + text);
  }

  @Override
  public void react(Message message, String emoji) {
    UserId me = store.state().me().id();
    boolean own = false;
    for (Reaction r : message.reactions()) {
      if (r.emoji().equals(emoji) && r.users().contains(me)) {
        own = true;
      }
    }
    if (client != null) {
      client.react(message.conversationId(), message.seq(), emoji, !own, reportErrors("React"));
    }
  }

  @Override
  public void edit(Message message, String newText) {
    if (client != null) {
      client.edit(message.conversationId(), message.seq(), newText, List.of(), reportErrors("Edit"));
    }
  }

  @Override
  public void deleteForMe(Message message) {
    if (client != null) {
      client.delete(message.conversationId(), message.seq(), DeleteScope.ME, reportErrors("Delete"));
    }
  }

  @Override
  public void deleteForEveryone(Message message) {
    if (client != null) {
      client.delete(message.conversationId(), message.seq(), DeleteScope.EVERYONE, reportErrors("Recall"));
    }
  }

  @Override
  public void retry(String localId) {
    AppState s = store.state();
    ConversationId id = s.openId();
    if (id == null || client == null) {
      return;
    }
    s.timeline(id).findPending(localId).ifPresent(p -> {
      store.dispatch(new Action.Retrying(id, localId));
      OfflineQueue.Offer offer = client.send(p.message());
      if (!offer.accepted()) {
        store.dispatch(new Action.SendFailed(id, localId));
        ui.error("100 messages are waiting to be sent. Wait for the connection, then retry.");
      }
    });
  }

  @Override
  public void jumpTo(long seq) {
    ConversationId id = store.state().openId();
    if (id == null || seq <= 0) {
      return;
    }
    if (store.state().timeline(id).find(seq).isPresent()) {
      jumpToSeq = seq;
      ui.refresh();
      return;
    }
    api.get("api/conversations/" + id.value() + "/messages/around/" + seq + "?limit=25", new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        jumpToSeq = seq;
        store.dispatch(new Action.HistoryLoaded(id, ConversationParsing.messages(body), null, seq));
      }

      @Override
      public void onFailure(ApiError error) {
        failed("Could not load that message", error);
      }
    });
  }

  private <T extends ServerFrame> RequestCallback<T> reportErrors(String what) {
    return new RequestCallback<T>() {
      @Override
      public void onReply(T reply) {}

      @Override
      public void onError(ErrorFrame error) {
        ui.error(what + " failed: " + ("unavailable".equals(error.code()) ? "you are offline" : error.code()));
      }
    };
  }

  // ---- reads

  /** Marks the open conversation read when the user can see it (tab visible). */
  void markReadIfVisible() {
    AppState s = store.state();
    ConvEntry e = s.open();
    if (e == null || client == null || Attention.tabHidden()) {
      return;
    }
    long newest = s.timeline(e.conversation().id()).newestSeq();
    if (newest > e.memberState().lastReadSeq() || (e.unreadCount() > 0 && newest >= e.conversation().lastSeq())) {
      ConversationId id = e.conversation().id();
      client.markRead(id, newest);
      store.dispatch(new Action.MarkedRead(id, newest));
      tabs.post(JsonObject.builder().put("t", "read").put("c", id.value()).put("s", newest).build());
    }
  }

  // ---- cross-tab

  void onTabMessage(JsonObject m) {
    String type = Json.str(m, "t", "");
    long conv = Json.num(m, "c", 0);
    if (conv <= 0) {
      return;
    }
    ConversationId id = ConversationId.of(conv);
    if ("read".equals(type)) {
      store.dispatch(new Action.MarkedRead(id, Json.num(m, "s", 0)));
    }
  }

  // ---- ChatClientListener

  @Override
  public void onStatus(ConnectionStatus status) {
    store.dispatch(new Action.Connection(status));
    if (status.state() == ConnectionState.FAILED && "unauthenticated".equals(status.failureCode())) {
      ui.signedOut();
    }
  }

  @Override
  public void onSession(Welcome welcome, boolean resumed) {
    catchingUp = resumed;
    if (!resumed || !listLoaded) {
      // The server could not resume (or this is a fresh client): what we hold may have gaps, so reload.
      loadConversations(null, 0);
      ConversationId open = store.state().openId();
      latestLoaded.clear();
      if (open != null) {
        latestLoaded.add(open);
        loadLatest(open);
      }
    }
  }

  @Override
  public void onCaughtUp() {
    catchingUp = false;
    markReadIfVisible();
  }

  @Override
  public void onEvent(ServerFrame event) {
    AppState before = store.state();
    if (event instanceof ConversationUpdated u && !before.conversations().containsKey(u.conversation().id())) {
      fetchConversation(u.conversation().id());
    }
    if (event instanceof MessageNew n && !before.conversations().containsKey(n.message().conversationId())) {
      fetchConversation(n.message().conversationId());
    }
    if (event instanceof MemberChanged c && c.conversationId().equals(before.openId())) {
      scheduler.schedule(0, () -> loadMembers(c.conversationId()));
    }
    store.dispatch(new Action.Server(event, clock.nowMillis()));
    if (event instanceof MessageNew n) {
      onNewMessage(n.message(), before);
    }
  }

  private void onNewMessage(Message m, AppState before) {
    UserProfile me = before.me();
    if (me == null || m.senderId().equals(me.id()) || client == null) {
      return;
    }
    client.markDelivered(m.conversationId(), m.seq());
    if (unknown(m.senderId()) && !store.state().members().containsKey(m.conversationId())) {
      loadMembers(m.conversationId());
    }
    if (catchingUp) {
      return;
    }
    ConvEntry e = store.state().conversations().get(m.conversationId());
    boolean muted = e != null && e.mutedAt(wallNow());
    String sender = store.state().nameOf(m.senderId());
    String text = m.kind() == MessageKind.TEXT ? m.text() : "[" + m.kind().name().toLowerCase() + "]";
    if (m.conversationId().equals(before.openId())) {
      announcer.say(sender + ": " + text);
      markReadIfVisible();
    } else if (!muted) {
      announcer.say("New message from " + sender + (e != null && e.conversation().isGroup()
          ? " in " + e.title() : ""));
    }
    if (!muted) {
      String title = e != null && e.conversation().isGroup() ? e.title() : sender;
      attention.notify(title, (e != null && e.conversation().isGroup() ? sender + ": " : "") + text,
          "c" + m.conversationId().value(), () -> open(m.conversationId()));
    }
  }

  @Override
  public void onSendAcked(OutgoingMessage message, Ack ack) {
    store.dispatch(new Action.SendAcked(message.conversationId(), message.clientId(), ack.seq(),
        ack.sentAtMillis()));
    markReadIfVisible();
  }

  @Override
  public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
    store.dispatch(new Action.SendFailed(message.conversationId(), message.clientId()));
    ui.error("A message could not be sent (" + error.code() + "). Use Retry on it.");
  }

  @Override
  public void onServerError(ErrorFrame error) {
    if ("not_found".equals(error.code()) || "rate_limited".equals(error.code())) {
      return;
    }
    elemental2.dom.DomGlobal.console.warn("SenChat server error: " + error.code() + " " + error.message());
  }

  // ---- helpers

  void failed(String what, ApiError error) {
    if (error.status() == 401) {
      return;
    }
    ui.error(what + (error.status() == 0 ? ": the server cannot be reached." : " (" + error.code() + ")."));
  }

  private static long wallNow() {
    return (long) JsDate.now();
  }
}
