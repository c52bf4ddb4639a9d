package io.senchat.web.app;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.web.platform.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Unsent composer text per conversation, in localStorage so it survives a reload. Bounded: the drafts of the
 * {@value #MAX_DRAFTS} most recently edited conversations are kept, older ones dropped.
 */
@Singleton
final class Drafts {

  private static final int MAX_DRAFTS = 200;

  private final KeyValueStore storage;
  private String user = "anon";

  @Inject
  Drafts(KeyValueStore storage) {
    this.storage = storage;
  }

  void forUser(long userId) {
    user = "u" + userId;
  }

  String get(ConversationId id) {
    String d = storage.get(key(id));
    return d == null ? "" : d;
  }

  void put(ConversationId id, String text) {
    List<String> index = index();
    String k = String.valueOf(id.value());
    index.remove(k);
    if (text.isEmpty()) {
      storage.remove(key(id));
    } else {
      index.add(k);
      storage.put(key(id), text);
      while (index.size() > MAX_DRAFTS) {
        storage.remove(user + ".draft." + index.remove(0));
      }
    }
    storage.put(user + ".drafts", String.join(",", index));
  }

  private List<String> index() {
    String text = storage.get(user + ".drafts");
    List<String> list = new ArrayList<>();
    if (text != null && !text.isEmpty()) {
      for (String s : text.split(",")) {
        list.add(s);
      }
    }
    return list;
  }

  private String key(ConversationId id) {
    return user + ".draft." + id.value();
  }
}
