package io.senchat.web.app;

import io.senchat.domain.common.Clock;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.MemberRole;
import io.senchat.domain.protocol.ConversationJson;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.json.JsonArray;
import io.senchat.domain.protocol.json.JsonNumber;
import io.senchat.domain.protocol.json.JsonObject;
import io.senchat.domain.protocol.json.JsonValue;
import io.senchat.domain.user.UserId;
import io.senchat.domain.user.UserProfile;
import io.senchat.web.newchat.NewChatDialog;
import io.senchat.web.rest.Api;
import io.senchat.web.rest.ApiCallback;
import io.senchat.web.rest.ApiError;
import io.senchat.web.state.Action;
import io.senchat.web.state.ConvEntry;
import io.senchat.web.state.Store;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The REST side of conversations: contact search, opening a direct chat, creating a group, my own state (pin, mute,
 * archive) and group administration. Results go to the store; the server's live events confirm them on every device.
 */
@Singleton
final class ConversationActions {

  private final Api api;
  private final Store store;
  private final ChatController controller;
  private final Clock clock;

  @Inject
  ConversationActions(Api api, Store store, ChatController controller, Clock clock) {
    this.api = api;
    this.store = store;
    this.controller = controller;
    this.clock = clock;
  }

  void setState(ConversationId id, JsonObject change) {
    api.call("PATCH", "api/conversations/" + id.value() + "/state", change, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        ConvEntry e = store.state().conversations().get(id);
        if (e != null && body.get("memberState") != null) {
          try {
            store.dispatch(new Action.Server(new ServerFrame.MemberStateChanged(
                ConversationJson.memberStateFromJson(body.get("memberState"))),
                clock.nowMillis()));
          } catch (RuntimeException ignored) {
            // the member.state event brings it anyway
          }
        }
      }

      @Override
      public void onFailure(ApiError error) {
        controller.failed("Could not change the conversation", error);
      }
    });
  }

  void addMembers(ConversationId id, List<UserId> users) {
    List<JsonValue> ids = new ArrayList<>();
    for (UserId u : users) {
      ids.add(JsonNumber.of(u.value()));
    }
    api.call("POST", "api/conversations/" + id.value() + "/members",
        JsonObject.builder().put("userIds", new JsonArray(ids)).build(), membersChanged(id, "add members"));
  }

  void removeMember(ConversationId id, UserId user) {
    api.call("DELETE", "api/conversations/" + id.value() + "/members/" + user.value(), null,
        membersChanged(id, "remove the member"));
  }

  void setRole(ConversationId id, UserId user, MemberRole role) {
    api.call("PATCH", "api/conversations/" + id.value() + "/members/" + user.value(),
        JsonObject.builder().put("role", ConversationParsing.roleName(role)).build(),
        membersChanged(id, "change the role"));
  }

  void leave(ConversationId id) {
    api.call("POST", "api/conversations/" + id.value() + "/leave", null, new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        store.dispatch(new Action.InfoToggled(false));
        store.dispatch(new Action.Opened(null));
        controller.loadConversations(null, 0);
      }

      @Override
      public void onFailure(ApiError error) {
        controller.failed("Could not leave the group", error);
      }
    });
  }

  private ApiCallback membersChanged(ConversationId id, String what) {
    return new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        controller.loadMembers(id);
      }

      @Override
      public void onFailure(ApiError error) {
        controller.failed("Could not " + what, error);
      }
    };
  }

  void searchUsers(String query, NewChatDialog.Results results) {
    api.get("api/users?limit=20&q=" + elemental2.core.Global.encodeURIComponent(query), new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        List<UserProfile> users = new ArrayList<>();
        UserProfile me = store.state().me();
        for (UserProfile u : ConversationParsing.users(body)) {
          if (me == null || !u.id().equals(me.id())) {
            users.add(u);
          }
        }
        results.show(query, users);
      }

      @Override
      public void onFailure(ApiError error) {
        results.show(query, List.of());
      }
    });
  }

  void openDirect(UserId user, Runnable done) {
    api.call("POST", "api/conversations/direct", JsonObject.builder().put("userId", user.value()).build(),
        opened(done, "open the chat"));
  }

  void createGroup(String title, List<UserId> members, Runnable done) {
    List<JsonValue> ids = new ArrayList<>();
    for (UserId u : members) {
      ids.add(JsonNumber.of(u.value()));
    }
    api.call("POST", "api/conversations/group",
        JsonObject.builder().put("title", title).put("memberIds", new JsonArray(ids)).build(),
        opened(done, "create the group"));
  }

  private ApiCallback opened(Runnable done, String what) {
    return new ApiCallback() {
      @Override
      public void onSuccess(JsonObject body) {
        ConvEntry e = ConversationParsing.entry(body);
        done.run();
        if (e != null) {
          store.dispatch(new Action.ConversationUpserted(e));
          controller.open(e.conversation().id());
        }
      }

      @Override
      public void onFailure(ApiError error) {
        done.run();
        controller.failed("Could not " + what, error);
      }
    };
  }
}
