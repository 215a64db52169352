package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch files read one message at a time (issue 10, item 1), without Spring. */
class BatchReaderTest {

  static final String FHS = "FHS|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20260302103000-0600||||F0001";
  static final String BHS = "BHS|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20260302103000-0600||||B0001";

  static String message(String controlId) {
    return String.join("\r",
        "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20260302103000-0600||VXU^V04^VXU_V04|" + controlId + "|P|2.5.1",
        "PID|1||PAT-" + controlId + "^^^MYCLINIC^MR||Lakewood^Maya",
        "RXA|0|1|20260301||08^Hep B^CVX|0.5");
  }

  private static BatchReader reader(String text, int limit) {
    return new BatchReader(new StringReader(text), limit);
  }

  private static List<BatchReader.Message> rest(BatchReader batch) throws IOException {
    List<BatchReader.Message> messages = new ArrayList<>();
    for (BatchReader.Message m = batch.next(); m != null; m = batch.next()) {
      messages.add(m);
    }
    return messages;
  }

  @Test
  void readsTheHeadersThenEachMessageAndSkipsTheTrailers() throws IOException {
    BatchReader batch = reader(String.join("\r", FHS, BHS, message("M1"), message("M2"), message("M3"), "BTS|3", "FTS|1") + "\r", 1_000_000);

    BatchReader.Header header = batch.header();
    assertThat(header).isEqualTo(new BatchReader.Header(FHS, BHS, true));
    assertThat(rest(batch)).containsExactly(new BatchReader.Message(message("M1").split("\r")[0], message("M1")),
        new BatchReader.Message(message("M2").split("\r")[0], message("M2")),
        new BatchReader.Message(message("M3").split("\r")[0], message("M3")));
    assertThat(batch.next()).isNull();
    assertThat(batch.skipped()).isZero();
  }

  @Test
  void aBatchOfMessagesAloneHasNoHeaders() throws IOException {
    BatchReader batch = reader(message("M1") + "\r" + message("M2"), 1_000_000);

    assertThat(batch.header()).isEqualTo(new BatchReader.Header(null, null, true));
    assertThat(rest(batch)).extracting(BatchReader.Message::text).containsExactly(message("M1"), message("M2"));
  }

  @Test
  void segmentsMayEndWithLineFeedsOrCrLfAndMessagesAreJoinedWithCarriageReturns() throws IOException {
    for (String terminator : new String[] {"\n", "\r\n"}) {
      String file = String.join(terminator, FHS, BHS, message("M1").replace("\r", terminator), "",
          message("M2").replace("\r", terminator), "BTS|2", "FTS|1") + terminator;
      BatchReader batch = reader(file, 1_000_000);

      assertThat(batch.header()).isEqualTo(new BatchReader.Header(FHS, BHS, true));
      assertThat(rest(batch)).extracting(BatchReader.Message::text).as(terminator.length() + " character terminator")
          .containsExactly(message("M1"), message("M2"));
    }
  }

  @Test
  void aMessageOverTheLimitKeepsOnlyItsHeaderAndTheBatchGoesOn() throws IOException {
    String large = message("BIG") + "\rNTE|1||" + "é".repeat(100); // 100 characters, 200 bytes
    int limit = message("M1").length() + 150;
    BatchReader batch = reader(String.join("\r", BHS, message("M1"), large, message("M3"), "BTS|3"), limit);
    batch.header();

    List<BatchReader.Message> messages = rest(batch);
    assertThat(messages).extracting(BatchReader.Message::tooLarge).containsExactly(false, true, false);
    assertThat(messages.get(1).header()).isEqualTo(message("BIG").split("\r")[0]);
    assertThat(messages.get(2).text()).isEqualTo(message("M3"));
  }

  @Test
  void aMessageThatFillsTheLimitExactlyIsKeptAndSoIsTheNext() throws IOException {
    BatchReader batch = reader(message("M1") + "\r" + message("M2"), message("M1").length());
    batch.header();

    assertThat(rest(batch)).extracting(BatchReader.Message::text).containsExactly(message("M1"), message("M2"));
  }

  @Test
  void whatComesBeforeTheFirstMessageOtherThanHeadersIsSkippedAndCounted() throws IOException {
    BatchReader batch = reader("\uFEFFHello\rthis is not HL7\r" + BHS + "\r" + message("M1") + "\rBTS|1\rtrailing words\r", 1_000_000);

    assertThat(batch.header()).isEqualTo(new BatchReader.Header(null, BHS, true));
    assertThat(rest(batch)).extracting(BatchReader.Message::text).containsExactly(message("M1"));
    assertThat(batch.skipped()).isEqualTo(3);
  }

  @Test
  void aFileWithoutMshHasNoMessages() throws IOException {
    assertThat(reader("", 1_000_000).header().hasMessages()).isFalse();
    assertThat(reader("\r\n\r\n", 1_000_000).header().hasMessages()).isFalse();
    assertThat(reader(FHS + "\r" + BHS + "\rBTS|0\rFTS|1", 1_000_000).header().hasMessages()).isFalse();
  }
}
