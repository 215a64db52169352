package org.miic.onboarding.worksheet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** What staff and organizations read (issue 7, item 6): field names as words, one message per mistake. */
class WordingTest {

  @Test
  void completenessFindingsNameTheFieldInWords() {
    assertThat(WorksheetSummary.fieldLabel("supplementalMaterials")).isEqualTo("Supplemental materials");
    assertThat(WorksheetSummary.fieldLabel("technicalContact.phone")).isEqualTo("Technical contact, phone");
    assertThat(WorksheetSummary.fieldLabel("submittingFor[2].facilityId")).isEqualTo("Submitting for #3, facility ID");
    assertThat(WorksheetSummary.fieldLabel("mnvfcPin")).isEqualTo("MnVFC pin");
    assertThat(WorksheetSummary.findings(java.util.List.of(new CompletenessFinding("supplementalMaterials", "Attach the facility list."))))
        .contains("_(Supplemental materials)_").doesNotContain("(supplementalMaterials)");
  }

  @Test
  void anEmptyPhoneGetsOneMessage() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    assertThat(validator.validate(new WorksheetForm.Contact("Ann Lee", "ann@clinic.example", ""))).extracting(v -> v.getMessage())
        .containsExactly("Enter a phone number.");
    assertThat(validator.validate(new WorksheetForm.Contact("Ann Lee", "ann@clinic.example", "call me"))).extracting(v -> v.getMessage())
        .containsExactly("Enter a phone number of digits, spaces and + ( ) - . x only.");
  }
}
