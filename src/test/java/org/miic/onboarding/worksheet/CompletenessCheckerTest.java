package org.miic.onboarding.worksheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.Worksheets;

/** The automatic completeness check, without the engine. */
class CompletenessCheckerTest {

  private final CompletenessChecker checker = new CompletenessChecker();

  private List<String> fields(WorksheetForm form) {
    return checker.check(Worksheet.of(1, 1, Instant.now(), form)).stream().map(CompletenessFinding::field).toList();
  }

  @Test
  void aCompleteWorksheetHasNoFinding() {
    assertThat(fields(Worksheets.complete("Oak Clinic"))).isEmpty();
  }

  @Test
  void missingVersionFacilitiesAndMaterialsAreListed() {
    WorksheetForm f = Worksheets.incomplete("Oak Clinic");
    f.setSupplementalMaterials(" ");
    assertThat(fields(f)).containsExactly("sourceSystem.version", "submittingFor", "supplementalMaterials");
  }

  @Test
  void queryRequestsNeedQueriesRealTimeAndHl7251() {
    WorksheetForm f = Worksheets.complete("Oak Clinic");
    f.setRequestType(WorksheetOptions.RequestType.QUERY_BIDIRECTIONAL);
    f.getCapabilities().setSendsQueries(false);
    f.setMessageFormat(WorksheetOptions.MessageFormat.HL7_2_3_1);
    f.getCapabilities().setSubmissionMode(WorksheetOptions.SubmissionMode.BATCH);
    assertThat(fields(f)).containsExactly("capabilities.sendsQueries", "messageFormat", "capabilities.submissionMode");
  }

  @Test
  void contradictionsAndOthersWithoutDescriptionAreListed() {
    WorksheetForm f = Worksheets.complete("Oak Clinic");
    f.setMessageFormat(WorksheetOptions.MessageFormat.OTHER);
    f.setTransport(WorksheetOptions.Transport.SFTP_BATCH);
    f.getCapabilities().setReceivesAcks(false);
    f.setImmunizationsPerYear(0);
    assertThat(fields(f)).containsExactly("messageFormatOther", "immunizationsPerYear", "transport");
    f.setTransport(WorksheetOptions.Transport.SOAP_WEB_SERVICE);
    assertThat(fields(f)).contains("capabilities.receivesAcks");
  }

  @Test
  void facilitiesNeedNamesAndDistinctIds() {
    WorksheetForm f = Worksheets.complete("Oak Clinic");
    f.setSubmittingFor(new ArrayList<>(List.of(new WorksheetForm.Facility("North", "F1"), new WorksheetForm.Facility("", "F2"),
        new WorksheetForm.Facility("South", "f1"), new WorksheetForm.Facility("East", ""))));
    assertThat(fields(f)).containsExactly("submittingFor[1].name", "submittingFor[2].facilityId", "submittingFor[3].facilityId");
  }

  @Test
  void blankFacilityRowsOfTheWebFormAreIgnored() {
    WorksheetForm f = Worksheets.complete("Oak Clinic");
    f.getSubmittingFor().add(new WorksheetForm.Facility("", " "));
    f.getSubmittingFor().add(new WorksheetForm.Facility());
    assertThat(Worksheet.of(1, 1, Instant.now(), f).submittingFor()).hasSize(2);
  }
}
