package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public messages from IIS, NIST, AIRA and CDC test material that the validator was not written against
 * ({@code src/test/resources/hl7/fidelity}, each with its source, commit and stated outcome in SOURCES.md): the
 * acknowledgement code and every ERR location the source states must match. Where a source contradicts the IG, the
 * IG wins and the row says why.
 */
class FidelityMessagesTest {

  record Stated(String file, String expected, List<String> locations, String statement) {
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
      list.add(new Stated(c[0].trim(), c[1].trim(), c[2].isBlank() ? List.of()
          : Arrays.stream(c[2].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), c.length > 3 ? c[3] : ""));
    }
    assertThat(list).as("at least 40 sourced messages").hasSizeGreaterThanOrEqualTo(40);
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
