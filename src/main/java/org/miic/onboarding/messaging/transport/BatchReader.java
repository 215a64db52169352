package org.miic.onboarding.messaging.transport;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads an HL7 v2 batch file ([FHS] [BHS] messages each starting with MSH [BTS] [FTS], HL7 2.5.1 section 2.10.3) one
 * message at a time, so that a file of any size needs the memory of one message. Segments may end with CR, LF or CRLF;
 * a message's segments are joined with CR. A message over the limit is read to its end but not kept: only its MSH
 * segment is, to answer it. Call {@link #header()} first, then {@link #next()} until it returns null.
 */
final class BatchReader {

  /** The FHS and BHS segments before the first message (null when absent), and whether a message follows. */
  record Header(String fileHeader, String batchHeader, boolean hasMessages) {}

  /** One message: its MSH segment, and the whole message, or null when it is larger than the limit. */
  record Message(String header, String text) {

    boolean tooLarge() {
      return text == null;
    }
  }

  /** A segment as read: at most the characters asked for, and its length in UTF-8 bytes. */
  private record Segment(String text, long bytes) {

    boolean is(String type) {
      return text.startsWith(type);
    }

    boolean isBatchEnvelope() {
      return is("FHS") || is("BHS") || is("BTS") || is("FTS");
    }
  }

  /** Enough of a segment to tell its type by. */
  private static final int TYPE_LENGTH = 4;

  private final Reader in;
  private final int maxMessageBytes;
  private final char[] buffer = new char[8192];
  private int position;
  private int length;
  private boolean started;
  /** The MSH segment that ended the message before. */
  private Segment pending;
  private int skipped;

  BatchReader(Reader in, int maxMessageBytes) {
    this.in = in;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Reads up to the first message: the first FHS and BHS; any other segment before it is skipped. */
  Header header() throws IOException {
    String fileHeader = null;
    String batchHeader = null;
    for (Segment s = segment(maxMessageBytes); s != null; s = segment(maxMessageBytes)) {
      if (s.is("MSH")) {
        pending = s;
        return new Header(fileHeader, batchHeader, true);
      }
      if (s.is("FHS") && fileHeader == null) {
        fileHeader = s.text();
      } else if (s.is("BHS") && batchHeader == null) {
        batchHeader = s.text();
      } else {
        skipped++;
      }
    }
    return new Header(fileHeader, batchHeader, false);
  }

  /**
   * The next message, or null at the end of the file. A message ends at the next MSH, at a batch envelope segment (BTS,
   * FTS, or the FHS and BHS of a file that holds several batches) or at the end of the file.
   */
  Message next() throws IOException {
    Segment msh = pending;
    pending = null;
    while (msh == null) {
      Segment s = segment(maxMessageBytes);
      if (s == null) {
        return null;
      }
      if (s.is("MSH")) {
        msh = s;
      } else if (!s.isBatchEnvelope()) {
        skipped++;
      }
    }
    long bytes = msh.bytes();
    StringBuilder text = bytes > maxMessageBytes ? null : new StringBuilder(msh.text());
    for (Segment s = segment(room(bytes)); s != null; s = segment(room(bytes))) {
      if (s.is("MSH")) {
        pending = s;
        break;
      }
      if (s.isBatchEnvelope()) {
        break;
      }
      bytes += 1 + s.bytes();
      if (bytes > maxMessageBytes) {
        text = null;
      } else if (text != null) {
        text.append('\r').append(s.text());
      }
    }
    return new Message(msh.text(), text == null ? null : text.toString());
  }

  /** Segments outside any message (neither batch envelope nor part of a message), skipped so far. */
  int skipped() {
    return skipped;
  }

  /** Characters worth keeping of the next segment of a message that has {@code bytes} so far. */
  private int room(long bytes) {
    return (int) Math.max(TYPE_LENGTH, maxMessageBytes - bytes);
  }

  /**
   * The next segment that is not empty, at most {@code keep} characters of it kept, or up to the limit for an MSH (it
   * starts the next message, whatever is left of this one); null at the end of the file.
   */
  private Segment segment(int keep) throws IOException {
    StringBuilder text = new StringBuilder(Math.min(keep, 256));
    int kept = keep;
    long bytes = 0;
    for (int c = read(); c >= 0; c = read()) {
      if (c == '\r' || c == '\n') {
        if (bytes > 0) {
          break;
        }
        continue; // the LF of a CRLF, or an empty line
      }
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate((char) c) ? 2 : 3;
      if (text.length() < kept) {
        text.append((char) c);
        if (text.length() == 3 && "MSH".contentEquals(text)) {
          kept = Math.max(kept, maxMessageBytes);
        }
      }
    }
    return bytes == 0 ? null : new Segment(text.toString(), bytes);
  }

  private int read() throws IOException {
    if (position == length) {
      length = Math.max(0, in.read(buffer));
      position = 0;
      if (length == 0) {
        return -1;
      }
    }
    char c = buffer[position++];
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        return read();
      }
    }
    return c;
  }
}
