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

  /**
   * Issue 7, item 6: neither "organizations name" (for "organization's name") nor "(qa)" (for "(QA)") is left in
   * what people read: the page and email templates, the task forms and process models, and the Java code's strings
   * (not its comments).
   */
  @Test
  void noOrganizationsNameAndNoLowerCaseQaAnywhereReadable() throws Exception {
    java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    java.util.List<String> found = new java.util.ArrayList<>();
    for (String root : new String[] {"src/main/resources/templates", "bpmn", "src/main/java"}) {
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of(root))) {
        for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
          String text = java.nio.file.Files.readString(file);
          String readable = file.toString().endsWith(".java")
              ? literal.matcher(text.replaceAll("(?s)/\\*.*?\\*/", "")).results().map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.joining("\n"))
              : text;
          if (readable.toLowerCase(java.util.Locale.ROOT).contains("organizations name") || readable.contains("(qa)")) {
            found.add(file.toString());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * Issue 7, item 6: the corrections hint of each testing task says what the process does. The corrections email leads
   * straight back to the same task (no wait for a test in between), so the hint says it comes back right away.
   */
  @Test
  void theCorrectionsHintSaysTheTaskComesBackRightAwayAsTheProcessDoes() throws Exception {
    String model = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/data-exchange-onboarding.bpmn"));
    java.util.Map<String, String> formOfTask = java.util.Map.of("transport-testing.form", "Task_SetUpTransport",
        "format-testing.form", "Task_MessageFormatTesting", "content-validation.form", "Task_MessageContentValidation");
    java.util.Map<String, String> emailOfTask = java.util.Map.of("Task_SetUpTransport", "Task_EmailTransportCorrections",
        "Task_MessageFormatTesting", "Task_EmailFormatCorrections", "Task_MessageContentValidation", "Task_EmailContentCorrections");
    for (var e : formOfTask.entrySet()) {
      String form = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/forms", e.getKey()));
      assertThat(form).as(e.getKey()).contains("this task comes back right away").doesNotContain("after the next test");
      assertThat(model).as("the corrections email of " + e.getValue() + " leads straight back to it")
          .containsPattern("sourceRef=\"" + emailOfTask.get(e.getValue()) + "\" targetRef=\"" + e.getValue() + "\"");
    }
  }
}
