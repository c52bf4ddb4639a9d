package io.senchat.domain.user;

/** Installation-wide role of an account; super-admins may moderate any conversation. */
public enum SystemRole {
  USER,
  SUPER_ADMIN
}
