package org.miic.onboarding.worksheet;

/** The choices a Data Exchange Worksheet offers, each with the label organizations and staff read. */
public final class WorksheetOptions {

  private WorksheetOptions() {}

  /** An option with a human label; the enum name is what the API and the database carry. */
  public interface Labelled {
    String label();

    String name();
  }

  public enum OrganizationType implements Labelled {
    PRIMARY_CARE("Primary care"),
    PEDIATRICS("Pediatrics"),
    FAMILY_MEDICINE("Family medicine"),
    INTERNAL_MEDICINE("Internal medicine"),
    SPECIALTY_CLINIC("Specialty clinic"),
    PHARMACY("Pharmacy"),
    HOSPITAL("Hospital"),
    PUBLIC_HEALTH("Public health"),
    SCHOOL("School"),
    OTHER("Other");

    private final String label;

    OrganizationType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum RequestType implements Labelled {
    NEW_SUBMISSION("New data submission"),
    CHANGE_ENHANCEMENT("Change or enhancement to a current submission"),
    QUERY_BIDIRECTIONAL("Query and response / bi-directional exchange");

    private final String label;

    RequestType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum MessageFormat implements Labelled {
    HL7_2_5_1("HL7 2.5.1"),
    HL7_2_3_1("HL7 2.3.1"),
    FLAT_FILE("Flat file"),
    OTHER("Other");

    private final String label;

    MessageFormat(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum Transport implements Labelled {
    SOAP_WEB_SERVICE("SOAP web service (CDC WSDL)"),
    HTTPS_POST("HTTPS POST"),
    SFTP_BATCH("SFTP batch"),
    OTHER("Other");

    private final String label;

    Transport(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum SubmissionMode implements Labelled {
    REAL_TIME("Real time"),
    BATCH("Batch");

    private final String label;

    SubmissionMode(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
