package io.senchat.domain.text;

import static io.senchat.domain.Fixtures.ALICE;
import static io.senchat.domain.Fixtures.BOB;
import static io.senchat.domain.Fixtures.CAROL;
import static io.senchat.domain.Fixtures.deleted;
import static io.senchat.domain.Fixtures.text;
import static io.senchat.domain.Fixtures.withMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void notifiesNamedUsersAndEveryoneOnAtAll() {
    List<Mention> mentions = List.of(new Mention(BOB, 0, 4));
    assertTrue(Mentions.notifies(BOB, mentions));
    assertFalse(Mentions.notifies(CAROL, mentions));
    assertTrue(Mentions.notifies(CAROL, List.of(Mention.all(0, 4))));
    assertFalse(Mentions.notifies(CAROL, List.of()));
  }

  @Test
  void aMessageNeverNotifiesItsSenderAndADeletedOneNobody() {
    Message message = withMentions(text(1, ALICE), List.of(Mention.all(0, 4)));
    assertFalse(Mentions.notifies(ALICE, message));
    assertTrue(Mentions.notifies(BOB, message));
    assertFalse(Mentions.notifies(BOB, deleted(message)));
  }

  @Test
  void mentionedUsersAreDistinctInOrder() {
    List<Mention> mentions = List.of(new Mention(BOB, 0, 4), Mention.all(5, 4), new Mention(CAROL, 10, 6),
        new Mention(BOB, 17, 4));
    assertEquals(List.of(BOB, CAROL), Mentions.mentionedUsers(mentions));
  }
}
