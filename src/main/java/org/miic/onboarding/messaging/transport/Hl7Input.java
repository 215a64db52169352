package org.miic.onboarding.messaging.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads an HL7 message from a request body: bounded in size, strictly UTF-8, no binary. */
public final class Hl7Input {

  /** The body is larger than allowed; nothing beyond the limit was read. */
  public static class TooLargeException extends RuntimeException {
    public TooLargeException(int limit) {
      super("The message is larger than " + limit + " bytes, the most MIIC accepts; send one message at a time.");
    }
  }

  /** The text, or why there is none: {@code problem} is null when {@code text} is usable. */
  public record Decoded(String text, String problem) {}

  private Hl7Input() {}

  public static byte[] readBounded(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > limit) {
        throw new TooLargeException(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  public static Decoded decode(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return new Decoded(null, "The message is not UTF-8 text; send HL7 encoded as UTF-8.");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
        return new Decoded(null, "The message contains binary data (control character 0x" + Integer.toHexString(c)
            + " at position " + i + "); HL7 v2 messages are text.");
      }
    }
    return new Decoded(text, null);
  }
}
