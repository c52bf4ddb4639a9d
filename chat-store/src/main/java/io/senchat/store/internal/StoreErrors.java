package io.senchat.store.internal;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns database failures into {@link ChatException}s with stable codes, keeping the cause. */
public final class StoreErrors {

  /** Messages for constraints a caller can violate with valid-looking input; others get a generic message. */
  private static final Map<String, String> CONSTRAINT_MESSAGES = Map.ofEntries(
      Map.entry("app_user_username_uq", "username is already taken"),
      Map.entry("app_user_username_ck", "username must be 1-64 characters of a-z, 0-9, '.', '_' or '-'"),
      Map.entry("app_user_display_name_ck", "display name must be 1-100 characters"),
      Map.entry("app_user_status_text_ck", "status text must be at most 500 characters"),
      Map.entry("conversation_member_limit_ck", "a group has at most 500 members"),
      Map.entry("conversation_direct_members_ck", "a direct conversation has exactly two members"),
      Map.entry("conversation_title_ck", "title must be at most 200 characters"),
      Map.entry("message_client_id_uq", "client id already used for another message"),
      Map.entry("message_client_id_ck", "client id must be 1-64 characters"),
      Map.entry("message_body_ck", "message text is too long"),
      Map.entry("message_reply_ck", "a reply must refer to an earlier message"),
      Map.entry("message_attachment_ck", "attachment fields must be all set or all absent"),
      Map.entry("message_attachment_size_ck", "attachment is larger than 100 MiB"),
      Map.entry("message_attachment_dimensions_ck", "attachment dimensions must not be negative"),
      Map.entry("message_media_ck", "a media message needs an attachment"),
      Map.entry("message_reaction_emoji_ck", "emoji must be 1-32 characters"),
      Map.entry("message_mention_range_ck", "bad mention range"));

  private StoreErrors() {
  }

  /** A ChatException carrying {@code cause}. */
  public static ChatException chat(ErrorCode code, String message, Throwable cause) {
    ChatException e = new ChatException(code, message);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** Runs {@code body}, translating database failures; ChatExceptions pass through unchanged. */
  public static <T> T translating(Supplier<T> body) {
    try {
      return body.get();
    } catch (ChatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** The ChatException that describes {@code failure} to a caller. */
  public static ChatException translate(RuntimeException failure) {
    if (failure instanceof ChatException chat) {
      return chat;
    }
    SQLException sql = findSqlException(failure);
    if (sql == null) {
      return chat(ErrorCode.INTERNAL, "store failure: " + failure.getMessage(), failure);
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String constraint = constraintOf(sql);
    String known = constraint == null ? null : CONSTRAINT_MESSAGES.get(constraint);
    if (state.equals("23505")) {
      return chat(ErrorCode.CONFLICT, known != null ? known : "already exists (" + constraint + ")", failure);
    }
    if (state.equals("23514") || state.equals("23502") || state.equals("22001") || state.equals("22003")
        || state.equals("22P02") || state.equals("23P01")) {
      return chat(ErrorCode.VALIDATION, known != null ? known : "invalid data: " + sql.getMessage(), failure);
    }
    if (state.equals("23503")) {
      return chat(ErrorCode.NOT_FOUND, "refers to something that does not exist (" + constraint + ")", failure);
    }
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("40001")
        || state.equals("40P01") || state.equals("55P03")) {
      return chat(ErrorCode.UNAVAILABLE, "database unavailable or busy, retry: " + sql.getMessage(), failure);
    }
    return chat(ErrorCode.INTERNAL, "database failure " + state + ": " + sql.getMessage(), failure);
  }

  /** True if {@code failure} is a violation of the named unique or check constraint. */
  public static boolean isConstraintViolation(Throwable failure, String constraint) {
    SQLException sql = findSqlException(failure);
    return sql != null && constraint.equals(constraintOf(sql));
  }

  private static SQLException findSqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        // Batch failures wrap the server's error in getNextException.
        SQLException next = sql.getNextException();
        return next != null && sql.getSQLState() == null ? next : sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String constraintOf(SQLException sql) {
    if (sql instanceof PSQLException psql) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server != null) {
        return server.getConstraint();
      }
    }
    return null;
  }
}
