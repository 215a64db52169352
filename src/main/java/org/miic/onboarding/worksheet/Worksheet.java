package org.miic.onboarding.worksheet;

import java.time.Instant;
import java.util.List;
import org.miic.onboarding.worksheet.WorksheetOptions.MessageFormat;
import org.miic.onboarding.worksheet.WorksheetOptions.OrganizationType;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.miic.onboarding.worksheet.WorksheetOptions.SubmissionMode;
import org.miic.onboarding.worksheet.WorksheetOptions.Transport;

/** One stored version of a Data Exchange Worksheet. */
public record Worksheet(
    Long id,
    long requestId,
    int version,
    Instant submittedAt,
    String organizationName,
    OrganizationType organizationType,
    RequestType requestType,
    String mnvfcPin,
    int immunizationsPerYear,
    String ehrVendor,
    String ehrProduct,
    String ehrVersion,
    MessageFormat messageFormat,
    String messageFormatOther,
    Transport transport,
    String transportOther,
    SubmissionMode submissionMode,
    boolean receivesAcks,
    boolean sendsQueries,
    Person primary,
    Person technical,
    Person representative,
    List<SubmittingFor> submittingFor,
    String supplementalMaterials,
    String notes) {

  public record Person(String name, String email, String phone) {}

  public record SubmittingFor(String name, String facilityId) {}

  public boolean mnvfcEnrolled() {
    return mnvfcPin != null && !mnvfcPin.isBlank();
  }

  public boolean hasSupplementalMaterials() {
    return supplementalMaterials != null && !supplementalMaterials.isBlank();
  }

  static Worksheet of(long requestId, int version, Instant submittedAt, WorksheetForm f) {
    return new Worksheet(
        null,
        requestId,
        version,
        submittedAt,
        f.getOrganizationName().trim(),
        f.getOrganizationType(),
        f.getRequestType(),
        blankToNull(f.getMnvfcPin()),
        f.getImmunizationsPerYear(),
        f.getSourceSystem().getVendor().trim(),
        f.getSourceSystem().getProduct().trim(),
        blankToNull(f.getSourceSystem().getVersion()),
        f.getMessageFormat(),
        blankToNull(f.getMessageFormatOther()),
        f.getTransport(),
        blankToNull(f.getTransportOther()),
        f.getCapabilities().getSubmissionMode(),
        f.getCapabilities().getReceivesAcks(),
        f.getCapabilities().getSendsQueries(),
        person(f.getPrimaryContact()),
        person(f.getTechnicalContact()),
        person(f.getAuthorizedRepresentative()),
        f.filledFacilities().stream()
            .map(s -> new SubmittingFor(trimToEmpty(s.getName()), trimToEmpty(s.getFacilityId())))
            .toList(),
        blankToNull(f.getSupplementalMaterials()),
        blankToNull(f.getNotes()));
  }

  private static Person person(WorksheetForm.Contact c) {
    return new Person(c.getName().trim(), c.getEmail().trim(), c.getPhone().trim());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String trimToEmpty(String s) {
    return s == null ? "" : s.trim();
  }
}
