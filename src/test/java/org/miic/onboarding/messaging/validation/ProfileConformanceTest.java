package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.miic.onboarding.messaging.validation.profile.MessageProfile;
import org.miic.onboarding.messaging.validation.profile.MessageProfile.FieldDef;

/**
 * The profile checker against the real Z22 profile: whatever RE (required, may be empty) element the clean VXU
 * leaves out, no error follows (the IG allows it), and the segments the profile marks RE may be absent too.
 */
class ProfileConformanceTest {

  private final MessageValidator validator = Hl7Fixtures.validator();

  /** Every RE field of a segment the clean VXU has, and every RE segment. */
  static Stream<Arguments> optionalElements() {
    MessageProfile z22 = MessageProfile.load("z22-vxu.tsv");
    Hl7Text clean = Hl7Text.of(Hl7Fixtures.cleanVxu().text());
    List<Arguments> out = new ArrayList<>();
    for (MessageProfile.SegmentDef seg : z22.segments()) {
      if (clean.first(seg.name()) == null) {
        continue;
      }
      if ("RE".equals(seg.usage().code()) || "O".equals(seg.usage().code())) {
        out.add(Arguments.of(seg.name(), 0));
      }
      for (FieldDef f : z22.fields(seg.name())) {
        if (("RE".equals(f.usage().code()) || "O".equals(f.usage().code())) && !"MSH".equals(seg.name())) {
          out.add(Arguments.of(seg.name(), f.position()));
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(20);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}-{1} absent")
  @MethodSource("optionalElements")
  void anAbsentOptionalElementIsNeverAnError(String segment, int field) {
    Hl7Fixtures.Editor message = Hl7Fixtures.cleanVxu();
    int occurrences = Hl7Text.of(message.text()).segments(segment).size();
    for (int i = occurrences; i >= 1; i--) {
      message = field == 0 ? message.remove(segment, i) : message.set(segment, i, field, "");
    }
    ValidationResult result = validator.validate(message.text());
    assertThat(result.findings()).as(result.findings().toString()).noneMatch(Finding::isError);
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }
}
