package org.miic.onboarding.messaging.validation;

/**
 * Every check the validator makes, with its default severity, its HL7 table 0357 code (ERR-3), its table 0533 code
 * (ERR-5), where in the CDC IG R1.5 or the message profile it comes from, and the AIRA MQE detection it corresponds
 * to. FMT rules check conformance to HL7 2.5.1 and the IG's profiles (most of them found by the profile checker from
 * {@code src/main/resources/profiles}); CNT rules check content the way IIS and MQE do. Rules marked {@code rejects}
 * make the whole message unprocessable (MSA-1 AR); the severity of every other rule can be changed with
 * {@code miic.messaging.severity.<RULE>=ERROR|WARNING|INFORMATION}. {@code docs/validation-rules.md} is generated
 * from this catalog by {@code RuleMapTest}.
 */
public enum Rule {
  FMT_NOT_HL7("FMT-001", Severity.ERROR, "100", null, true, "The text is not an HL7 v2 message", "IG 2.x message framing; MSH", ""),
  FMT_DELIMITERS("FMT-002", Severity.ERROR, "102", "4", true, "Non-standard delimiters", "MSH-1, MSH-2", ""),
  FMT_MESSAGE_TYPE("FMT-003", Severity.ERROR, "200", "4", true, "Unsupported message type", "MSH-9.1", ""),
  FMT_EVENT("FMT-004", Severity.ERROR, "201", "4", true, "Unsupported trigger event", "MSH-9.2", ""),
  FMT_PROCESSING_ID("FMT-005", Severity.ERROR, "202", "4", true, "Unsupported processing id", "MSH-11", ""),
  FMT_VERSION("FMT-006", Severity.ERROR, "203", "4", true, "Unsupported version id", "MSH-12", ""),
  FMT_STRUCTURE("FMT-007", Severity.ERROR, "100", null, true, "Message cannot be parsed as its HL7 2.5.1 structure", "Message structure (VXU_V04, QBP_Q11)", ""),
  FMT_SEGMENT_TERMINATOR("FMT-010", Severity.WARNING, "102", null, false, "Segments end with line feeds", "HL7 2.5.1 2.5.4 segment terminator", ""),
  FMT_TIME_ZONE("FMT-013", Severity.WARNING, "102", "4", false, "Time-zone offset malformed", "DTM data type", ""),
  FMT_MESSAGE_STRUCTURE_ID("FMT-014", Severity.WARNING, "101", "7", false, "MSH-9.3 message structure missing or wrong", "MSH-9.3", ""),
  FMT_PROFILE_MISSING("FMT-015", Severity.WARNING, "101", "7", false, "MSH-21 profile missing", "MSH-21 (R; MIIC local: warning)", ""),
  FMT_PROFILE_WRONG("FMT-016", Severity.ERROR, "103", "5", false, "MSH-21 profile does not fit the message", "MSH-21", ""),
  FMT_ACK_TYPES("FMT-017", Severity.WARNING, "103", "4", false, "MSH-15/16 differ from the profile", "MSH-15, MSH-16", ""),
  FMT_SENDING_FACILITY("FMT-018", Severity.WARNING, "101", "7", false, "MSH-4 sending facility missing", "MSH-4 (R; MIIC local: warning)", ""),
  FMT_SECURITY_IGNORED("FMT-019", Severity.WARNING, "102", "8", false, "MSH-8 security not used", "MSH-8", ""),
  FMT_SEGMENT_MISSING("FMT-020", Severity.ERROR, "100", null, false, "Required segment missing", "Profile: segment usage R", ""),
  FMT_FIELD_MISSING("FMT-021", Severity.ERROR, "101", "7", false, "Required field missing", "Profile: field usage R, C(R/..) with its predicate", ""),
  FMT_DATE_INVALID("FMT-022", Severity.ERROR, "102", "2", false, "Date invalid", "Profile: DT, DTM, TS data types", ""),
  FMT_PID2_IGNORED("FMT-023", Severity.WARNING, "102", null, false, "PID-2 not supported", "PID-2 (X)", ""),
  FMT_NK1_RELATIONSHIP("FMT-024", Severity.ERROR, "101", "7", false, "NK1-3 relationship missing", "NK1-3 (R)", ""),
  FMT_COMPONENT_MISSING("FMT-025", Severity.ERROR, "101", "7", false, "Required component missing", "Profile: component usage R (data types chapter)", ""),
  FMT_NOT_SUPPORTED("FMT-026", Severity.WARNING, "102", "8", false, "Element not supported in the profile was sent", "Profile: usage X", ""),
  FMT_CARDINALITY("FMT-027", Severity.WARNING, "102", null, false, "More repetitions or occurrences than allowed", "Profile: cardinality", ""),
  FMT_TOO_LONG("FMT-028", Severity.WARNING, "102", null, false, "Value longer than the profile allows", "Profile: length", ""),
  FMT_DATA_TYPE("FMT-029", Severity.ERROR, "102", "4", false, "Value not of its data type", "Profile: NM, SI data types", ""),
  FMT_RXA_WITHOUT_ORC("FMT-030", Severity.ERROR, "100", null, false, "RXA without ORC", "VXU ORDER group: ORC [1..1] R", ""),
  FMT_ORC_WITHOUT_RXA("FMT-031", Severity.ERROR, "100", null, false, "ORC without RXA", "VXU ORDER group: RXA [1..1] R", ""),
  FMT_SEGMENT_REJECTED("FMT-033", Severity.ERROR, "100", null, false, "Required segment rejected", "IG 8.4 acknowledging segment rejection", ""),
  FMT_FIELD_REJECTED("FMT-034", Severity.ERROR, "101", "7", false, "Required field rejected", "IG 8.4 acknowledging field rejection", ""),
  FMT_VALUE_SET("FMT-035", Severity.ERROR, "103", "5", false, "Code not in the element's value set", "Profile: value set", ""),
  FMT_PRECISION("FMT-036", Severity.ERROR, "102", "4", false, "Date less precise than the profile requires", "PID-7, RXA-3 to the day", ""),
  FMT_MESSAGE_TIME_PRECISION("FMT-037", Severity.WARNING, "102", "4", false, "Message time without seconds or time zone", "MSH-7 to the second with offset (IG; MIIC local: warning, as the IG's own example VXU #1 dates its message to the minute)", ""),
  FMT_SEGMENT_UNEXPECTED("FMT-038", Severity.WARNING, "100", null, false, "Segment not part of the profile", "Profile: message structure", ""),
  FMT_PATIENT_OBX("FMT-039", Severity.ERROR, "100", null, false, "OBX outside an order group", "VXU_V04 structure: OBX only in ORDER.OBSERVATION", ""),
  FMT_QUERY_NAME("FMT-040", Severity.ERROR, "103", "5", false, "QPD-1 query name not Z34 or Z44", "QPD-1", ""),
  CNT_BIRTH_FUTURE("CNT-001", Severity.ERROR, "101", "1", false, "Birth date in the future", "PID-7", "MQE0116 PatientBirthDateIsInFuture (MQE: ERROR)"),
  CNT_VACCINATION_BEFORE_BIRTH("CNT-002", Severity.ERROR, "102", "1", false, "Vaccination before birth", "RXA-3, PID-7", "MQE0255 VaccinationAdminDateIsBeforeBirth (MQE: ERROR)"),
  CNT_VACCINATION_FUTURE("CNT-003", Severity.ERROR, "102", "1", false, "Vaccination date in the future", "RXA-3", "MQE0252 VaccinationAdminDateIsAfterMessageSubmitted (MQE: ERROR)"),
  CNT_MESSAGE_FUTURE("CNT-004", Severity.ERROR, "102", "1", false, "Message date in the future", "MSH-7", "MQE0015 MessageMessageDateIsInFuture (MQE: ERROR)"),
  CNT_BIRTH_IMPLAUSIBLE("CNT-005", Severity.ERROR, "102", "3", false, "Birth date more than 120 years ago", "PID-7", "MQE0120 PatientBirthDateIsVeryLongAgo (MQE: ERROR)"),
  CNT_CVX_UNKNOWN("CNT-006", Severity.ERROR, "103", "5", false, "Vaccine code not recognized", "RXA-5 (CVX)", "MQE0309 VaccinationCvxCodeIsUnrecognized (MQE: WARN)"),
  CNT_CVX_INACTIVE("CNT-007", Severity.WARNING, "103", "4", false, "Inactive or non-US vaccine for a new administration", "RXA-5 (CVX status)", "MQE0305 VaccinationCvxCodeIsDeprecated (MQE: WARN)"),
  CNT_CVX_NO_VACCINE("CNT-008", Severity.ERROR, "103", "4", false, "CVX 998/999 on an administered dose", "RXA-5, RXA-20", "MQE0249 VaccinationAdminCodeIsValuedAsUnknown (MQE: WARN)"),
  CNT_MVX_UNKNOWN("CNT-009", Severity.WARNING, "103", "5", false, "Manufacturer code not recognized", "RXA-17 (MVX)", "MQE0344 VaccinationManufacturerCodeIsUnrecognized (MQE: WARN)"),
  CNT_LOT_MISSING("CNT-010", Severity.WARNING, "101", "7", false, "Lot number missing on an administered dose", "RXA-15 (RE)", "MQE0339 VaccinationLotNumberIsMissing (MQE: WARN)"),
  CNT_MANUFACTURER_MISSING("CNT-011", Severity.WARNING, "101", "7", false, "Manufacturer missing on an administered dose", "RXA-17 (RE)", "MQE0343 VaccinationManufacturerCodeIsMissing (MQE: WARN)"),
  CNT_EXPIRY_MISSING("CNT-012", Severity.INFORMATION, "101", "7", false, "Lot expiration date missing on an administered dose", "RXA-16 (RE)", "MQE0337 VaccinationLotExpirationDateIsMissing (MQE: ACCEPT)"),
  CNT_EXPIRED_LOT("CNT-013", Severity.WARNING, "102", "1", false, "Administered after the lot expired", "RXA-16, RXA-3", "MQE0251 VaccinationAdminDateIsAfterLotExpirationDate (MQE: WARN)"),
  CNT_VFC_MISSING("CNT-014", Severity.INFORMATION, "101", "6", false, "VFC eligibility missing for a patient 18 or younger", "OBX 64994-7 (OBSERVATION group RE: information only)", "MQE0468 VaccinationFinancialEligibilityCodeIsMissing (MQE: ACCEPT)"),
  CNT_VFC_INVALID("CNT-015", Severity.INFORMATION, "103", "5", false, "VFC eligibility code invalid", "OBX-5 (HL70064)", "MQE0469 VaccinationFinancialEligibilityCodeIsUnrecognized (MQE: ACCEPT)"),
  CNT_VFC_DEPRECATED("CNT-016", Severity.WARNING, "103", "4", false, "VFC eligibility code deprecated", "OBX-5 (HL70064)", "MQE0465 VaccinationFinancialEligibilityCodeIsDeprecated (MQE: WARN)"),
  CNT_VIS_MISSING("CNT-017", Severity.INFORMATION, "101", "6", false, "VIS documentation missing for an administered dose", "OBX 69764-9 / 30956-7 + 29769-7", "MQE0542 VaccinationVisIsMissing (MQE: INFO)"),
  CNT_HISTORICAL_LOOKS_ADMINISTERED("CNT-018", Severity.WARNING, "102", "3", false, "Historical dose with lot details", "RXA-9, RXA-15, RXA-17", "MQE0329 VaccinationInformationSourceIsHistoricalButAppearsToBeAdministered (MQE: WARN)"),
  CNT_REFUSAL_REASON_MISSING("CNT-019", Severity.ERROR, "101", "7", false, "Refusal without a reason", "RXA-18 C(R/O) when RXA-20 = RE", "MQE0363 VaccinationRefusalReasonIsMissing (MQE: ACCEPT)"),
  CNT_REFUSAL_REASON_INVALID("CNT-020", Severity.INFORMATION, "103", "5", false, "Refusal reason not in NIP002", "RXA-18 (NIP002)", "MQE0364 VaccinationRefusalReasonIsUnrecognized (MQE: ACCEPT)"),
  CNT_ROUTE_INVALID("CNT-021", Severity.WARNING, "103", "5", false, "Route code invalid", "RXR-1 (NCIT, HL70162)", "MQE0278 VaccinationBodyRouteIsUnrecognized (MQE: WARN)"),
  CNT_SITE_INVALID("CNT-022", Severity.WARNING, "103", "5", false, "Site code invalid", "RXR-2 (HL70163)", "MQE0284 VaccinationBodySiteIsUnrecognized (MQE: WARN)"),
  CNT_PLACEHOLDER_NAME("CNT-023", Severity.INFORMATION, "102", "3", false, "Placeholder patient name", "PID-5", "MQE0172 PatientNameMayBeTemporaryNewbornName (MQE: ACCEPT)"),
  CNT_DUPLICATE_ORDER_ID("CNT-024", Severity.ERROR, "205", "4", false, "Duplicate ORC-3 in one message", "ORC-3", "none: MIIC rule (MQE has no such detection)"),
  CNT_LATE_REPORTING("CNT-025", Severity.INFORMATION, "102", "3", false, "Administered dose reported late", "RXA-3, MSH-7", "MQE0265 VaccinationAdminDateIsReportedLate (MQE: ACCEPT)"),
  CNT_SEX_INVALID("CNT-026", Severity.ERROR, "103", "5", false, "Administrative sex missing or invalid", "PID-8 (HL70001)", "MQE0147 PatientGenderIsUnrecognized (MQE: ACCEPT)"),
  CNT_RACE_INVALID("CNT-027", Severity.WARNING, "103", "5", false, "Race code invalid", "PID-10 (CDCREC)", "MQE0210 PatientRaceIsUnrecognized (MQE: WARN)"),
  CNT_ETHNICITY_INVALID("CNT-028", Severity.WARNING, "103", "5", false, "Ethnicity code invalid", "PID-22 (CDCREC)", "MQE0139 PatientEthnicityIsUnrecognized (MQE: WARN)"),
  CNT_COMPLETION_STATUS_INVALID("CNT-029", Severity.INFORMATION, "103", "5", false, "Completion status invalid", "RXA-20 (HL70322)", "MQE0289 VaccinationCompletionStatusIsUnrecognized (MQE: ACCEPT)"),
  CNT_ACTION_CODE_INVALID("CNT-030", Severity.WARNING, "103", "5", false, "Action code invalid", "RXA-21 (HL70323)", "MQE0236 VaccinationActionCodeIsUnrecognized (MQE: WARN)"),
  CNT_INFORMATION_SOURCE_INVALID("CNT-031", Severity.INFORMATION, "103", "5", false, "Information source not in NIP001", "RXA-9 (NIP001)", "MQE0333 VaccinationInformationSourceIsUnrecognized (MQE: ACCEPT)"),
  CNT_RELATIONSHIP_INVALID("CNT-032", Severity.WARNING, "103", "5", false, "Next-of-kin relationship not in HL7 0063", "NK1-3 (HL70063)", "MQE0090 NextOfKinRelationshipIsUnrecognized (MQE: WARN)"),
  CNT_ADDRESS_MISSING("CNT-033", Severity.INFORMATION, "101", "7", false, "Patient address missing", "PID-11 (RE)", "MQE0092 PatientAddressIsMissing (MQE: ACCEPT)"),
  CNT_DOSE_AMOUNT_INVALID("CNT-034", Severity.WARNING, "102", "4", false, "Dose amount not a positive number", "RXA-6", "MQE0555 VaccinationAdministeredAmountIsInvalid (MQE: WARN)"),
  CNT_MOTHER_MAIDEN_MISSING("CNT-035", Severity.INFORMATION, "101", "7", false, "Mother's maiden name missing", "PID-6 (RE)", "MQE0171 PatientMotherSMaidenNameIsMissing (MQE: ACCEPT)"),
  CNT_VACCINE_NOT_CVX("CNT-036", Severity.INFORMATION, "103", null, false, "Vaccine coded without CVX", "RXA-5 coding system", "MQE0308 VaccinationCvxCodeIsMissing (MQE: ACCEPT)"),
  CNT_REFUSAL_TEXT_MISMATCH("CNT-037", Severity.INFORMATION, "103", "3", false, "Refusal reason text contradicts its code", "RXA-18.2", "MQE0359 VaccinationRefusalReasonConflictsCompletionStatus (MQE: ACCEPT)"),
  CNT_ADMIN_AFTER_MESSAGE("CNT-038", Severity.WARNING, "102", "1", false, "Administration dated after the message", "RXA-3, MSH-7", "none: MIIC rule against MSH-7 (MQE0252 compares with the time received: CNT-003)"),
  CNT_ADMIN_AFTER_DEATH("CNT-039", Severity.ERROR, "102", "1", false, "Administration after the patient's death", "RXA-3, PID-29", "MQE0253 VaccinationAdminDateIsAfterPatientDeathDate (MQE: ERROR)"),
  CNT_DEATH_BEFORE_BIRTH("CNT-040", Severity.INFORMATION, "102", "1", false, "Death date before birth date", "PID-29, PID-7", "MQE0129 PatientDeathDateIsBeforeBirth (MQE: ACCEPT)"),
  CNT_DEATH_FUTURE("CNT-041", Severity.INFORMATION, "102", "1", false, "Death date in the future", "PID-29", "MQE0130 PatientDeathDateIsInFuture (MQE: ACCEPT)"),
  CNT_DEATH_INDICATOR_INCONSISTENT("CNT-042", Severity.WARNING, "102", "3", false, "Death indicator and death date disagree", "PID-29, PID-30", "MQE0133 PatientDeathIndicatorIsInconsistent (MQE: WARN)"),
  CNT_ENTRY_BEFORE_ADMIN("CNT-043", Severity.ERROR, "102", "1", false, "System entry date before the administration", "RXA-22, RXA-3", "MQE0254 VaccinationAdminDateIsAfterSystemEntryDate (MQE: ERROR)"),
  CNT_ENTRY_FUTURE("CNT-044", Severity.INFORMATION, "102", "1", false, "System entry date in the future", "RXA-22", "MQE0581 VaccinationSystemEntryDateIsInTheFuture (MQE: ACCEPT)"),
  CNT_ADMIN_END_BEFORE_START("CNT-045", Severity.WARNING, "102", "1", false, "Administration end before its start", "RXA-4, RXA-3", "MQE0266 VaccinationAdminDateEndIsDifferentFromStartDate (MQE: WARN)"),
  CNT_VIS_PRESENTED_BEFORE_PUBLISHED("CNT-046", Severity.INFORMATION, "102", "1", false, "VIS presented before it was published", "OBX 29769-7, 29768-9", "MQE0540 VaccinationVisPresentedDateIsBeforePublishedDate (MQE: INFO)"),
  CNT_VIS_PRESENTED_AFTER_ADMIN("CNT-047", Severity.INFORMATION, "102", "1", false, "VIS presented after the administration", "OBX 29769-7, RXA-3", "MQE0541 VaccinationVisPresentedDateIsAfterAdminDate (MQE: INFO)"),
  CNT_VIS_PUBLISHED_FUTURE("CNT-048", Severity.INFORMATION, "102", "1", false, "VIS publication date after the administration or in the future", "OBX 29768-9", "MQE0506 VaccinationVisVersionDateIsInFuture (MQE: INFO)"),
  CNT_VIS_PRESENTED_MISSING("CNT-049", Severity.INFORMATION, "101", "6", false, "VIS without its presentation date", "OBX 29769-7", "MQE0538 VaccinationVisPresentedDateIsMissing (MQE: INFO)"),
  CNT_BIRTH_AFTER_MESSAGE("CNT-050", Severity.ERROR, "102", "1", false, "Birth date after the message date", "PID-7, MSH-7", "MQE0115 PatientBirthDateIsAfterSubmission (MQE: ERROR)"),
  CNT_EFFECTIVE_DATE_FUTURE("CNT-051", Severity.INFORMATION, "102", "1", false, "Registry, publicity or protection effective date in the future", "PD1-13, PD1-17, PD1-18", "none: MIIC rule (MQE checks only the VFC effective date: MQE0222)"),
  CNT_EXPIRY_IMPLAUSIBLE("CNT-052", Severity.WARNING, "102", "3", false, "Lot expiration date implausibly far from the administration", "RXA-16", "MQE0336 VaccinationLotExpirationDateIsInvalid (MQE: WARN)"),
  CNT_BEFORE_LICENSED("CNT-053", Severity.WARNING, "102", "3", false, "Vaccine given before it was licensed", "RXA-5 + RXA-3 (codebase use-date not-before)", "MQE0257 VaccinationAdminDateIsBeforeOrAfterLicensedVaccineRange (MQE: ERROR)"),
  CNT_AFTER_LICENSED("CNT-054", Severity.WARNING, "102", "3", false, "Vaccine given after its licence ended", "RXA-5 + RXA-3 (codebase use-date not-after)", "MQE0257 VaccinationAdminDateIsBeforeOrAfterLicensedVaccineRange (MQE: ERROR)"),
  CNT_OUTSIDE_EXPECTED_USE("CNT-055", Severity.WARNING, "102", "3", false, "Vaccine given outside its expected years of use", "RXA-5 + RXA-3 (not-expected-before/after)", "MQE0256 VaccinationAdminDateIsBeforeOrAfterExpectedVaccineUsageRange (MQE: WARN)"),
  CNT_TOO_YOUNG("CNT-056", Severity.WARNING, "102", "3", false, "Patient younger than the vaccine's minimum age", "RXA-5 + PID-7 (use-age not-before-month)", "MQE0259 VaccinationAdminDateIsBeforeOrAfterWhenValidForPatientAge (MQE: ERROR)"),
  CNT_TOO_OLD("CNT-057", Severity.WARNING, "102", "3", false, "Patient older than the vaccine's maximum age", "RXA-5 + PID-7 (use-age not-after-month)", "MQE0258 VaccinationAdminDateIsBeforeOrAfterWhenExpectedForPatientAge (MQE: WARN)"),
  CNT_UNSPECIFIED_FORMULATION("CNT-058", Severity.WARNING, "103", "4", false, "Unspecified formulation for a new administration", "RXA-5 (concept type unspecified)", "MQE0245 VaccinationAdminCodeIsNotSpecific (MQE: WARN)"),
  CNT_NOT_A_VACCINE("CNT-059", Severity.INFORMATION, "103", "4", false, "Code is not a vaccine", "RXA-5 (concept type)", "MQE0246 VaccinationAdminCodeIsNotVaccine (MQE: ACCEPT)"),
  CNT_CVX_INVALID_STATUS("CNT-060", Severity.WARNING, "103", "4", false, "CVX code marked invalid", "RXA-5 (codebase status)", "MQE0307 VaccinationCvxCodeIsInvalid (MQE: WARN)"),
  CNT_MVX_NOT_FOR_CVX("CNT-061", Severity.WARNING, "103", "3", false, "Manufacturer does not make this vaccine", "RXA-5 + RXA-17 (vaccine products)", "MQE0353 VaccinationProductIsUnrecognized (MQE: WARN)"),
  CNT_PRODUCT_NOT_LICENSED("CNT-062", Severity.INFORMATION, "102", "3", false, "Product not on the market on the administration date", "RXA-5 + RXA-17 + RXA-3 (product use-date)", "MQE0493 VaccinationProductIsInvalidForDateAdministered (MQE: ACCEPT)"),
  CNT_MVX_DEPRECATED("CNT-063", Severity.WARNING, "103", "4", false, "Manufacturer code inactive", "RXA-17 (CDC MVX status)", "MQE0340 VaccinationManufacturerCodeIsDeprecated (MQE: WARN)"),
  CNT_MVX_MALFORMED("CNT-064", Severity.ERROR, "102", "4", false, "Manufacturer code is not an MVX code", "RXA-17.1 (MVX: 2-3 letters)", "MQE0342 VaccinationManufacturerCodeIsInvalid (MQE: WARN)"),
  CNT_MVX_SYSTEM("CNT-065", Severity.WARNING, "103", "4", false, "Manufacturer not coded with MVX", "RXA-17.3", "MQE0343 VaccinationManufacturerCodeIsMissing (MQE: WARN)"),
  CNT_NDC_UNKNOWN("CNT-066", Severity.WARNING, "103", "5", false, "NDC not recognized", "RXA-5 (NDC)", "MQE0559 VaccinationNDCCodeIsUnrecognized (MQE: ERROR)"),
  CNT_NDC_DEPRECATED("CNT-067", Severity.WARNING, "103", "4", false, "NDC in deprecated format", "RXA-5 (NDC status)", "MQE0241 VaccinationAdminCodeIsDeprecated (MQE: WARN)"),
  CNT_NDC_CVX_MISMATCH("CNT-068", Severity.WARNING, "103", "3", false, "NDC and CVX name different vaccines", "RXA-5.1/5.4", "none: MIIC rule (MQE has no such detection)"),
  CNT_CPT_UNKNOWN("CNT-069", Severity.WARNING, "103", "5", false, "CPT code not recognized", "RXA-5 (CPT)", "MQE0304 VaccinationCptCodeIsUnrecognized (MQE: WARN)"),
  CNT_CPT_CVX_MISMATCH("CNT-070", Severity.WARNING, "103", "3", false, "CPT and CVX name different vaccines", "RXA-5.1/5.4", "MQE0310 VaccinationCvxCodeAndCptCodeAreInconsistent (MQE: WARN)"),
  CNT_ROUTE_FOR_VACCINE("CNT-071", Severity.WARNING, "103", "3", false, "Route does not fit the vaccine", "RXR-1 + RXA-5", "MQE0276 VaccinationBodyRouteIsInvalidForVaccineIndicated (MQE: WARN)"),
  CNT_SITE_FOR_ROUTE("CNT-072", Severity.WARNING, "103", "3", false, "Site does not fit the vaccine or its route", "RXR-2 + RXR-1 + RXA-5", "MQE0282 VaccinationBodySiteIsInvalidForVaccineIndicated (MQE: WARN)"),
  CNT_ROUTE_MISSING("CNT-073", Severity.INFORMATION, "101", "6", false, "Route missing on an administered dose", "RXR (RE), RXR-1", "MQE0277 VaccinationBodyRouteIsMissing (MQE: ACCEPT)"),
  CNT_ROUTE_DEPRECATED("CNT-074", Severity.WARNING, "103", "4", false, "Route code deprecated", "RXR-1 (codebase status)", "MQE0273 VaccinationBodyRouteIsDeprecated (MQE: WARN)"),
  CNT_SITE_MISSING("CNT-075", Severity.INFORMATION, "101", "6", false, "Site missing on an injected dose", "RXR-2 (RE)", "MQE0283 VaccinationBodySiteIsMissing (MQE: ACCEPT)"),
  CNT_LOT_INVALID("CNT-076", Severity.WARNING, "102", "3", false, "Lot number is not a lot number", "RXA-15", "MQE0338 VaccinationLotNumberIsInvalid (MQE: WARN)"),
  CNT_LOT_PREFIX("CNT-077", Severity.WARNING, "102", "3", false, "Lot number with a prefix such as LOT or #", "RXA-15", "MQE0592 VaccinationLotNumberHasInvalidPrefixes (MQE: WARN)"),
  CNT_LOT_PATTERN("CNT-078", Severity.WARNING, "102", "3", false, "Lot number does not look like this manufacturer's lots", "RXA-15 + RXA-17 (lot number patterns)", "MQE0590 VaccinationLotNumberFormatIsUnrecognized (MQE: WARN)"),
  CNT_LOT_TOO_SHORT("CNT-079", Severity.WARNING, "102", "3", false, "Lot number too short", "RXA-15", "MQE0595 VaccinationLotNumberIsTooShort (MQE: WARN)"),
  CNT_FUNDING_MISSING("CNT-080", Severity.INFORMATION, "101", "6", false, "Funding source missing on an administered dose", "OBX 30963-3 (RE)", "MQE0586 VaccinationFundingSourceCodeIsMissing (MQE: ACCEPT)"),
  CNT_FUNDING_INVALID("CNT-081", Severity.INFORMATION, "103", "5", false, "Funding source code invalid", "OBX 30963-3 OBX-5", "MQE0587 VaccinationFundingSourceCodeIsUnrecognized (MQE: ACCEPT)"),
  CNT_FUNDING_ELIGIBILITY_CONFLICT("CNT-082", Severity.WARNING, "103", "3", false, "Funding source conflicts with VFC eligibility", "OBX 30963-3 + 64994-7", "MQE0596 VaccinationFundingSourceCodeIsUnexpectedForFinancialEligibility (MQE: WARN)"),
  CNT_VFC_ADULT("CNT-083", Severity.INFORMATION, "103", "3", false, "VFC-eligible code for a patient over 18", "OBX 64994-7 + PID-7", "MQE0467 VaccinationFinancialEligibilityCodeIsInvalid (MQE: ACCEPT)"),
  CNT_VFC_METHOD_MISSING("CNT-084", Severity.INFORMATION, "101", "6", false, "VFC eligibility without its observation method", "OBX-17 C(RE/O) for 64994-7: information only", "none: MIIC rule (MQE has no such detection)"),
  CNT_VFC_ON_HISTORICAL("CNT-085", Severity.INFORMATION, "102", "3", false, "VFC eligibility sent for a historical dose", "OBX 64994-7 + RXA-9", "MQE0466 VaccinationFinancialEligibilityCodeIsIgnored (MQE: INFO)"),
  CNT_VIS_DOCUMENT_UNKNOWN("CNT-086", Severity.INFORMATION, "103", "5", false, "VIS document not recognized", "OBX 69764-9 (VIS bar codes)", "MQE0501 VaccinationVisDocumentTypeIsUnrecognized (MQE: INFO)"),
  CNT_VIS_TYPE_UNKNOWN("CNT-087", Severity.INFORMATION, "103", "5", false, "VIS vaccine type not recognized", "OBX 30956-7 (CVX of VIS)", "MQE0604 VaccinationVisCvxIsUnrecognized (MQE: ACCEPT)"),
  CNT_VIS_WRONG_VACCINE("CNT-088", Severity.INFORMATION, "103", "3", false, "VIS is for another vaccine", "OBX 69764-9 + RXA-5", "MQE0498 VaccinationVisDocumentTypeIsIncorrect (MQE: INFO)"),
  CNT_VIS_EDITION_UNKNOWN("CNT-089", Severity.INFORMATION, "102", "3", false, "VIS edition date does not match a published edition", "OBX 29768-9", "MQE0505 VaccinationVisVersionDateIsUnrecognized (MQE: INFO)"),
  CNT_VIS_OUTDATED("CNT-090", Severity.INFORMATION, "103", "4", false, "VIS edition no longer current", "OBX 69764-9 (status)", "MQE0502 VaccinationVisDocumentTypeIsOutOfDate (MQE: INFO)"),
  CNT_ZIP_INVALID("CNT-091", Severity.WARNING, "102", "3", false, "ZIP code malformed", "PID-11.5 (XAD-5)", "MQE0112 PatientAddressZipIsInvalid (MQE: WARN)"),
  CNT_STATE_INVALID("CNT-092", Severity.INFORMATION, "103", "5", false, "State not a US state or territory code", "PID-11.4 (XAD-4)", "MQE0107 PatientAddressStateIsInvalid (MQE: ACCEPT)"),
  CNT_ADDRESS_TYPE("CNT-093", Severity.INFORMATION, "103", "5", false, "Address type missing or invalid", "XAD-7 (HL70190)", "MQE0521 PatientAddressTypeIsValuedBadAddress (MQE: INFO)"),
  CNT_ADDRESS_INCOMPLETE("CNT-094", Severity.INFORMATION, "101", "7", false, "Address without street or city", "XAD-1, XAD-3", "MQE0110 PatientAddressStreetIsMissing (MQE: ACCEPT)"),
  CNT_COUNTRY_INVALID("CNT-095", Severity.WARNING, "103", "5", false, "Country not an ISO 3166 code", "XAD-6", "MQE0097 PatientAddressCountryIsInvalid (MQE: WARN)"),
  CNT_PHONE_MALFORMED("CNT-096", Severity.WARNING, "102", "3", false, "Phone number malformed", "XTN-6, XTN-7", "MQE0174 PatientPhoneIsIncomplete (MQE: WARN)"),
  CNT_PHONE_USE_INVALID("CNT-097", Severity.WARNING, "103", "5", false, "Telecommunication use code invalid", "XTN-2 (HL70201)", "MQE0455 PatientPhoneTelUseCodeIsInvalid (MQE: WARN)"),
  CNT_PHONE_EQUIPMENT_INVALID("CNT-098", Severity.WARNING, "103", "5", false, "Telecommunication equipment type invalid", "XTN-3 (HL70202)", "MQE0460 PatientPhoneTelEquipCodeIsInvalid (MQE: WARN)"),
  CNT_EMAIL_MALFORMED("CNT-099", Severity.INFORMATION, "102", "3", false, "Email address malformed", "XTN-4", "MQE0588 PatientEmailIsInvalid (MQE: ACCEPT)"),
  CNT_NAME_CHARACTERS("CNT-100", Severity.ERROR, "102", "3", false, "Name with digits or symbols", "PID-5.1, PID-5.2", "MQE0140 PatientNameFirstIsInvalid (MQE: ERROR)"),
  CNT_NAME_TYPE("CNT-101", Severity.WARNING, "103", "5", false, "Name type code invalid or not L for the legal name", "PID-5.7 (HL70200)", "MQE0516 PatientNameTypeCodeIsNotValuedLegal (MQE: WARN)"),
  CNT_NAME_TEST("CNT-102", Severity.INFORMATION, "102", "3", false, "Name looks like a test patient", "PID-5", "MQE0551 PatientNameMayBeTestName (MQE: ACCEPT)"),
  CNT_ID_TYPE_INVALID("CNT-103", Severity.WARNING, "103", "5", false, "Identifier type code invalid", "PID-3.5 (HL70203)", "MQE0514 PatientSubmitterIdTypeCodeIsUnrecognized (MQE: WARN)"),
  CNT_ID_PLACEHOLDER("CNT-104", Severity.WARNING, "102", "3", false, "Patient identifier is a placeholder", "PID-3.1", "none: MIIC rule (MQE has no such detection)"),
  CNT_SSN_INVALID("CNT-105", Severity.WARNING, "102", "3", false, "Social security number malformed", "PID-3 with type SS, PID-19", "MQE0218 PatientSsnIsInvalid (MQE: WARN)"),
  CNT_MULTIPLE_BIRTH("CNT-106", Severity.WARNING, "102", "3", false, "Multiple birth indicator and birth order disagree", "PID-24, PID-25", "MQE0123 PatientBirthOrderIsInvalid (MQE: WARN)"),
  CNT_NK1_NAME_MISSING("CNT-107", Severity.WARNING, "101", "7", false, "Next of kin without a name", "NK1-2", "MQE0079 NextOfKinNameIsMissing (MQE: WARN)"),
  CNT_PROVIDER_MISSING("CNT-108", Severity.INFORMATION, "101", "6", false, "Administering provider missing on an administered dose", "RXA-10 (RE)", "none: MIIC rule (MQE has no such detection)"),
  CNT_FACILITY_MISSING("CNT-109", Severity.INFORMATION, "101", "6", false, "Administered-at location missing on an administered dose", "RXA-11 (RE)", "MQE0314 VaccinationFacilityIdIsMissing (MQE: ACCEPT)"),
  CNT_LANGUAGE_INVALID("CNT-110", Severity.WARNING, "103", "5", false, "Primary language code invalid", "PID-15 (ISO 639)", "MQE0187 PatientPrimaryLanguageIsUnrecognized (MQE: WARN)"),
  CNT_REGISTRY_STATUS_INVALID("CNT-111", Severity.WARNING, "103", "5", false, "Registry status invalid", "PD1-16 (HL70441)", "MQE0217 PatientRegistryStatusIsUnrecognized (MQE: WARN)"),
  CNT_PUBLICITY_INVALID("CNT-112", Severity.WARNING, "103", "5", false, "Publicity code invalid", "PD1-11 (HL70215)", "MQE0205 PatientPublicityCodeIsUnrecognized (MQE: WARN)"),
  CNT_PROTECTION_INVALID("CNT-113", Severity.WARNING, "103", "5", false, "Protection indicator invalid", "PD1-12 (HL70136)", "MQE0198 PatientProtectionIndicatorIsUnrecognized (MQE: WARN)"),
  CNT_RACE_ETHNICITY_MISSING("CNT-114", Severity.INFORMATION, "101", "6", false, "Race or ethnicity missing", "PID-10, PID-22 (RE)", "MQE0209 PatientRaceIsMissing (MQE: ACCEPT)"),
  CNT_OBSERVATION_UNKNOWN("CNT-115", Severity.WARNING, "103", "5", false, "Observation identifier not in NIP003", "OBX-3 (NIP003)", "MQE0479 ObservationObservationIdentifierCodeIsUnrecognized (MQE: WARN)"),
  CNT_VALUE_TYPE_MISMATCH("CNT-116", Severity.WARNING, "102", "4", false, "Observation value type does not fit the observation", "OBX-2 + OBX-3", "MQE0472 ObservationValueTypeIsInvalid (MQE: WARN)"),
  CNT_IMMUNITY_INVALID("CNT-117", Severity.WARNING, "103", "5", false, "Evidence of immunity code invalid", "OBX 59784-9 (SNOMED)", "MQE0607 PatientImmunityCodeIsUnrecognized (MQE: WARN)"),
  CNT_CONTRAINDICATION_INVALID("CNT-118", Severity.WARNING, "103", "5", false, "Contraindication code invalid", "OBX 30945-0", "none: MIIC rule (MQE has no such detection)"),
  CNT_REACTION_INVALID("CNT-119", Severity.WARNING, "103", "5", false, "Reaction code invalid", "OBX 31044-1", "none: MIIC rule (MQE has no such detection)"),
  CNT_DUPLICATE_DOSE("CNT-120", Severity.WARNING, "205", "3", false, "The same vaccine twice on one date", "RXA-5 + RXA-3", "none: MIIC rule (MQE has no such detection)"),
  CNT_ACTION_CODE_MISSING("CNT-121", Severity.ERROR, "101", "7", false, "Action code missing", "RXA-21 C(R/O) unless RXA-5 is 998", "MQE0235 VaccinationActionCodeIsMissing (MQE: ERROR)"),
  CNT_REFUSAL_WITH_DOSE_DETAILS("CNT-122", Severity.WARNING, "102", "3", false, "Refusal or dose not given with lot or amount", "RXA-20 RE/NA + RXA-6, RXA-15", "none: MIIC rule (MQE has no such detection)"),
  CNT_NOT_ADMINISTERED_NO_REASON("CNT-123", Severity.INFORMATION, "101", "6", false, "Dose not administered without a reason", "RXA-20 NA + RXA-18/OBX 30945-0", "MQE0291 VaccinationCompletionStatusIsValuedAsNotAdministered (MQE: INFO)"),
  CNT_AMOUNT_UNKNOWN("CNT-124", Severity.INFORMATION, "102", "3", false, "Amount 999 (unknown) on a dose given by this provider", "RXA-6", "MQE0271 VaccinationAdministeredAmountIsValuedAsUnknown (MQE: ACCEPT)"),
  CNT_AMOUNT_IMPLAUSIBLE("CNT-125", Severity.WARNING, "102", "3", false, "Amount larger than any vaccine dose", "RXA-6", "none: MIIC rule (MQE has no such detection)"),
  CNT_AMOUNT_UNIT("CNT-126", Severity.INFORMATION, "101", "6", false, "Amount without its unit", "RXA-7 C(R/O) when RXA-6 is not 999", "MQE0272 VaccinationAdministeredUnitIsMissing (MQE: ACCEPT)"),
  CNT_NO_VACCINATIONS("CNT-127", Severity.INFORMATION, "100", "6", false, "VXU without any vaccination", "VXU ORDER group (RE: information only)", "none: MIIC rule (MQE has no such detection)"),
  CNT_PARTIAL_DOSE("CNT-128", Severity.INFORMATION, "102", "3", false, "Partially administered dose", "RXA-20 PA", "MQE0292 VaccinationCompletionStatusIsValuedAsPartiallyAdministered (MQE: INFO)");

  private final String code;
  private final Severity severity;
  private final String hl7ErrorCode;
  private final String applicationErrorCode;
  private final boolean rejectsMessage;
  private final String title;
  private final String reference;
  private final String mqeDetection;

  Rule(String code, Severity severity, String hl7ErrorCode, String applicationErrorCode, boolean rejectsMessage, String title,
      String reference, String mqeDetection) {
    this.code = code;
    this.severity = severity;
    this.hl7ErrorCode = hl7ErrorCode;
    this.applicationErrorCode = applicationErrorCode;
    this.rejectsMessage = rejectsMessage;
    this.title = title;
    this.reference = reference;
    this.mqeDetection = mqeDetection;
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

  /** The IG section or profile element the rule checks. */
  public String reference() {
    return reference;
  }

  /** The MQE detection it corresponds to ("" for the structural checks MQE leaves to the HL7 parser). */
  public String mqeDetection() {
    return mqeDetection;
  }

  /** Why MIIC's default severity differs from MQE's, where it does ("" otherwise). */
  public String severityNote() {
    return switch (this) {
      case CNT_ADMIN_AFTER_MESSAGE -> "Public test messages whose sources state acceptance carry it; the dose itself is not in the future (CNT-003 rejects that).";
      case CNT_AFTER_LICENSED -> "As CNT-053.";
      case CNT_BEFORE_LICENSED -> "The codebase's dates are not always licensure (CVX 140 dated 2013, given since 2010), and NIST's stated-accepted 2012 message carries it; set to ERROR where trusted.";
      case CNT_TOO_YOUNG -> "The IG's own example VXU #1, stated accepted, gives CVX 85 at 0 months; the codebase's ages are expected use.";
      case CNT_CVX_NO_VACCINE -> "The IG: a dose given must name its vaccine; a state IIS acknowledgement in the samples rejects CVX 998 on an administered dose.";
      case CNT_CVX_UNKNOWN -> "The IG's example acknowledgement rejects an unknown RXA-5 (ERR 103, the order group rejected).";
      case CNT_MVX_MALFORMED -> "An MVX code longer than its code (a name in RXA-17.1) is unusable: the IG binds RXA-17 to MVX.";
      case CNT_NDC_UNKNOWN -> "The NDC table lags new products (a CDC test message with a stated acceptance carries an NDC it lacks).";
      case CNT_REFUSAL_REASON_MISSING -> "The IG makes RXA-18 required (C(R/X)) on a refusal.";
      case CNT_SEX_INVALID -> "The IG binds PID-8 to HL7 0001: a code outside it is unusable. An empty PID-8 is a warning here; the profile's usage for PID-8 decides whether its absence is an error.";
      default -> "";
    };
  }

  public boolean content() {
    return code.startsWith("CNT-");
  }
}
