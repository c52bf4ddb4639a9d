-- SenChat store, schema version 1. PostgreSQL 13 or newer (xid8, pg_current_xact_id, pg_current_snapshot).
-- Times that users see are timestamptz; muted_until is epoch millis because "muted forever" is Long.MAX_VALUE.

-- Accounts ---------------------------------------------------------------------------------------------------------

CREATE TABLE app_user (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Stored lower case and limited to ASCII so that uniqueness is case-insensitive under any database collation.
  username     text        NOT NULL,
  display_name text        NOT NULL,
  avatar_url   text        NOT NULL DEFAULT '',
  status_text  text        NOT NULL DEFAULT '',
  system_role  text        NOT NULL DEFAULT 'USER',
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz,
  CONSTRAINT app_user_username_ck CHECK (username ~ '^[a-z0-9._-]{1,64}$'),
  CONSTRAINT app_user_display_name_ck CHECK (char_length(display_name) BETWEEN 1 AND 100),
  CONSTRAINT app_user_status_text_ck CHECK (char_length(status_text) <= 500),
  CONSTRAINT app_user_system_role_ck CHECK (system_role IN ('USER', 'SUPER_ADMIN'))
);
-- text_pattern_ops serves both equality (uniqueness, login) and LIKE 'prefix%' (search).
CREATE UNIQUE INDEX app_user_username_uq ON app_user (username text_pattern_ops);
CREATE INDEX app_user_display_name_ix ON app_user (lower(display_name) text_pattern_ops);

-- Kept apart from app_user so that no profile query can ever carry a password hash.
CREATE TABLE user_credential (
  user_id       bigint      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  password_hash text        NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE auth_session (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  device_name   text        NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  revoke_reason text,
  CONSTRAINT auth_session_revoked_ck CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
  CONSTRAINT auth_session_device_name_ck CHECK (char_length(device_name) <= 200)
);
CREATE INDEX auth_session_user_ix ON auth_session (user_id);

-- Only SHA-256 hashes of refresh tokens are stored; a rotated token keeps its row (replaced_at set) so that
-- presenting it again is recognised as theft until the session itself expires.
CREATE TABLE refresh_token (
  token_hash  bytea       PRIMARY KEY,
  session_id  bigint      NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  replaced_at timestamptz,
  CONSTRAINT refresh_token_hash_ck CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX refresh_token_session_ix ON refresh_token (session_id);

-- Conversations ----------------------------------------------------------------------------------------------------

CREATE TABLE conversation (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind                  text        NOT NULL,
  title                 text        NOT NULL DEFAULT '',
  avatar_url            text        NOT NULL DEFAULT '',
  post_audience         text        NOT NULL DEFAULT 'MEMBERS',
  add_members_audience  text        NOT NULL DEFAULT 'MEMBERS',
  pin_messages_audience text        NOT NULL DEFAULT 'ADMINS',
  change_info_audience  text        NOT NULL DEFAULT 'ADMINS',
  created_by            bigint      NOT NULL REFERENCES app_user (id),
  created_at            timestamptz NOT NULL,
  -- The per-conversation seq counter: appends lock this row and raise it in the same transaction as the insert.
  last_seq              bigint      NOT NULL DEFAULT 0,
  last_activity_at      timestamptz NOT NULL,
  -- Maintained by the triggers below, so the member cap holds whatever code path adds members.
  member_count          integer     NOT NULL DEFAULT 0,
  -- Direct conversations: the two users, smaller id first; the unique pair makes "at most one per pair" a fact.
  direct_low            bigint REFERENCES app_user (id),
  direct_high           bigint REFERENCES app_user (id),
  CONSTRAINT conversation_kind_ck CHECK (kind IN ('DIRECT', 'GROUP')),
  CONSTRAINT conversation_title_ck CHECK (char_length(title) <= 200),
  CONSTRAINT conversation_audience_ck CHECK (
    post_audience IN ('MEMBERS', 'ADMINS', 'OWNER') AND add_members_audience IN ('MEMBERS', 'ADMINS', 'OWNER')
    AND pin_messages_audience IN ('MEMBERS', 'ADMINS', 'OWNER') AND change_info_audience IN ('MEMBERS', 'ADMINS', 'OWNER')),
  CONSTRAINT conversation_last_seq_ck CHECK (last_seq >= 0),
  CONSTRAINT conversation_member_limit_ck CHECK (member_count >= 0 AND member_count <= 500),
  CONSTRAINT conversation_direct_members_ck CHECK (kind = 'GROUP' OR member_count <= 2),
  CONSTRAINT conversation_direct_pair_ck CHECK (CASE kind
    WHEN 'DIRECT' THEN direct_low IS NOT NULL AND direct_high IS NOT NULL AND direct_low < direct_high
    ELSE direct_low IS NULL AND direct_high IS NULL END),
  CONSTRAINT conversation_direct_pair_uq UNIQUE (direct_low, direct_high)
);

CREATE TABLE conversation_member (
  conversation_id     bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
  user_id             bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role                text        NOT NULL DEFAULT 'MEMBER',
  joined_at           timestamptz NOT NULL,
  added_by            bigint,
  -- The member's private view, synchronised across their devices.
  pinned              boolean     NOT NULL DEFAULT false,
  muted_until         bigint      NOT NULL DEFAULT 0,
  archived            boolean     NOT NULL DEFAULT false,
  hidden              boolean     NOT NULL DEFAULT false,
  last_delivered_seq  bigint      NOT NULL DEFAULT 0,
  last_read_seq       bigint      NOT NULL DEFAULT 0,
  cleared_through_seq bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (conversation_id, user_id),
  CONSTRAINT conversation_member_role_ck CHECK (role IN ('MEMBER', 'ADMIN', 'OWNER')),
  CONSTRAINT conversation_member_marks_ck CHECK (
    last_read_seq >= 0 AND last_read_seq <= last_delivered_seq AND cleared_through_seq >= 0 AND muted_until >= 0)
);
CREATE INDEX conversation_member_user_ix ON conversation_member (user_id, conversation_id);
CREATE UNIQUE INDEX conversation_member_one_owner_uq ON conversation_member (conversation_id) WHERE role = 'OWNER';

CREATE FUNCTION conversation_member_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE conversation c SET member_count = c.member_count + d.n
  FROM (SELECT conversation_id, count(*) AS n FROM added_rows GROUP BY conversation_id) d
  WHERE c.id = d.conversation_id;
  RETURN NULL;
END
$$;

CREATE FUNCTION conversation_member_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE conversation c SET member_count = c.member_count - d.n
  FROM (SELECT conversation_id, count(*) AS n FROM removed_rows GROUP BY conversation_id) d
  WHERE c.id = d.conversation_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER conversation_member_added AFTER INSERT ON conversation_member
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_member_added();
CREATE TRIGGER conversation_member_removed AFTER DELETE ON conversation_member
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_member_removed();

-- Messages ---------------------------------------------------------------------------------------------------------

CREATE TABLE message (
  conversation_id     bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
  seq                 bigint      NOT NULL,
  sender_id           bigint      NOT NULL REFERENCES app_user (id),
  client_id           text        NOT NULL,
  kind                text        NOT NULL,
  body                text        NOT NULL DEFAULT '',
  sticker_id          text        NOT NULL DEFAULT '',
  reply_to_seq        bigint      NOT NULL DEFAULT 0,
  fwd_conversation_id bigint,
  fwd_seq             bigint,
  fwd_sender_id       bigint,
  att_name            text,
  att_mime            text,
  att_size            bigint,
  att_width           integer,
  att_height          integer,
  att_duration_ms     bigint,
  att_url             text,
  att_thumbnail_url   text,
  sent_at             timestamptz NOT NULL,
  edited_at           timestamptz,
  deleted_at          timestamptz,
  deleted_by          bigint,
  PRIMARY KEY (conversation_id, seq),
  -- The last line of defence for idempotent sends; the append path finds duplicates under the conversation lock.
  CONSTRAINT message_client_id_uq UNIQUE (sender_id, client_id),
  CONSTRAINT message_seq_ck CHECK (seq > 0),
  CONSTRAINT message_client_id_ck CHECK (char_length(client_id) BETWEEN 1 AND 64),
  CONSTRAINT message_kind_ck CHECK (kind IN ('TEXT', 'STICKER', 'VOICE', 'IMAGE', 'VIDEO', 'FILE', 'SYSTEM')),
  CONSTRAINT message_body_ck CHECK (char_length(body) <= 65536),
  CONSTRAINT message_reply_ck CHECK (reply_to_seq >= 0 AND reply_to_seq < seq),
  CONSTRAINT message_forward_ck CHECK (
    (fwd_conversation_id IS NULL) = (fwd_seq IS NULL) AND (fwd_seq IS NULL) = (fwd_sender_id IS NULL)),
  CONSTRAINT message_attachment_ck CHECK (
    (att_url IS NULL) = (att_name IS NULL) AND (att_url IS NULL) = (att_mime IS NULL)
    AND (att_url IS NULL) = (att_size IS NULL) AND (att_url IS NULL) = (att_thumbnail_url IS NULL)
    AND (att_url IS NULL) = (att_width IS NULL) AND (att_url IS NULL) = (att_height IS NULL)
    AND (att_url IS NULL) = (att_duration_ms IS NULL)),
  CONSTRAINT message_attachment_size_ck CHECK (att_size BETWEEN 0 AND 104857600),
  CONSTRAINT message_attachment_dimensions_ck CHECK (att_width >= 0 AND att_height >= 0 AND att_duration_ms >= 0),
  CONSTRAINT message_media_ck CHECK (
    deleted_at IS NOT NULL OR kind NOT IN ('VOICE', 'IMAGE', 'VIDEO', 'FILE') OR att_url IS NOT NULL),
  CONSTRAINT message_deleted_ck CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);

-- A table rather than a column so that "messages mentioning me" is an index scan.
CREATE TABLE message_mention (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id bigint  NOT NULL,
  seq             bigint  NOT NULL,
  user_id         bigint,
  start_index     integer NOT NULL,
  length          integer NOT NULL,
  FOREIGN KEY (conversation_id, seq) REFERENCES message (conversation_id, seq) ON DELETE CASCADE,
  CONSTRAINT message_mention_range_ck CHECK (start_index >= 0 AND length >= 2)
);
CREATE INDEX message_mention_message_ix ON message_mention (conversation_id, seq);
CREATE INDEX message_mention_user_ix ON message_mention (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX message_mention_all_ix ON message_mention (conversation_id, id) WHERE user_id IS NULL;

CREATE TABLE message_reaction (
  conversation_id bigint      NOT NULL,
  seq             bigint      NOT NULL,
  user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  emoji           text        NOT NULL,
  -- Orders emojis by their first use and users by when they reacted.
  id              bigint GENERATED ALWAYS AS IDENTITY,
  reacted_at      timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, seq, user_id, emoji),
  FOREIGN KEY (conversation_id, seq) REFERENCES message (conversation_id, seq) ON DELETE CASCADE,
  CONSTRAINT message_reaction_emoji_ck CHECK (char_length(emoji) BETWEEN 1 AND 32)
);

-- "Delete for me": one row per user and hidden message.
CREATE TABLE message_hidden (
  user_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  conversation_id bigint      NOT NULL,
  seq             bigint      NOT NULL,
  hidden_at       timestamptz NOT NULL,
  PRIMARY KEY (user_id, conversation_id, seq),
  FOREIGN KEY (conversation_id, seq) REFERENCES message (conversation_id, seq) ON DELETE CASCADE
);

-- Previous versions of edited messages; the current version is the message row.
CREATE TABLE message_edit (
  conversation_id bigint      NOT NULL,
  seq             bigint      NOT NULL,
  version         integer     NOT NULL,
  body            text        NOT NULL,
  written_at      timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, seq, version),
  FOREIGN KEY (conversation_id, seq) REFERENCES message (conversation_id, seq) ON DELETE CASCADE
);

-- Change feed ------------------------------------------------------------------------------------------------------

-- Every change a client must learn about, written in the transaction that makes the change. A reader returns only
-- rows whose tx is below the oldest running transaction (pg_snapshot_xmin), ordered by (tx, id), so no row can
-- appear later before a position already handed out. No foreign keys: this is an append-only log, pruned by age.
CREATE TABLE change_event (
  id               bigint GENERATED ALWAYS AS IDENTITY,
  tx               xid8        NOT NULL DEFAULT pg_current_xact_id(),
  conversation_id  bigint      NOT NULL,
  -- NULL: every current member of the conversation; set: only that user (their devices).
  audience_user_id bigint,
  kind             text        NOT NULL,
  seq              bigint      NOT NULL DEFAULT 0,
  subject_user_id  bigint,
  actor_user_id    bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tx, id),
  CONSTRAINT change_event_kind_ck CHECK (kind IN (
    'CONVERSATION_CREATED', 'CONVERSATION_UPDATED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'MEMBER_ROLE', 'MEMBER_STATE',
    'MESSAGE_NEW', 'MESSAGE_UPDATED', 'MESSAGE_DELETED', 'MESSAGE_HIDDEN', 'DELIVERED', 'READ'))
);
CREATE INDEX change_event_conversation_ix ON change_event (conversation_id, tx, id) WHERE audience_user_id IS NULL;
CREATE INDEX change_event_audience_ix ON change_event (audience_user_id, tx, id) WHERE audience_user_id IS NOT NULL;
