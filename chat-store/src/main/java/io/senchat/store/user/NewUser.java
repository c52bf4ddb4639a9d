package io.senchat.store.user;

/**
 * An account to register.
 *
 * @param username login handle; compared case-insensitively and stored lower case
 * @param displayName name shown in the UI
 * @param password plain password, hashed before it is stored
 */
public record NewUser(String username, String displayName, String password) {

  public NewUser {
    if (username == null || displayName == null || password == null) {
      throw new IllegalArgumentException("new user fields must not be null");
    }
  }

  @Override
  public String toString() {
    return "NewUser[username=" + username + ", displayName=" + displayName + ", password=***]";
  }
}
