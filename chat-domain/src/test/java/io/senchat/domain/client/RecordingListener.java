package io.senchat.domain.client;

import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a client reports. */
class RecordingListener implements ChatClientListener {

  record Session(Welcome welcome, boolean resumed) {
  }

  record Acked(OutgoingMessage message, Ack ack) {
  }

  record Failed(OutgoingMessage message, ErrorFrame error) {
  }

  final List<ConnectionStatus> statuses = new ArrayList<>();
  final List<Session> sessions = new ArrayList<>();
  final List<ServerFrame> events = new ArrayList<>();
  final List<Acked> acked = new ArrayList<>();
  final List<Failed> failed = new ArrayList<>();
  final List<ErrorFrame> serverErrors = new ArrayList<>();
  int caughtUp;

  @Override
  public void onStatus(ConnectionStatus status) {
    statuses.add(status);
  }

  @Override
  public void onSession(Welcome welcome, boolean resumed) {
    sessions.add(new Session(welcome, resumed));
  }

  @Override
  public void onCaughtUp() {
    caughtUp++;
  }

  @Override
  public void onEvent(ServerFrame event) {
    events.add(event);
  }

  @Override
  public void onSendAcked(OutgoingMessage message, Ack ack) {
    acked.add(new Acked(message, ack));
  }

  @Override
  public void onSendFailed(OutgoingMessage message, ErrorFrame error) {
    failed.add(new Failed(message, error));
  }

  @Override
  public void onServerError(ErrorFrame error) {
    serverErrors.add(error);
  }

  ConnectionStatus lastStatus() {
    return statuses.get(statuses.size() - 1);
  }

  List<ConnectionState> states() {
    return statuses.stream().map(ConnectionStatus::state).toList();
  }

  /** "conversation:seq" of every message.new delivered, in order. */
  List<String> newMessages() {
    return events.stream()
        .filter(e -> e instanceof MessageNew)
        .map(e -> ((MessageNew) e).message())
        .map(m -> m.conversationId().value() + ":" + m.seq())
        .toList();
  }

  List<String> ackedClientIds() {
    return acked.stream().map(a -> a.message().clientId()).toList();
  }
}
