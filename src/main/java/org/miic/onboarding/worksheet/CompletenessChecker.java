package org.miic.onboarding.worksheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.miic.onboarding.worksheet.WorksheetOptions.MessageFormat;
import org.miic.onboarding.worksheet.WorksheetOptions.OrganizationType;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.miic.onboarding.worksheet.WorksheetOptions.SubmissionMode;
import org.miic.onboarding.worksheet.WorksheetOptions.Transport;
import org.springframework.stereotype.Component;

/**
 * The automatic completeness check of a stored worksheet: what MIIC staff would otherwise find by reading it. Input that
 * cannot be stored at all is refused earlier by bean validation; this check lists what a storable worksheet still lacks
 * or contradicts, for the "Review worksheet" task and the "missing information" email.
 */
@Component
public class CompletenessChecker {

  public List<CompletenessFinding> check(Worksheet w) {
    List<CompletenessFinding> findings = new ArrayList<>();

    if (w.ehrVersion() == null) {
      findings.add(new CompletenessFinding("sourceSystem.version", "The EHR version is missing; MIIC needs it to plan testing."));
    }
    if (w.messageFormat() == MessageFormat.OTHER && w.messageFormatOther() == null) {
      findings.add(new CompletenessFinding("messageFormatOther", "The message format is 'Other' but the format is not described."));
    }
    if (w.transport() == Transport.OTHER && w.transportOther() == null) {
      findings.add(new CompletenessFinding("transportOther", "The transport is 'Other' but the transport is not described."));
    }
    if (w.organizationType() == OrganizationType.OTHER && w.notes() == null) {
      findings.add(new CompletenessFinding("notes", "The organization type is 'Other'; describe the organization in the notes."));
    }
    if (w.immunizationsPerYear() == 0) {
      findings.add(new CompletenessFinding("immunizationsPerYear", "The estimated number of immunizations per year is 0; give an estimate."));
    }
    boolean queries = w.requestType() == RequestType.QUERY_BIDIRECTIONAL;
    if (queries && !w.sendsQueries()) {
      findings.add(new CompletenessFinding("capabilities.sendsQueries",
          "The request is for query and response, but the source system is said not to send queries."));
    }
    if (queries && w.messageFormat() != MessageFormat.HL7_2_5_1) {
      findings.add(new CompletenessFinding("messageFormat",
          "Query and response with MIIC uses HL7 2.5.1 (QBP^Q11); the chosen format cannot carry queries."));
    }
    if (queries && w.submissionMode() == SubmissionMode.BATCH) {
      findings.add(new CompletenessFinding("capabilities.submissionMode", "Query and response needs a real-time connection, not batch."));
    }
    if (w.submissionMode() == SubmissionMode.REAL_TIME && w.transport() == Transport.SFTP_BATCH) {
      findings.add(new CompletenessFinding("transport", "Real-time submission was chosen with SFTP batch transport; choose one that matches."));
    }
    if (w.transport() == Transport.SOAP_WEB_SERVICE && !w.receivesAcks()) {
      findings.add(new CompletenessFinding("capabilities.receivesAcks",
          "The SOAP web service always returns an acknowledgement; confirm the source system can receive ACKs."));
    }
    if (w.submittingFor().isEmpty()) {
      findings.add(new CompletenessFinding("submittingFor",
          "No facility is listed; list every facility (name and facility id) whose data will be sent, even if it is just one."));
    }
    Set<String> facilityIds = new HashSet<>();
    for (int i = 0; i < w.submittingFor().size(); i++) {
      Worksheet.SubmittingFor f = w.submittingFor().get(i);
      String field = "submittingFor[" + i + "]";
      if (f.name().isEmpty()) {
        findings.add(new CompletenessFinding(field + ".name", "Facility " + (i + 1) + " has an id but no name."));
      }
      if (f.facilityId().isEmpty()) {
        findings.add(new CompletenessFinding(field + ".facilityId", "Facility '" + f.name() + "' has no facility id."));
      } else if (!facilityIds.add(f.facilityId().toLowerCase(Locale.ROOT))) {
        findings.add(new CompletenessFinding(field + ".facilityId", "Facility id '" + f.facilityId() + "' is listed twice."));
      }
    }
    if (w.primary().email().equalsIgnoreCase(w.technical().email()) && w.primary().name().equalsIgnoreCase(w.technical().name())) {
      // One person in both roles is allowed; only say so when they forgot to name the technical staff at all.
      if (w.notes() == null) {
        findings.add(new CompletenessFinding("technicalContact",
            "The technical contact is the primary contact; confirm that this person does the interface work, or name the interface analyst."));
      }
    }
    if (!w.hasSupplementalMaterials()) {
      findings.add(new CompletenessFinding("supplementalMaterials",
          "No supplemental materials are listed (for example sample HL7 messages or the vendor's HL7 specification)."));
    }
    return findings;
  }
}
