package org.miic.onboarding.messaging.validation;

/**
 * Every check the validator makes, with its default severity, its HL7 table 0357 code (ERR-3) and table 0533 code
 * (ERR-5). FMT rules check conformance to HL7 2.5.1 and the CDC IG R1.5 profiles; CNT rules check content quality the
 * way IIS and AIRA's MQE do. Rules marked {@code rejects} make the whole message unprocessable (MSA-1 AR); the severity
 * of every other rule can be changed with {@code miic.messaging.severity.<RULE>=ERROR|WARNING|INFORMATION}.
 */
public enum Rule {
  // Message-level (AR)
  FMT_NOT_HL7("FMT-001", Severity.ERROR, "100", null, true, "The text is not an HL7 v2 message"),
  FMT_DELIMITERS("FMT-002", Severity.ERROR, "102", "4", true, "Non-standard delimiters"),
  FMT_MESSAGE_TYPE("FMT-003", Severity.ERROR, "200", "4", true, "Unsupported message type"),
  FMT_EVENT("FMT-004", Severity.ERROR, "201", "4", true, "Unsupported trigger event"),
  FMT_PROCESSING_ID("FMT-005", Severity.ERROR, "202", "4", true, "Unsupported processing id"),
  FMT_VERSION("FMT-006", Severity.ERROR, "203", "4", true, "Unsupported version id"),
  FMT_STRUCTURE("FMT-007", Severity.ERROR, "100", null, true, "Message cannot be parsed as its HL7 2.5.1 structure"),
  // Header
  FMT_SEGMENT_TERMINATOR("FMT-010", Severity.WARNING, "102", null, false, "Segments end with line feeds"),
  FMT_MSH_REQUIRED("FMT-011", Severity.ERROR, "101", "7", false, "Required MSH field missing"),
  FMT_MSH_DATETIME("FMT-012", Severity.ERROR, "102", "2", false, "Message date/time invalid"),
  FMT_TIME_ZONE("FMT-013", Severity.WARNING, "102", "4", false, "Time-zone offset malformed"),
  FMT_MESSAGE_STRUCTURE_ID("FMT-014", Severity.WARNING, "101", "7", false, "MSH-9.3 message structure missing or wrong"),
  FMT_PROFILE_MISSING("FMT-015", Severity.WARNING, "101", "7", false, "MSH-21 profile missing"),
  FMT_PROFILE_WRONG("FMT-016", Severity.ERROR, "103", "5", false, "MSH-21 profile does not fit the message"),
  FMT_ACK_TYPES("FMT-017", Severity.WARNING, "103", "4", false, "MSH-15/16 differ from the profile"),
  FMT_SENDING_FACILITY("FMT-018", Severity.WARNING, "101", "7", false, "MSH-4 sending facility missing"),
  FMT_SECURITY_IGNORED("FMT-019", Severity.WARNING, "102", "8", false, "MSH-8 security not used"),
  // Patient
  FMT_SEGMENT_MISSING("FMT-020", Severity.ERROR, "100", null, false, "Required segment missing"),
  FMT_FIELD_MISSING("FMT-021", Severity.ERROR, "101", "7", false, "Required field missing"),
  FMT_DATE_INVALID("FMT-022", Severity.ERROR, "102", "2", false, "Date invalid"),
  FMT_PID2_IGNORED("FMT-023", Severity.WARNING, "102", null, false, "PID-2 not supported"),
  FMT_NK1_RELATIONSHIP("FMT-024", Severity.ERROR, "101", "7", false, "NK1-3 relationship missing"),
  // Order groups
  FMT_RXA_WITHOUT_ORC("FMT-030", Severity.ERROR, "100", null, false, "RXA without ORC"),
  FMT_ORC_WITHOUT_RXA("FMT-031", Severity.ERROR, "100", null, false, "ORC without RXA"),
  FMT_RXR_MISSING("FMT-032", Severity.ERROR, "100", "6", false, "RXR missing for an administered dose"),
  FMT_SEGMENT_REJECTED("FMT-033", Severity.ERROR, "100", null, false, "Required segment rejected"),
  FMT_FIELD_REJECTED("FMT-034", Severity.ERROR, "101", "7", false, "Required field rejected"),
  // Queries
  FMT_QUERY_NAME("FMT-040", Severity.ERROR, "103", "5", false, "QPD-1 query name not Z34 or Z44"),
  // Content (quality)
  CNT_BIRTH_FUTURE("CNT-001", Severity.ERROR, "101", "1", false, "Birth date in the future"),
  CNT_VACCINATION_BEFORE_BIRTH("CNT-002", Severity.ERROR, "102", "1", false, "Vaccination before birth"),
  CNT_VACCINATION_FUTURE("CNT-003", Severity.ERROR, "102", "1", false, "Vaccination date in the future"),
  CNT_MESSAGE_FUTURE("CNT-004", Severity.WARNING, "102", "1", false, "Message date in the future"),
  CNT_BIRTH_IMPLAUSIBLE("CNT-005", Severity.WARNING, "102", "3", false, "Birth date more than 120 years ago"),
  CNT_CVX_UNKNOWN("CNT-006", Severity.ERROR, "103", "5", false, "Vaccine code not recognized"),
  CNT_CVX_INACTIVE("CNT-007", Severity.WARNING, "103", "4", false, "Inactive or non-US vaccine for a new administration"),
  CNT_CVX_NO_VACCINE("CNT-008", Severity.ERROR, "103", "4", false, "CVX 998/999 on an administered dose"),
  CNT_MVX_UNKNOWN("CNT-009", Severity.WARNING, "103", "5", false, "Manufacturer code not recognized"),
  CNT_LOT_MISSING("CNT-010", Severity.WARNING, "101", "7", false, "Lot number missing on an administered dose"),
  CNT_MANUFACTURER_MISSING("CNT-011", Severity.WARNING, "101", "7", false, "Manufacturer missing on an administered dose"),
  CNT_EXPIRY_MISSING("CNT-012", Severity.WARNING, "101", "7", false, "Lot expiration date missing on an administered dose"),
  CNT_EXPIRED_LOT("CNT-013", Severity.WARNING, "102", "1", false, "Administered after the lot expired"),
  CNT_VFC_MISSING("CNT-014", Severity.WARNING, "101", "6", false, "VFC eligibility missing for a patient 18 or younger"),
  CNT_VFC_INVALID("CNT-015", Severity.WARNING, "103", "5", false, "VFC eligibility code invalid"),
  CNT_VFC_DEPRECATED("CNT-016", Severity.WARNING, "103", "4", false, "VFC eligibility code deprecated"),
  CNT_VIS_MISSING("CNT-017", Severity.WARNING, "101", "6", false, "VIS documentation missing for an administered dose"),
  CNT_HISTORICAL_LOOKS_ADMINISTERED("CNT-018", Severity.WARNING, "102", "3", false, "Historical dose with lot details"),
  CNT_REFUSAL_REASON_MISSING("CNT-019", Severity.WARNING, "101", "7", false, "Refusal without a reason"),
  CNT_REFUSAL_REASON_INVALID("CNT-020", Severity.WARNING, "103", "5", false, "Refusal reason not in NIP002"),
  CNT_ROUTE_INVALID("CNT-021", Severity.WARNING, "103", "5", false, "Route code invalid"),
  CNT_SITE_INVALID("CNT-022", Severity.WARNING, "103", "5", false, "Site code invalid"),
  CNT_PLACEHOLDER_NAME("CNT-023", Severity.WARNING, "102", "3", false, "Placeholder patient name"),
  CNT_DUPLICATE_ORDER_ID("CNT-024", Severity.ERROR, "205", "4", false, "Duplicate ORC-3 in one message"),
  CNT_LATE_REPORTING("CNT-025", Severity.WARNING, "102", "3", false, "Administered dose reported late"),
  CNT_SEX_INVALID("CNT-026", Severity.WARNING, "103", "5", false, "Administrative sex missing or invalid"),
  CNT_RACE_INVALID("CNT-027", Severity.WARNING, "103", "5", false, "Race code invalid"),
  CNT_ETHNICITY_INVALID("CNT-028", Severity.WARNING, "103", "5", false, "Ethnicity code invalid"),
  CNT_COMPLETION_STATUS_INVALID("CNT-029", Severity.WARNING, "103", "5", false, "Completion status invalid"),
  CNT_ACTION_CODE_INVALID("CNT-030", Severity.WARNING, "103", "5", false, "Action code invalid"),
  CNT_INFORMATION_SOURCE_INVALID("CNT-031", Severity.WARNING, "103", "5", false, "Information source not in NIP001"),
  CNT_RELATIONSHIP_INVALID("CNT-032", Severity.WARNING, "103", "5", false, "Next-of-kin relationship not in HL7 0063"),
  CNT_ADDRESS_MISSING("CNT-033", Severity.WARNING, "101", "7", false, "Patient address missing"),
  CNT_DOSE_AMOUNT_INVALID("CNT-034", Severity.WARNING, "102", "4", false, "Dose amount not a positive number"),
  CNT_MOTHER_MAIDEN_MISSING("CNT-035", Severity.INFORMATION, "101", "7", false, "Mother's maiden name missing"),
  CNT_VACCINE_NOT_CVX("CNT-036", Severity.INFORMATION, "103", null, false, "Vaccine coded without CVX"),
  CNT_REFUSAL_TEXT_MISMATCH("CNT-037", Severity.WARNING, "103", "3", false, "Refusal reason text contradicts its code");

  private final String code;
  private final Severity severity;
  private final String hl7ErrorCode;
  private final String applicationErrorCode;
  private final boolean rejectsMessage;
  private final String title;

  Rule(String code, Severity severity, String hl7ErrorCode, String applicationErrorCode, boolean rejectsMessage, String title) {
    this.code = code;
    this.severity = severity;
    this.hl7ErrorCode = hl7ErrorCode;
    this.applicationErrorCode = applicationErrorCode;
    this.rejectsMessage = rejectsMessage;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public Severity defaultSeverity() {
    return severity;
  }

  public String hl7ErrorCode() {
    return hl7ErrorCode;
  }

  public String applicationErrorCode() {
    return applicationErrorCode;
  }

  public boolean rejectsMessage() {
    return rejectsMessage;
  }

  public String title() {
    return title;
  }
}
