package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/validation-rules.md} is generated from the {@link Rule} catalog, so it cannot go stale: when it differs
 * from the catalog this test rewrites it and fails, and the regenerated file is committed with the change.
 */
class RuleMapTest {

  static final Path MAP = Path.of("docs/validation-rules.md");

  static String generate() {
    StringBuilder md = new StringBuilder();
    md.append("# Validation rules\n\n")
        .append("Generated from `Rule.java` by `RuleMapTest` (`./mvnw verify` rewrites it when the catalog changes). Every finding in an ")
        .append("acknowledgement names its rule in ERR-8; ERR-3 carries the HL7 table 0357 code, ERR-4 the severity, ERR-5 the table 0533 code.\n\n")
        .append("- **FMT** rules check conformance to HL7 2.5.1 and the CDC IG R1.5 message profiles. Most are found by the profile checker from ")
        .append("`src/main/resources/profiles` (see its README): the severity shown is for a required element; the same defect in an optional ")
        .append("(RE, O) element is reported as a warning, because the element is ignored and nothing else is lost. An absent RE element is ")
        .append("never an error.\n")
        .append("- **CNT** rules check content the way IIS and AIRA's MQE validator do; the MQE column names the MQE detection each ")
        .append("corresponds to (MQE's ERROR means an IIS would reject).\n")
        .append("- Rules marked *rejects* make the message unprocessable (MSA-1 AR). Any other rule's severity can be changed with ")
        .append("`miic.messaging.severity.<code>=ERROR|WARNING|INFORMATION`.\n\n");
    long fmt = Arrays.stream(Rule.values()).filter(r -> !r.content()).count();
    long cnt = Arrays.stream(Rule.values()).filter(Rule::content).count();
    md.append(fmt).append(" conformance rules, ").append(cnt).append(" content rules.\n\n");
    md.append("| Rule | Severity | 0357 | 0533 | What it finds | IG section or profile element | MQE detection |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Rule r : Rule.values()) {
      md.append("| ").append(r.code()).append(" | ").append(r.defaultSeverity().name().toLowerCase()).append(r.rejectsMessage() ? ", rejects" : "")
          .append(" | ").append(nz(r.hl7ErrorCode())).append(" | ").append(nz(r.applicationErrorCode())).append(" | ").append(cell(r.title()))
          .append(" | ").append(cell(r.reference())).append(" | ").append(cell(r.mqeDetection())).append(" |\n");
    }
    md.append("\n## Where MIIC's default severity differs from MQE's\n\n");
    md.append("MQE's ACCEPT (logged, not told) is reported here as information, so the sender sees it. Otherwise MQE's default holds, ")
        .append("except:\n\n| Rule | MIIC | MQE detection | Why |\n|---|---|---|---|\n");
    for (Rule r : Rule.values()) {
      if (!r.severityNote().isEmpty()) {
        md.append("| ").append(r.code()).append(" | ").append(r.defaultSeverity().name().toLowerCase()).append(" | ").append(cell(r.mqeDetection()))
            .append(" | ").append(cell(r.severityNote())).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cell(String s) {
    return nz(s).replace("|", "\\|");
  }

  @Test
  void theRuleMapIsGeneratedFromTheCatalog() throws IOException {
    String generated = generate();
    String committed = Files.exists(MAP) ? Files.readString(MAP, StandardCharsets.UTF_8) : "";
    if (!generated.equals(committed)) {
      Files.createDirectories(MAP.getParent());
      Files.writeString(MAP, generated, StandardCharsets.UTF_8);
    }
    assertThat(committed).as("docs/validation-rules.md was stale and has been regenerated; commit it").isEqualTo(generated);
  }

  @Test
  void everyRuleIsMapped() {
    for (Rule r : Rule.values()) {
      assertThat(r.reference()).as(r.code()).isNotBlank();
      if (r.content()) {
        assertThat(r.mqeDetection()).as(r.code() + " names its MQE detection").isNotBlank();
      }
    }
    assertThat(Arrays.stream(Rule.values()).filter(Rule::content)).hasSizeGreaterThanOrEqualTo(100);
    assertThat(Arrays.stream(Rule.values()).map(Rule::code).distinct()).hasSize(Rule.values().length);
  }
}
