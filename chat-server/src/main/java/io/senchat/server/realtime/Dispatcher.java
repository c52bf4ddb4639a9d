package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The last stage of the pipeline: hands each command to the handler of its type. */
@Singleton
final class Dispatcher implements CommandHandler {

  private final HelloHandler hello;
  private final SyncHandler sync;
  private final SendHandler send;
  private final EditHandler edit;
  private final DeleteHandler delete;
  private final ReactHandler react;
  private final ReceiptHandler receipts;
  private final TypingHandler typing;
  private final WatchHandler watch;
  private final HistoryHandler history;
  private final PingHandler ping;

  @Inject
  Dispatcher(HelloHandler hello, SyncHandler sync, SendHandler send, EditHandler edit, DeleteHandler delete,
      ReactHandler react, ReceiptHandler receipts, TypingHandler typing, WatchHandler watch, HistoryHandler history,
      PingHandler ping) {
    this.hello = hello;
    this.sync = sync;
    this.send = send;
    this.edit = edit;
    this.delete = delete;
    this.react = react;
    this.receipts = receipts;
    this.typing = typing;
    this.watch = watch;
    this.history = history;
    this.ping = ping;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    CommandHandler handler = switch (command.frame().type()) {
      case ClientFrame.Hello.TYPE -> hello;
      case ClientFrame.Sync.TYPE -> sync;
      case ClientFrame.SendMessage.TYPE -> send;
      case ClientFrame.EditMessage.TYPE -> edit;
      case ClientFrame.DeleteMessage.TYPE -> delete;
      case ClientFrame.ReactToMessage.TYPE -> react;
      case ClientFrame.MarkReceipts.TYPE -> receipts;
      case ClientFrame.SetTyping.TYPE -> typing;
      case ClientFrame.WatchPresence.TYPE -> watch;
      case ClientFrame.FetchHistory.TYPE -> history;
      case ClientFrame.Ping.TYPE -> ping;
      // The codec knows the same types, so this is a command added there and not here yet.
      default -> throw new ChatException(ErrorCode.UNKNOWN_TYPE, "no handler for " + command.frame().type());
    };
    handler.handle(session, command);
  }

  @Override
  public String toString() {
    return "dispatch";
  }
}
