package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public messages from IIS, NIST, AIRA and CDC test material that the validator was not written against
 * ({@code src/test/resources/hl7/fidelity}, each with its source, commit and stated outcome in SOURCES.md): the
 * acknowledgement code and every ERR location the source states must match. Where a source contradicts the IG, the
 * IG wins and the row says why.
 *
 * <p>The {@code basis} column says where the expected outcome comes from: {@code STATED} (the source states it: test
 * data published as valid, a validator's report, an asserted error or acknowledgement, and MIIC expects the same),
 * {@code STATED-IG-WINS} (the source states an outcome, the IG contradicts it, the row expects what the IG says and
 * explains why) or {@code DERIVED} (the source states no outcome; the expectation is read from the IG). Derived rows
 * are checked like the others, but only the first two kinds count towards the 40 sourced messages.
 */
class FidelityMessagesTest {

  /** Where the expected outcome comes from (the {@code basis} column). */
  enum Basis {
    STATED, STATED_IG_WINS, DERIVED;

    static Basis of(String column) {
      return valueOf(column.trim().replace('-', '_'));
    }

    boolean statedBySource() {
      return this != DERIVED;
    }
  }

  record Stated(String file, String expected, Basis basis, List<String> locations, String statement) {
    @Override
    public String toString() {
      return file + " -> " + expected + (locations.isEmpty() ? "" : " at " + locations);
    }
  }

  static Stream<Stated> messages() {
    List<Stated> list = new ArrayList<>();
    for (String line : read("expected-outcomes.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      assertThat(c).as("file, expected, basis, err_locations, statement: " + line).hasSize(5);
      assertThat(c[4]).as("the statement of " + c[0]).isNotBlank();
      list.add(new Stated(c[0].trim(), c[1].trim(), Basis.of(c[2]), c[3].isBlank() ? List.of()
          : Arrays.stream(c[3].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), c[4]));
    }
    assertThat(list.stream().map(Stated::file)).as("one row per file").doesNotHaveDuplicates();
    assertThat(list).as("at least 40 messages whose source states the outcome (basis STATED or STATED-IG-WINS)")
        .filteredOn(s -> s.basis().statedBySource()).hasSizeGreaterThanOrEqualTo(40);
    return list.stream();
  }

  private final MessageValidator validator = Hl7Fixtures.validator();

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void theAcknowledgementIsWhatTheSourceStates(Stated s) {
    ValidationResult result = validator.validate(read(s.file()));
    assertThat(result.ackCode().name()).as(s.statement() + "; findings " + result.findings()).isEqualTo(s.expected());
    for (String location : s.locations()) {
      assertThat(result.findings()).as(location + " (" + s.statement() + "); findings " + result.findings())
          .anyMatch(f -> f.location().erl().equals(location) || f.location().erl().startsWith(location + "^")
              || (location.indexOf('^') < 0 && f.location().segment().equals(location)));
    }
  }

  /** Every message file has its row, and SOURCES.md an entry for it; no row names a missing file. */
  @Test
  void everyMessageHasItsRowAndItsSource() throws IOException, URISyntaxException {
    Path dir = Path.of(FidelityMessagesTest.class.getResource("/hl7/fidelity/expected-outcomes.tsv").toURI()).getParent();
    List<String> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hl7")).sorted().toList();
    }
    assertThat(messages().map(Stated::file).sorted().toList()).isEqualTo(files);
    String sources = read("SOURCES.md");
    assertThat(files).allMatch(f -> sources.contains("### `" + f + "`"), "has a SOURCES.md entry");
  }

  private static String read(String file) {
    try (InputStream in = FidelityMessagesTest.class.getResourceAsStream("/hl7/fidelity/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No file hl7/fidelity/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
