-- Message appends as one server-side call, so that a send (or a group-commit batch) is one round trip and the
-- conversation row lock is never held across client round trips. Called in autocommit mode: the call is the
-- transaction.
--
-- Protocol: (0) when every send is a retry of a committed one, answer without any lock; (1) lock the conversations
-- in ascending id order (no deadlocks between batches); (2) in a new statement, hence a new snapshot under READ
-- COMMITTED, which sees every send that committed before the locks were granted: find earlier sends with the same
-- (sender_id, client_id), check membership and the group's post setting, number the accepted messages gaplessly
-- from last_seq, and write counters, rows, mentions and change events. A failing CHECK aborts the whole call, so
-- a failed transaction leaves no gap and no partial rows.
--
-- Input: parallel arrays, one element per message, with no two elements sharing (sender_id, client_id); mentions
-- refer to messages by 1-based ordinal. Output: one row per message in input order. status is OK (seq assigned),
-- DUPLICATE (seq of the original), CONFLICT (client id used in another conversation), NOT_FOUND, NOT_MEMBER,
-- FORBIDDEN or BAD_REPLY (reply_to_seq beyond the conversation's last seq). With p_all_or_nothing, nothing is
-- written unless every message is OK or DUPLICATE.
--
-- A single message takes a branch with plain statements (the same protocol, cheaper while the row lock is held);
-- batches take the set-based branch. The contract tests run both: append() the first, appendBatch() and the
-- group-commit writer the second.
CREATE FUNCTION append_messages(
    p_conversation_ids bigint[], p_sender_ids bigint[], p_client_ids text[], p_kinds text[], p_bodies text[],
    p_sticker_ids text[], p_reply_to_seqs bigint[],
    p_fwd_conversation_ids bigint[], p_fwd_seqs bigint[], p_fwd_sender_ids bigint[],
    p_att_names text[], p_att_mimes text[], p_att_sizes bigint[], p_att_widths integer[], p_att_heights integer[],
    p_att_durations bigint[], p_att_urls text[], p_att_thumbnail_urls text[],
    p_mention_ordinals integer[], p_mention_user_ids bigint[], p_mention_starts integer[],
    p_mention_lengths integer[],
    p_all_or_nothing boolean, p_now timestamptz)
  RETURNS TABLE (ordinal bigint, status text, seq bigint)
  LANGUAGE plpgsql VOLATILE
  -- Every statement here joins a small batch to big tables by key, so the right plan is always nested loops over
  -- index probes. Without these settings the cached plan depends on the statistics at planning time: planned while
  -- a table was small, it hash-joins over sequential scans that get slower with every message. A generic plan
  -- also spares re-planning the six-part statement on every call (milliseconds).
  SET plan_cache_mode = force_generic_plan
  SET enable_seqscan = off
  SET enable_hashjoin = off
  SET enable_mergejoin = off
  SET search_path FROM CURRENT AS $$
DECLARE
  v_conversation_id bigint := p_conversation_ids[1];
  v_sender_id bigint := p_sender_ids[1];
  v_earlier_conversation_id bigint;
  v_earlier_seq bigint;
  v_last_seq bigint;
  v_post_audience text;
  v_role text;
  v_seq bigint;
BEGIN
  ordinal := 1;
  IF cardinality(p_conversation_ids) = 1 THEN
    -- One message, the common case: the same protocol as below in plain statements, which cost a fraction of the
    -- set-based statement while the conversation's row lock is held.
    SELECT m.conversation_id, m.seq INTO v_earlier_conversation_id, v_earlier_seq
    FROM message m WHERE m.sender_id = v_sender_id AND m.client_id = p_client_ids[1];
    IF v_earlier_seq IS NULL THEN
      SELECT c.last_seq, c.post_audience INTO v_last_seq, v_post_audience
      FROM conversation c WHERE c.id = v_conversation_id FOR NO KEY UPDATE;
      -- A new statement, so a new snapshot: a send with the same key that committed while we waited shows now.
      SELECT m.conversation_id, m.seq INTO v_earlier_conversation_id, v_earlier_seq
      FROM message m WHERE m.sender_id = v_sender_id AND m.client_id = p_client_ids[1];
    END IF;
    IF v_earlier_seq IS NOT NULL THEN
      status := CASE WHEN v_earlier_conversation_id = v_conversation_id THEN 'DUPLICATE' ELSE 'CONFLICT' END;
      seq := v_earlier_seq;
      RETURN NEXT;
      RETURN;
    END IF;
    seq := NULL;
    IF v_last_seq IS NULL THEN
      status := 'NOT_FOUND';
      RETURN NEXT;
      RETURN;
    END IF;
    IF p_kinds[1] <> 'SYSTEM' THEN
      SELECT cm.role INTO v_role
      FROM conversation_member cm WHERE cm.conversation_id = v_conversation_id AND cm.user_id = v_sender_id;
      IF v_role IS NULL THEN
        status := 'NOT_MEMBER';
        RETURN NEXT;
        RETURN;
      END IF;
      IF NOT (v_post_audience = 'MEMBERS' OR (v_post_audience = 'ADMINS' AND v_role IN ('ADMIN', 'OWNER'))
              OR (v_post_audience = 'OWNER' AND v_role = 'OWNER')) THEN
        status := 'FORBIDDEN';
        RETURN NEXT;
        RETURN;
      END IF;
    END IF;
    IF p_reply_to_seqs[1] > v_last_seq THEN
      status := 'BAD_REPLY';
      RETURN NEXT;
      RETURN;
    END IF;
    v_seq := v_last_seq + 1;
    UPDATE conversation c SET last_seq = v_seq, last_activity_at = p_now WHERE c.id = v_conversation_id;
    INSERT INTO message (conversation_id, seq, sender_id, client_id, kind, body, sticker_id, reply_to_seq,
                         fwd_conversation_id, fwd_seq, fwd_sender_id, att_name, att_mime, att_size, att_width,
                         att_height, att_duration_ms, att_url, att_thumbnail_url, sent_at)
    VALUES (v_conversation_id, v_seq, v_sender_id, p_client_ids[1], p_kinds[1], p_bodies[1], p_sticker_ids[1],
            p_reply_to_seqs[1], p_fwd_conversation_ids[1], p_fwd_seqs[1], p_fwd_sender_ids[1], p_att_names[1],
            p_att_mimes[1], p_att_sizes[1], p_att_widths[1], p_att_heights[1], p_att_durations[1], p_att_urls[1],
            p_att_thumbnail_urls[1], p_now);
    IF cardinality(p_mention_ordinals) > 0 THEN
      INSERT INTO message_mention (conversation_id, seq, user_id, start_index, length)
      SELECT v_conversation_id, v_seq, x.user_id, x.start_index, x.length
      FROM unnest(p_mention_user_ids, p_mention_starts, p_mention_lengths) WITH ORDINALITY
           AS x(user_id, start_index, length, k)
      ORDER BY x.k;
    END IF;
    INSERT INTO change_event (conversation_id, kind, seq, subject_user_id)
    VALUES (v_conversation_id, 'MESSAGE_NEW', v_seq, v_sender_id);
    status := 'OK';
    seq := v_seq;
    RETURN NEXT;
    RETURN;
  END IF;

  -- (0) Pure retries need no lock.
  IF NOT EXISTS (
      SELECT 1 FROM unnest(p_sender_ids, p_client_ids) AS k(sender_id, client_id)
      WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.sender_id = k.sender_id AND m.client_id = k.client_id)) THEN
    RETURN QUERY
      SELECT k.ordinal,
             CASE WHEN m.conversation_id = k.conversation_id THEN 'DUPLICATE' ELSE 'CONFLICT' END,
             m.seq
      FROM unnest(p_conversation_ids, p_sender_ids, p_client_ids) WITH ORDINALITY
           AS k(conversation_id, sender_id, client_id, ordinal)
      JOIN message m ON m.sender_id = k.sender_id AND m.client_id = k.client_id
      ORDER BY k.ordinal;
    RETURN;
  END IF;

  -- (1) Lock.
  PERFORM 1 FROM conversation c WHERE c.id = ANY (p_conversation_ids) ORDER BY c.id FOR NO KEY UPDATE;

  -- (2) Decide and write, in one statement with a snapshot taken after the locks.
  RETURN QUERY
  WITH input AS (
    SELECT i.* FROM unnest(p_conversation_ids, p_sender_ids, p_client_ids, p_kinds, p_reply_to_seqs)
           WITH ORDINALITY AS i(conversation_id, sender_id, client_id, kind, reply_to_seq, ordinal)
  ), decided AS (
    SELECT i.ordinal, i.conversation_id, i.sender_id, c.last_seq, m.seq AS earlier_seq,
      CASE
        WHEN m.seq IS NOT NULL THEN
          CASE WHEN m.conversation_id = i.conversation_id THEN 'DUPLICATE' ELSE 'CONFLICT' END
        WHEN c.id IS NULL THEN 'NOT_FOUND'
        -- SYSTEM messages are written by the server, possibly about a user who just left.
        WHEN i.kind <> 'SYSTEM' AND cm.role IS NULL THEN 'NOT_MEMBER'
        WHEN i.kind <> 'SYSTEM' AND NOT (c.post_audience = 'MEMBERS'
             OR (c.post_audience = 'ADMINS' AND cm.role IN ('ADMIN', 'OWNER'))
             OR (c.post_audience = 'OWNER' AND cm.role = 'OWNER')) THEN 'FORBIDDEN'
        -- A client knows only acknowledged (committed) seqs, so a reply refers to one of those.
        WHEN i.reply_to_seq > c.last_seq THEN 'BAD_REPLY'
        ELSE 'OK'
      END AS status
    FROM input i
    LEFT JOIN conversation c ON c.id = i.conversation_id
    LEFT JOIN conversation_member cm ON cm.conversation_id = i.conversation_id AND cm.user_id = i.sender_id
    LEFT JOIN message m ON m.sender_id = i.sender_id AND m.client_id = i.client_id
  ), numbered AS (
    SELECT d.ordinal, d.conversation_id,
           d.last_seq + row_number() OVER (PARTITION BY d.conversation_id ORDER BY d.ordinal) AS seq
    FROM decided d
    WHERE d.status = 'OK'
      AND (NOT p_all_or_nothing OR NOT EXISTS (SELECT 1 FROM decided r WHERE r.status NOT IN ('OK', 'DUPLICATE')))
  ), raised AS (
    UPDATE conversation c SET last_seq = t.last_seq, last_activity_at = p_now
    FROM (SELECT n.conversation_id, max(n.seq) AS last_seq FROM numbered n GROUP BY n.conversation_id) t
    WHERE c.id = t.conversation_id
  ), inserted AS (
    INSERT INTO message (conversation_id, seq, sender_id, client_id, kind, body, sticker_id, reply_to_seq,
                         fwd_conversation_id, fwd_seq, fwd_sender_id, att_name, att_mime, att_size, att_width,
                         att_height, att_duration_ms, att_url, att_thumbnail_url, sent_at)
    SELECT n.conversation_id, n.seq, p_sender_ids[n.ordinal], p_client_ids[n.ordinal], p_kinds[n.ordinal],
           p_bodies[n.ordinal], p_sticker_ids[n.ordinal], p_reply_to_seqs[n.ordinal],
           p_fwd_conversation_ids[n.ordinal], p_fwd_seqs[n.ordinal], p_fwd_sender_ids[n.ordinal],
           p_att_names[n.ordinal], p_att_mimes[n.ordinal], p_att_sizes[n.ordinal], p_att_widths[n.ordinal],
           p_att_heights[n.ordinal], p_att_durations[n.ordinal], p_att_urls[n.ordinal],
           p_att_thumbnail_urls[n.ordinal], p_now
    FROM numbered n
    ORDER BY n.ordinal
    RETURNING message.conversation_id, message.seq, message.sender_id
  ), mentioned AS (
    -- Foreign keys are checked at the end of the statement, when the message rows exist.
    INSERT INTO message_mention (conversation_id, seq, user_id, start_index, length)
    SELECT n.conversation_id, n.seq, x.user_id, x.start_index, x.length
    FROM unnest(p_mention_ordinals, p_mention_user_ids, p_mention_starts, p_mention_lengths) WITH ORDINALITY
         AS x(ordinal, user_id, start_index, length, k)
    JOIN numbered n ON n.ordinal = x.ordinal
    ORDER BY x.k
  ), events AS (
    INSERT INTO change_event (conversation_id, kind, seq, subject_user_id)
    SELECT e.conversation_id, 'MESSAGE_NEW', e.seq, e.sender_id FROM inserted e ORDER BY e.conversation_id, e.seq
  )
  SELECT d.ordinal, d.status, CASE WHEN d.status = 'DUPLICATE' THEN d.earlier_seq ELSE n.seq END
  FROM decided d LEFT JOIN numbered n ON n.ordinal = d.ordinal
  ORDER BY d.ordinal;
END
$$;
