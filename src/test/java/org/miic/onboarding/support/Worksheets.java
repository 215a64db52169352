package org.miic.onboarding.support;

import java.util.ArrayList;
import java.util.List;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.miic.onboarding.worksheet.WorksheetOptions;

/** Worksheets for tests: a complete one, and variations of it. */
public final class Worksheets {

  private Worksheets() {}

  /** A complete worksheet: no completeness finding. */
  public static WorksheetForm complete(String organizationName) {
    WorksheetForm f = new WorksheetForm();
    f.setOrganizationName(organizationName);
    f.setOrganizationType(WorksheetOptions.OrganizationType.PEDIATRICS);
    f.setRequestType(WorksheetOptions.RequestType.NEW_SUBMISSION);
    f.setMnvfcPin("12345");
    f.setImmunizationsPerYear(12000);
    f.getSourceSystem().setVendor("Epic");
    f.getSourceSystem().setProduct("EpicCare Ambulatory");
    f.getSourceSystem().setVersion("2024");
    f.setMessageFormat(WorksheetOptions.MessageFormat.HL7_2_5_1);
    f.setTransport(WorksheetOptions.Transport.SOAP_WEB_SERVICE);
    f.getCapabilities().setSubmissionMode(WorksheetOptions.SubmissionMode.REAL_TIME);
    f.getCapabilities().setReceivesAcks(true);
    f.getCapabilities().setSendsQueries(false);
    f.setPrimaryContact(new WorksheetForm.Contact("Ann Lee", "primary@" + domain(organizationName), "612-555-0100"));
    f.setTechnicalContact(new WorksheetForm.Contact("Raj Patel", "tech@" + domain(organizationName), "612-555-0101"));
    f.setAuthorizedRepresentative(new WorksheetForm.Contact("Dr. Kim", "rep@" + domain(organizationName), "612-555-0102"));
    List<WorksheetForm.Facility> facilities = new ArrayList<>();
    facilities.add(new WorksheetForm.Facility(organizationName + " North", "FAC-N"));
    facilities.add(new WorksheetForm.Facility(organizationName + " South", "FAC-S"));
    f.setSubmittingFor(facilities);
    f.setSupplementalMaterials("Sample VXU messages; vendor HL7 specification");
    return f;
  }

  /** The same organization with a low priority: specialty clinic, small, flat file over SFTP. */
  public static WorksheetForm lowPriority(String organizationName) {
    WorksheetForm f = complete(organizationName);
    f.setOrganizationType(WorksheetOptions.OrganizationType.SPECIALTY_CLINIC);
    f.setMnvfcPin(null);
    f.setImmunizationsPerYear(300);
    f.setSubmittingFor(new ArrayList<>(List.of(new WorksheetForm.Facility(organizationName, "FAC-1"))));
    f.setMessageFormat(WorksheetOptions.MessageFormat.HL7_2_3_1);
    f.setTransport(WorksheetOptions.Transport.SFTP_BATCH);
    f.getCapabilities().setSubmissionMode(WorksheetOptions.SubmissionMode.BATCH);
    f.setSupplementalMaterials(null);
    return f;
  }

  /** A storable worksheet with completeness findings: no EHR version, no facility. */
  public static WorksheetForm incomplete(String organizationName) {
    WorksheetForm f = complete(organizationName);
    f.getSourceSystem().setVersion(null);
    f.setSubmittingFor(new ArrayList<>());
    return f;
  }

  public static String domain(String organizationName) {
    return organizationName.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example";
  }
}
