package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.message.Message;
import io.senchat.domain.protocol.ClientFrame.FetchHistory;
import io.senchat.domain.protocol.HistoryDirection;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame.HistoryPage;
import io.senchat.store.ChatStore;
import io.senchat.store.message.HistoryRequest;
import io.senchat.store.message.MessagePage;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code history}: a page of messages as the user sees them (the store checks membership and hides what the user
 * hid or cleared). A page that would exceed the server frame limit is shortened on the far side of the anchor.
 */
@Singleton
final class HistoryHandler implements CommandHandler {

  private final ChatStore store;

  @Inject
  HistoryHandler(ChatStore store) {
    this.store = store;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    FetchHistory fetch = (FetchHistory) command.frame();
    HistoryRequest request = switch (fetch.direction()) {
      case BEFORE -> fetch.seq() == 0 ? HistoryRequest.newest(fetch.limit())
          : HistoryRequest.before(fetch.seq(), fetch.limit());
      case AFTER -> HistoryRequest.after(fetch.seq(), fetch.limit());
      case AROUND -> HistoryRequest.around(fetch.seq(), Math.max(1, fetch.limit() / 2));
    };
    MessagePage page = store.history().history(fetch.conversationId(), session.userId(), request);
    session.output().reply(command.requestId(), fit(fetch, page, command.requestId()));
  }

  private static HistoryPage fit(FetchHistory fetch, MessagePage page, String requestId) {
    List<Message> messages = page.messages();
    boolean before = page.hasOlder();
    boolean after = page.hasNewer();
    while (true) {
      HistoryPage reply = new HistoryPage(fetch.conversationId(), messages, before, after);
      if (messages.size() <= 1 || fits(reply, requestId)) {
        return reply;
      }
      int cut = Math.max(1, messages.size() / 4);
      if (fetch.direction() == HistoryDirection.AFTER) {
        messages = messages.subList(0, messages.size() - cut);
        after = true;
      } else if (fetch.direction() == HistoryDirection.BEFORE) {
        messages = messages.subList(cut, messages.size());
        before = true;
      } else {
        int half = Math.max(1, cut / 2);
        messages = messages.subList(half, Math.max(half + 1, messages.size() - half));
        before = true;
        after = true;
      }
    }
  }

  private static boolean fits(HistoryPage page, String requestId) {
    try {
      ProtocolCodec.encodeServer(requestId, page);
      return true;
    } catch (ChatException tooLarge) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "history";
  }
}
