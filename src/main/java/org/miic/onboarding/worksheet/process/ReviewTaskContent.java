package org.miic.onboarding.worksheet.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.AgreementStatus;
import org.miic.onboarding.worksheet.CompletenessFinding;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetService;
import org.miic.onboarding.worksheet.WorksheetSummary;
import org.springframework.stereotype.Component;

/**
 * What the "Review worksheet" form shows: the current worksheet, the automatic findings and the agreement on file,
 * kept as task-local variables so they vanish with the task instead of weighing on the process instance.
 */
@Component
public class ReviewTaskContent {

  public static final String LOCAL_WORKSHEET = "worksheetSummary";
  public static final String LOCAL_FINDINGS = "findingsSummary";
  public static final String LOCAL_AGREEMENT = "agreementSummary";

  private final WorksheetService worksheets;
  private final AgreementService agreements;
  private final TaskService tasks;

  ReviewTaskContent(WorksheetService worksheets, AgreementService agreements, TaskService tasks) {
    this.worksheets = worksheets;
    this.agreements = agreements;
    this.tasks = tasks;
  }

  Map<String, Object> contentFor(long requestId) {
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    List<CompletenessFinding> findings = worksheets.findings(requestId);
    OnboardingRequest request = worksheets.request(requestId);
    return Map.of(
        LOCAL_WORKSHEET, WorksheetSummary.markdown(worksheet),
        LOCAL_FINDINGS, WorksheetSummary.findings(findings),
        LOCAL_AGREEMENT, agreementLine(agreements.status(request.organizationId())));
  }

  /** A corrected worksheet arrived while the review task is open: check it and show it. */
  void refresh(String taskId, String trackingId) {
    long requestId = worksheets.request(trackingId).id();
    worksheets.checkCompleteness(requestId);
    tasks.setVariablesLocal(taskId, contentFor(requestId));
  }

  public static String agreementLine(AgreementStatus status) {
    return switch (status.state()) {
      case NONE -> "No MIIC User Agreement on file.";
      case CURRENT -> "MIIC User Agreement signed " + status.signedOn() + ", current until " + status.expiresOn() + ".";
      case EXPIRING_SOON -> "MIIC User Agreement signed " + status.signedOn() + " **expires soon**, on " + status.expiresOn() + ".";
      case LAPSED -> "MIIC User Agreement **lapsed** on " + status.expiresOn() + ".";
    };
  }
}
