package io.senchat.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the domain's epoch millis and PostgreSQL's timestamptz. */
public final class Times {

  private Times() {
  }

  /** The timestamptz parameter for {@code millis}. */
  public static OffsetDateTime at(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  /** Epoch millis of a timestamptz column, 0 when it is NULL. */
  public static long millis(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? 0 : value.toInstant().toEpochMilli();
  }
}
