package io.senchat.web.messages;

import java.util.List;

/**
 * The full reaction set. Only referenced from a {@code GWT.runAsync} callback, so GWT moves it into a fragment
 * loaded when someone first asks for more than the quick reactions.
 */
final class EmojiPicker {

  private static final List<String> EMOJIS = List.of(
      "👍", "❤️", "😂", "😮", "😢", "😡", "👎", "🙏", "👏", "🔥", "🎉", "💯",
      "😀", "😃", "😄", "😁", "😆", "😅", "🤣", "😊", "😇", "🙂", "🙃", "😉",
      "😌", "😍", "🥰", "😘", "😗", "😙", "😚", "😋", "😛", "😝", "😜", "🤪",
      "🤨", "🧐", "🤓", "😎", "🤩", "🥳", "😏", "😒", "😞", "😔", "😟", "😕",
      "🙁", "😣", "😖", "😫", "😩", "🥺", "😭", "😤", "😠", "🤬", "🤯", "😳",
      "🥵", "🥶", "😱", "😨", "😰", "😥", "😓", "🤗", "🤔", "🤭", "🤫", "🤥",
      "😶", "😐", "😑", "😬", "🙄", "😯", "😦", "😧", "😲", "🥱", "😴", "🤤",
      "😪", "😵", "🤐", "🥴", "🤢", "🤮", "🤧", "😷", "🤒", "🤕", "🤑", "🤠",
      "👌", "✌️", "🤞", "🤟", "🤘", "👋", "💪", "🙌", "👀", "💔", "💕", "💖",
      "⭐", "✨", "⚡", "🌹", "🌸", "🍀", "🎂", "🎁", "☕", "🍺", "✅", "❌");

  private EmojiPicker() {
  }

  static List<String> emojis() {
    return EMOJIS;
  }
}
