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

  private static final String NOT_UTF8 = "The message is not UTF-8 text; send HL7 encoded as UTF-8.";

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
      return new Decoded(null, NOT_UTF8);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String binary = binary(text);
    return binary == null ? new Decoded(text, null) : new Decoded(null, binary);
  }

  /**
   * Why a message of a batch is not readable text, or null. A batch is decoded as one stream, so a byte that is not
   * UTF-8 became U+FFFD there instead of ending the batch.
   */
  static String problem(String text) {
    return text.indexOf('\uFFFD') >= 0 ? NOT_UTF8 : binary(text);
  }

  private static String binary(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
        return "The message contains binary data (control character 0x" + Integer.toHexString(c) + " at position " + i
            + "); HL7 v2 messages are text.";
      }
    }
    return null;
  }
}
