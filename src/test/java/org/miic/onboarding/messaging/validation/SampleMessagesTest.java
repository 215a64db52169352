package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of ../shared/samples/hl7 (copied to src/test/resources/hl7) with the outcome its SOURCES.md states,
 * from expected-outcomes.tsv. Inbound messages (VXU, QBP) get the stated acknowledgement; responses and ACKs, which
 * MIIC never receives, are refused as unsupported, and their own MSA-1 reads as stated.
 */
class SampleMessagesTest {

  record Expectation(String file, String kind, String expected, List<String> rules, String statement) {
    @Override
    public String toString() {
      return file + " -> " + expected + " (" + statement + ")";
    }
  }

  static Stream<Expectation> samples() throws IOException {
    List<Expectation> list = new ArrayList<>();
    try (InputStream in = SampleMessagesTest.class.getResourceAsStream("/hl7/expected-outcomes.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        list.add(new Expectation(c[0], c[1], c[2], c[3].isBlank() ? List.of() : Arrays.asList(c[3].split(",")), c[4]));
      }
    }
    assertThat(list).hasSize(50);
    return list.stream();
  }

  private final MessageValidator validator = Hl7Fixtures.validator();

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eachSampleGetsTheOutcomeItsSourceStates(Expectation e) {
    String text = Hl7Fixtures.sample(e.file());
    ValidationResult result = validator.validate(text);
    if ("inbound".equals(e.kind())) {
      assertThat(result.ackCode().name()).as(e.statement() + "; findings " + result.findings()).isEqualTo(e.expected());
      for (String rule : e.rules()) {
        String[] parts = rule.split("@");
        assertThat(result.findings()).as(rule)
            .anyMatch(f -> f.rule().equals(parts[0]) && (parts.length == 1 || f.location().erl().equals(parts[1])));
      }
    } else {
      assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AR);
      assertThat(result.findings()).extracting(Finding::rule).containsAnyOf("FMT-003", "FMT-001");
      Hl7Text.Segment msa = Hl7Text.of(text).first("MSA");
      assertThat(msa.code(1)).as(e.statement()).isEqualTo(e.expected());
    }
  }
}
