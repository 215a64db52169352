package org.miic.onboarding.worksheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.Worksheets;

class WorksheetFieldsTest {

  @Test
  void changesBetweenVersionsNameEachFieldWithItsBeforeAndAfter() {
    WorksheetForm first = Worksheets.incomplete("Alder Clinic");
    WorksheetForm second = Worksheets.complete("Alder Clinic");
    second.setImmunizationsPerYear(15000);
    Worksheet v1 = Worksheet.of(1, 1, Instant.now(), first);
    Worksheet v2 = Worksheet.of(1, 2, Instant.now(), second);
    assertThat(WorksheetFields.changes(v1, v1)).isEmpty();
    assertThat(WorksheetFields.changes(v1, v2)).extracting(WorksheetFields.Change::field)
        .containsExactly("Immunizations per year", "Source system (EHR)", "Submits for #1", "Submits for #2", "Submits for");
    assertThat(WorksheetFields.changes(v1, v2).get(0)).isEqualTo(new WorksheetFields.Change("Immunizations per year", "12000", "15000"));
    assertThat(WorksheetFields.changes(v1, v2).get(4)).isEqualTo(new WorksheetFields.Change("Submits for", "no facility listed", ""));
  }
}
