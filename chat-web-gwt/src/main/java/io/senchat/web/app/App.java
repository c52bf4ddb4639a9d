package io.senchat.web.app;

import com.google.gwt.core.client.GWT;
import com.google.gwt.core.client.RunAsyncCallback;
import elemental2.core.JsDate;
import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import elemental2.dom.KeyboardEvent;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.auth.AuthView;
import io.senchat.web.auth.SessionManager;
import io.senchat.web.chat.ChatView;
import io.senchat.web.emoji.EmojiPicker;
import io.senchat.web.info.InfoPanel;
import io.senchat.web.messages.MessageListView;
import io.senchat.web.newchat.NewChatDialog;
import io.senchat.web.rest.Api;
import io.senchat.web.rest.ApiCallback;
import io.senchat.web.rest.ApiError;
import io.senchat.web.rest.Json;
import io.senchat.web.settings.SettingsDialog;
import io.senchat.web.sidebar.SidebarView;
import io.senchat.web.state.Action;
import io.senchat.web.state.AppState;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.Store;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;
import jsinterop.base.Js;

/**
 * The shell: shows the sign-in screen or the main layout (sidebar, chat, info panel, dialogs), renders every store
 * change into the views, and wires browser events ({@code online}, visibility, Esc) to the controller.
 */
@Singleton
public final class App {

  private final Store store;
  private final SessionManager sessions;
  private final Api api;
  private final ChatController controller;
  private final ConversationActions actions;
  private final Announcer announcer;
  private final TabSync tabs;
  private final Attention attention;
  private HTMLElement root;
  private AuthView auth;
  private Main main;

  @Inject
  App(Store store, SessionManager sessions, Api api, ChatController controller, ConversationActions actions,
      Announcer announcer, TabSync tabs, Attention attention) {
    this.store = store;
    this.sessions = sessions;
    this.api = api;
    this.controller = controller;
    this.actions = actions;
    this.announcer = announcer;
    this.tabs = tabs;
    this.attention = attention;
  }

  /** Mounts the app into {@code #app} (or the body) and resumes the stored session, if any. */
  public void start() {
    root = (HTMLElement) DomGlobal.document.getElementById("app");
    if (root == null) {
      root = io.senchat.web.ui.Dom.el("div", null);
      root.id = "app";
      DomGlobal.document.body.append(root);
    }
    announcer.region();
    api.onSignedOut(this::signedOutElsewhere);
    tabs.listen(this::onTabMessage);
    store.subscribe((state, previous) -> render(state));
    DomGlobal.window.addEventListener("online", e -> controller.networkOnline());
    DomGlobal.document.addEventListener("visibilitychange", e -> {
      attention.title(store.state().totalUnread((long) JsDate.now()));
      controller.markReadIfVisible();
    });
    DomGlobal.window.addEventListener("focus", e -> controller.markReadIfVisible());
    resume();
  }

  private void resume() {
    if (sessions.session() == null) {
      showAuth(null);
      return;
    }
    UserProfile cached = sessions.session().user();
    if (cached != null) {
      // Open at once from the kept profile (also offline); /api/me refreshes it, and a 401 there signs out.
      showMain(cached);
      api.get("api/me", body -> {
        UserProfile me = Json.user(body);
        if (me != null) {
          sessions.setUser(me);
          store.dispatch(new Action.ProfileUpdated(me));
        }
      });
      return;
    }
    root.setAttribute("aria-busy", "true");
    api.get("api/me", new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        root.removeAttribute("aria-busy");
        UserProfile me = Json.user(body);
        if (me == null) {
          showAuth(null);
        } else {
          showMain(me);
        }
      }

      @Override
      public void onFailure(ApiError error) {
        root.removeAttribute("aria-busy");
        showAuth(error.status() == 0 ? "The server cannot be reached. Try again." : null);
      }
    });
  }

  // ---- sign-in

  private void showAuth(String error) {
    main = null;
    io.senchat.web.ui.Dom.clear(root);
    DomGlobal.document.title = "SenChat";
    auth = new AuthView(new AuthView.Handlers() {
      @Override
      public void login(String username, String password) {
        signIn(username, password, null);
      }

      @Override
      public void register(String username, String password, String displayName) {
        if (displayName.isEmpty()) {
          auth.showError("Enter a display name to create an account.");
          return;
        }
        signIn(username, password, displayName);
      }
    });
    root.append(auth.element());
    if (error != null) {
      auth.showError(error);
    }
    auth.focus();
  }

  private void signIn(String username, String password, String displayName) {
    if (username.isEmpty() || password.isEmpty()) {
      auth.showError("Enter your username and password.");
      return;
    }
    auth.setBusy(true);
    attention.askPermissionOnce();
    sessions.signIn(username, password, displayName, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        UserProfile me = Json.user(body.get("user"));
        if (me == null) {
          auth.showError("Unexpected answer from the server.");
          return;
        }
        tabs.post(JsonObject.builder().put("t", "signin").build());
        showMain(me);
      }

      @Override
      public void onFailure(ApiError error) {
        auth.showError(authError(error, displayName != null));
      }
    });
  }

  private static String authError(ApiError error, boolean registering) {
    return switch (error.code()) {
      case "unauthenticated" -> "Wrong username or password.";
      case "conflict" -> "That username is taken. Choose another one.";
      case "validation" -> registering
          ? "Check the fields: username 3–32 characters of a–z, 0–9, _ and . ; password at least 8 characters."
          : "Check your username and password.";
      case "rate_limited" -> "Too many attempts. Wait a moment and try again.";
      case "network" -> "The server cannot be reached. Check your connection.";
      default -> "Sign-in failed (" + error.code() + "). Try again.";
    };
  }

  private void signOut() {
    controller.stop();
    sessions.signOut();
    tabs.post(JsonObject.builder().put("t", "signout").build());
    store.dispatch(new Action.SignedOut());
    showAuth(null);
  }

  /** The session ended outside this tab's control (refresh refused, another tab signed out). */
  private void signedOutElsewhere() {
    if (main == null) {
      return;
    }
    controller.stop();
    sessions.forget();
    store.dispatch(new Action.SignedOut());
    showAuth("You were signed out. Sign in again.");
  }

  private void onTabMessage(JsonObject m) {
    String type = Json.str(m, "t", "");
    if ("signout".equals(type)) {
      signedOutElsewhere();
    } else if ("signin".equals(type) && main == null) {
      sessions.reload();
      resume();
    } else if ("draft".equals(type) && main != null) {
      AppState s = store.state();
      if (s.openId() != null && s.openId().value() == Json.num(m, "c", 0) && !main.chat.composerFocused()) {
        main.chat.setDraft(Json.str(m, "v", ""));
      }
    } else {
      controller.onTabMessage(m);
    }
  }

  // ---- main layout

  private void showMain(UserProfile me) {
    sessions.setUser(me);
    io.senchat.web.ui.Dom.clear(root);
    auth = null;
    main = new Main();
    root.append(main.layout);
    controller.start(me, main);
    render(store.state());
  }

  private void render(AppState s) {
    if (main == null || s.me() == null) {
      return;
    }
    long now = (long) JsDate.now();
    main.sidebar.render(s, now);
    main.chat.render(s);
    ConvEntry open = s.open();
    if (open != null) {
      main.list.render(ListModels.of(s, open, controller.loadingOlder(open.conversation().id()),
          controller.firstUnreadSeq(), controller.jumpToSeq(), now));
    }
    boolean infoVisible = s.infoOpen() && open != null;
    main.infoHost.hidden = !infoVisible;
    main.layout.classList.toggle("with-info", infoVisible);
    if (infoVisible) {
      main.info(s, now);
    }
    attention.title(s.totalUnread(now));
    controller.markReadIfVisible();
  }

  /** The views of the signed-in screen; also the controller's window onto them. */
  private final class Main implements ChatController.Ui {
    final HTMLElement layout = io.senchat.web.ui.Dom.el("div", "layout");
    final MessageListView list = new MessageListView(controller);
    final SidebarView sidebar;
    final ChatView chat;
    final NewChatDialog newChat;
    final HTMLElement infoHost = io.senchat.web.ui.Dom.el("aside", "info-panel");
    final HTMLElement emojiHost = io.senchat.web.ui.Dom.el("div", "emoji-host");
    LazyView infoPanel;
    SettingsDialog settings;
    boolean infoLoading;
    EmojiPicker emoji;

    Main() {
      sidebar = new SidebarView(new SidebarView.Handlers() {
        @Override
        public void open(ConversationId id) {
          controller.open(id);
        }

        @Override
        public void search(String filter) {
          store.dispatch(new Action.FilterChanged(filter));
        }

        @Override
        public void newChat() {
          newChat.open();
        }

        @Override
        public void signOut() {
          App.this.signOut();
        }

        @Override
        public void settings() {
          openSettings();
        }
      });
      chat = new ChatView(new ChatView.Handlers() {
        @Override
        public void send(String text) {
          controller.send(text);
        }

        @Override
        public void draftChanged(String text) {
          controller.draftChanged(text);
        }

        @Override
        public void composerBlurred() {
          controller.composerBlurred();
        }

        @Override
        public void toggleInfo() {
          store.dispatch(new Action.InfoToggled(!store.state().infoOpen()));
        }

        @Override
        public void cancelReply() {
          controller.cancelReply();
        }

        @Override
        public void openEmoji(HTMLElement anchor) {
          toggleEmoji();
        }

        @Override
        public String draftOf(ConversationId id) {
          return controller.draftOf(id);
        }

        @Override
        public void activity() {
          controller.markReadIfVisible();
        }

        @Override
        public void back() {
          controller.close();
        }
      }, list.element());
      newChat = new NewChatDialog(new NewChatDialog.Handlers() {
        @Override
        public void search(String query, NewChatDialog.Results results) {
          actions.searchUsers(query, results);
        }

        @Override
        public void openDirect(UserId user) {
          actions.openDirect(user, newChat::close);
        }

        @Override
        public void createGroup(String title, List<UserId> members) {
          actions.createGroup(title, members, () -> {
            newChat.done();
            newChat.close();
          });
        }
      });
      infoHost.id = "info-panel";
      infoHost.setAttribute("aria-label", "Conversation info");
      infoHost.hidden = true;
      emojiHost.hidden = true;
      chat.element().append(emojiHost);
      layout.append(sidebar.element(), chat.element(), infoHost, newChat.element());
      layout.addEventListener("keydown", e -> {
        KeyboardEvent k = Js.uncheckedCast(e);
        if (!"Escape".equals(k.key) || newChat.isOpen() || (settings != null && !settings.element().hidden)) {
          return;
        }
        if (!emojiHost.hidden) {
          closeEmoji();
        } else if (store.state().infoOpen()) {
          store.dispatch(new Action.InfoToggled(false));
          DomGlobal.document.getElementById("info-toggle").focus();
        }
      });
    }

    /** Renders the info panel, loading its code first (split point: first paint does not need it). */
    void info(AppState s, long now) {
      if (infoPanel != null) {
        infoPanel.render(s, now);
        return;
      }
      if (infoLoading) {
        return;
      }
      infoLoading = true;
      io.senchat.web.ui.Dom.setText(infoHost, "Loading…");
      GWT.runAsync(InfoPanel.class, new RunAsyncCallback() {
        @Override
        public void onFailure(Throwable reason) {
          infoLoading = false;
          io.senchat.web.ui.Dom.setText(infoHost, "Could not load the panel. Check your connection.");
        }

        @Override
        public void onSuccess() {
          InfoPanel panel = new InfoPanel(infoHandlers());
          infoPanel = new LazyView() {
            @Override
            public HTMLElement element() {
              return panel.element();
            }

            @Override
            public void render(AppState state, long nowMillis) {
              panel.render(state, nowMillis);
            }
          };
          io.senchat.web.ui.Dom.clear(infoHost);
          infoHost.append(panel.element());
          infoPanel.render(store.state(), (long) JsDate.now());
        }
      });
    }

    /** Opens the settings dialog, loading its code first (split point). */
    void openSettings() {
      if (settings != null) {
        settings.open(store.state().me());
        return;
      }
      GWT.runAsync(SettingsDialog.class, new RunAsyncCallback() {
        @Override
        public void onFailure(Throwable reason) {
          error("Could not load the settings. Check your connection.");
        }

        @Override
        public void onSuccess() {
          settings = new SettingsDialog(new SettingsDialog.Handlers() {
            @Override
            public void save(String displayName, String statusText) {
              api.call("PATCH", "api/me", JsonObject.builder().put("displayName", displayName)
                  .put("statusText", statusText).build(), new ApiCallback() {
                    @Override
                    public void onSuccess(JsonObject body) {
                      UserProfile me = Json.user(body);
                      if (me != null) {
                        sessions.setUser(me);
                        store.dispatch(new Action.ProfileUpdated(me));
                      }
                      settings.close();
                      announcer.say("Profile saved");
                    }

                    @Override
                    public void onFailure(ApiError error) {
                      settings.showError("validation".equals(error.code())
                          ? "Display name: 1 to 64 characters on one line; status: at most 140."
                          : "Could not save (" + error.code() + ").");
                    }
                  });
            }

            @Override
            public void enableNotifications() {
              attention.askPermissionOnce();
            }
          });
          layout.append(settings.element());
          settings.open(store.state().me());
        }
      });
    }

    void toggleEmoji() {
      if (!emojiHost.hidden) {
        closeEmoji();
        return;
      }
      emojiHost.hidden = false;
      if (emoji != null) {
        emoji.focus();
        return;
      }
      GWT.runAsync(EmojiPicker.class, new RunAsyncCallback() {
        @Override
        public void onFailure(Throwable reason) {
          emojiHost.hidden = true;
        }

        @Override
        public void onSuccess() {
          emoji = new EmojiPicker(new EmojiPicker.Handlers() {
            @Override
            public void picked(String e) {
              closeEmoji();
              chat.insert(e);
            }

            @Override
            public void closed() {
              closeEmoji();
            }
          });
          emojiHost.append(emoji.element());
          emoji.focus();
        }
      });
    }

    void closeEmoji() {
      emojiHost.hidden = true;
      HTMLElement composer = (HTMLElement) DomGlobal.document.getElementById("composer");
      if (composer != null) {
        composer.focus();
      }
    }

    @Override
    public void clearComposer() {
      chat.clearComposer();
    }

    @Override
    public void showReply(String quote) {
      chat.showReply(quote);
    }

    @Override
    public void signedOut() {
      signedOutElsewhere();
    }

    @Override
    public void error(String text) {
      announcer.say(text);
      showToast(text);
    }

    @Override
    public void refresh() {
      render(store.state());
    }

    private void showToast(String text) {
      // At most one toast: a burst of failures replaces rather than stacks (the live region has said them all).
      elemental2.dom.Element old = layout.querySelector(".toast");
      if (old != null) {
        layout.removeChild(old);
      }
      HTMLElement toast = io.senchat.web.ui.Dom.text("div", "toast", text);
      toast.setAttribute("role", "alert");
      layout.append(toast);
      DomGlobal.setTimeout(ignored -> {
        if (toast.parentNode != null) {
          toast.parentNode.removeChild(toast);
        }
      }, 5000);
    }
  }

  private InfoPanel.Handlers infoHandlers() {
    return new InfoPanel.Handlers() {
      @Override
      public void close() {
        store.dispatch(new Action.InfoToggled(false));
      }

      @Override
      public void setPinned(ConversationId id, boolean pinned) {
        actions.setState(id, JsonObject.builder().put("pinned", pinned).build());
      }

      @Override
      public void setMuted(ConversationId id, boolean muted) {
        actions.setState(id, JsonObject.builder()
            .put("mutedUntilMillis", muted ? 9007199254740991L : 0L).build());
      }

      @Override
      public void setArchived(ConversationId id, boolean archived) {
        actions.setState(id, JsonObject.builder().put("archived", archived).build());
      }

      @Override
      public void addMember(ConversationId id, UserId user) {
        actions.addMembers(id, List.of(user));
      }

      @Override
      public void removeMember(ConversationId id, UserId user) {
        actions.removeMember(id, user);
      }

      @Override
      public void setRole(ConversationId id, UserId user, MemberRole role) {
        actions.setRole(id, user, role);
      }

      @Override
      public void leave(ConversationId id) {
        actions.leave(id);
      }

      @Override
      public void search(String query, InfoPanel.Results results) {
        actions.searchUsers(query, results::show);
      }
    };
  }

}
