package org.miic.onboarding.worksheet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.miic.onboarding.worksheet.WorksheetOptions.MessageFormat;
import org.miic.onboarding.worksheet.WorksheetOptions.OrganizationType;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.miic.onboarding.worksheet.WorksheetOptions.SubmissionMode;
import org.miic.onboarding.worksheet.WorksheetOptions.Transport;

/**
 * A Data Exchange Worksheet as an organization submits it, through {@code POST /api/worksheets} (JSON) or the web form
 * at {@code /worksheet}. Bean validation rejects what cannot be stored; {@link CompletenessChecker} then lists what a
 * storable worksheet still lacks.
 */
@org.miic.onboarding.common.PlainText
public class WorksheetForm {

  @NotBlank(message = "Enter the organization's name.")
  @Size(max = 200, message = "Use at most 200 characters.")
  private String organizationName;

  @NotNull(message = "Choose the organization type.")
  private OrganizationType organizationType;

  @NotNull(message = "Choose the kind of request.")
  private RequestType requestType;

  @Pattern(regexp = "^$|^[A-Za-z0-9-]{3,20}$", message = "A MnVFC PIN has 3 to 20 letters, digits or dashes; leave it empty if not enrolled.")
  private String mnvfcPin;

  @NotNull(message = "Enter the estimated number of immunizations per year.")
  @PositiveOrZero(message = "The number of immunizations cannot be negative.")
  @Max(value = 100_000_000, message = "That number is larger than any Minnesota organization administers.")
  private Integer immunizationsPerYear;

  @Valid
  @NotNull(message = "Describe the source system (EHR).")
  private SourceSystem sourceSystem = new SourceSystem();

  @NotNull(message = "Choose the message format.")
  private MessageFormat messageFormat;

  @Size(max = 200, message = "Use at most 200 characters.")
  private String messageFormatOther;

  @NotNull(message = "Choose the transport.")
  private Transport transport;

  @Size(max = 200, message = "Use at most 200 characters.")
  private String transportOther;

  @Valid
  @NotNull(message = "Describe the technical capabilities.")
  private Capabilities capabilities = new Capabilities();

  @Valid
  @NotNull(message = "Enter the primary contact.")
  private Contact primaryContact = new Contact();

  @Valid
  @NotNull(message = "Enter the technical contact.")
  private Contact technicalContact = new Contact();

  @Valid
  @NotNull(message = "Enter the authorized representative.")
  private Contact authorizedRepresentative = new Contact();

  @Valid
  @Size(max = 500, message = "List at most 500 facilities here; send a longer list as a supplemental material.")
  private List<Facility> submittingFor = new ArrayList<>();

  @Size(max = 2000, message = "Use at most 2000 characters.")
  private String supplementalMaterials;

  @Size(max = 4000, message = "Use at most 4000 characters.")
  private String notes;

  public static class SourceSystem {
    @NotBlank(message = "Enter the EHR vendor.")
    @Size(max = 200, message = "Use at most 200 characters.")
    private String vendor;

    @NotBlank(message = "Enter the EHR product.")
    @Size(max = 200, message = "Use at most 200 characters.")
    private String product;

    @Size(max = 100, message = "Use at most 100 characters.")
    private String version;

    public String getVendor() {
      return vendor;
    }

    public void setVendor(String vendor) {
      this.vendor = vendor;
    }

    public String getProduct() {
      return product;
    }

    public void setProduct(String product) {
      this.product = product;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(String version) {
      this.version = version;
    }
  }

  public static class Capabilities {
    @NotNull(message = "Choose real time or batch.")
    private SubmissionMode submissionMode;

    @NotNull(message = "Say whether the system receives acknowledgements (ACKs).")
    private Boolean receivesAcks;

    @NotNull(message = "Say whether the system sends queries.")
    private Boolean sendsQueries;

    public SubmissionMode getSubmissionMode() {
      return submissionMode;
    }

    public void setSubmissionMode(SubmissionMode submissionMode) {
      this.submissionMode = submissionMode;
    }

    public Boolean getReceivesAcks() {
      return receivesAcks;
    }

    public void setReceivesAcks(Boolean receivesAcks) {
      this.receivesAcks = receivesAcks;
    }

    public Boolean getSendsQueries() {
      return sendsQueries;
    }

    public void setSendsQueries(Boolean sendsQueries) {
      this.sendsQueries = sendsQueries;
    }
  }

  public static class Contact {
    @NotBlank(message = "Enter a name.")
    @Size(max = 200, message = "Use at most 200 characters.")
    private String name;

    @NotBlank(message = "Enter an email address.")
    @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "Enter a valid email address.")
    @Size(max = 320, message = "Use at most 320 characters.")
    private String email;

    @NotBlank(message = "Enter a phone number.")
    @Pattern(regexp = "^$|^[0-9+().\\- x]{7,40}$", message = "Enter a phone number of digits, spaces and + ( ) - . x only.")
    private String phone;

    public Contact() {}

    public Contact(String name, String email, String phone) {
      this.name = name;
      this.email = email;
      this.phone = phone;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }
  }

  public static class Facility {
    @Size(max = 200, message = "Use at most 200 characters.")
    private String name;

    @Size(max = 50, message = "Use at most 50 characters.")
    private String facilityId;

    public Facility() {}

    public Facility(String name, String facilityId) {
      this.name = name;
      this.facilityId = facilityId;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getFacilityId() {
      return facilityId;
    }

    public void setFacilityId(String facilityId) {
      this.facilityId = facilityId;
    }

    boolean isBlank() {
      return (name == null || name.isBlank()) && (facilityId == null || facilityId.isBlank());
    }
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public void setOrganizationName(String organizationName) {
    this.organizationName = organizationName;
  }

  public OrganizationType getOrganizationType() {
    return organizationType;
  }

  public void setOrganizationType(OrganizationType organizationType) {
    this.organizationType = organizationType;
  }

  public RequestType getRequestType() {
    return requestType;
  }

  public void setRequestType(RequestType requestType) {
    this.requestType = requestType;
  }

  public String getMnvfcPin() {
    return mnvfcPin;
  }

  public void setMnvfcPin(String mnvfcPin) {
    this.mnvfcPin = mnvfcPin;
  }

  public Integer getImmunizationsPerYear() {
    return immunizationsPerYear;
  }

  public void setImmunizationsPerYear(Integer immunizationsPerYear) {
    this.immunizationsPerYear = immunizationsPerYear;
  }

  public SourceSystem getSourceSystem() {
    return sourceSystem;
  }

  public void setSourceSystem(SourceSystem sourceSystem) {
    this.sourceSystem = sourceSystem;
  }

  public MessageFormat getMessageFormat() {
    return messageFormat;
  }

  public void setMessageFormat(MessageFormat messageFormat) {
    this.messageFormat = messageFormat;
  }

  public String getMessageFormatOther() {
    return messageFormatOther;
  }

  public void setMessageFormatOther(String messageFormatOther) {
    this.messageFormatOther = messageFormatOther;
  }

  public Transport getTransport() {
    return transport;
  }

  public void setTransport(Transport transport) {
    this.transport = transport;
  }

  public String getTransportOther() {
    return transportOther;
  }

  public void setTransportOther(String transportOther) {
    this.transportOther = transportOther;
  }

  public Capabilities getCapabilities() {
    return capabilities;
  }

  public void setCapabilities(Capabilities capabilities) {
    this.capabilities = capabilities;
  }

  public Contact getPrimaryContact() {
    return primaryContact;
  }

  public void setPrimaryContact(Contact primaryContact) {
    this.primaryContact = primaryContact;
  }

  public Contact getTechnicalContact() {
    return technicalContact;
  }

  public void setTechnicalContact(Contact technicalContact) {
    this.technicalContact = technicalContact;
  }

  public Contact getAuthorizedRepresentative() {
    return authorizedRepresentative;
  }

  public void setAuthorizedRepresentative(Contact authorizedRepresentative) {
    this.authorizedRepresentative = authorizedRepresentative;
  }

  public List<Facility> getSubmittingFor() {
    return submittingFor;
  }

  public void setSubmittingFor(List<Facility> submittingFor) {
    this.submittingFor = submittingFor;
  }

  public String getSupplementalMaterials() {
    return supplementalMaterials;
  }

  public void setSupplementalMaterials(String supplementalMaterials) {
    this.supplementalMaterials = supplementalMaterials;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  /** The facilities actually filled in: the web form offers empty rows, which mean nothing. */
  public List<Facility> filledFacilities() {
    return submittingFor == null ? List.of() : submittingFor.stream().filter(f -> f != null && !f.isBlank()).toList();
  }

  /** Builds a form from a stored worksheet, so a correction starts from what was sent. */
  public static WorksheetForm from(Worksheet w) {
    WorksheetForm f = new WorksheetForm();
    f.organizationName = w.organizationName();
    f.organizationType = w.organizationType();
    f.requestType = w.requestType();
    f.mnvfcPin = w.mnvfcPin();
    f.immunizationsPerYear = w.immunizationsPerYear();
    f.sourceSystem.vendor = w.ehrVendor();
    f.sourceSystem.product = w.ehrProduct();
    f.sourceSystem.version = w.ehrVersion();
    f.messageFormat = w.messageFormat();
    f.messageFormatOther = w.messageFormatOther();
    f.transport = w.transport();
    f.transportOther = w.transportOther();
    f.capabilities.submissionMode = w.submissionMode();
    f.capabilities.receivesAcks = w.receivesAcks();
    f.capabilities.sendsQueries = w.sendsQueries();
    f.primaryContact = new Contact(w.primary().name(), w.primary().email(), w.primary().phone());
    f.technicalContact = new Contact(w.technical().name(), w.technical().email(), w.technical().phone());
    f.authorizedRepresentative = new Contact(w.representative().name(), w.representative().email(), w.representative().phone());
    f.submittingFor = new ArrayList<>(w.submittingFor().stream().map(s -> new Facility(s.name(), s.facilityId())).toList());
    f.supplementalMaterials = w.supplementalMaterials();
    f.notes = w.notes();
    return f;
  }
}
