package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.LocalTimes;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.document.DocumentProcessPort;
import org.miic.onboarding.document.DocumentService;
import org.miic.onboarding.document.StoredDocument;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Record MIIC User Agreement": the signer fields start with the worksheet's authorized representative, and the form
 * shows the signed copy the organization uploaded (kept current when one arrives while the task is open).
 */
@Component("recordAgreementTask")
class RecordAgreementTaskListener implements TaskListener, DocumentProcessPort {

  static final String LOCAL_DOCUMENT = "agreementDocument";

  private final WorksheetService worksheets;
  private final DocumentService documents;
  private final TaskService tasks;

  RecordAgreementTaskListener(WorksheetService worksheets, @Lazy DocumentService documents, @Lazy TaskService tasks) {
    this.worksheets = worksheets;
    this.documents = documents;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = ProcessVariables.requestId(task);
    Worksheet.Person representative = worksheets.currentWorksheet(requestId).representative();
    // Process variables, so that the form shows them and what staff submit replaces them (RecordAgreementDelegate reads them).
    if (task.getVariable(ProcessConstants.VAR_SIGNER_NAME) == null) {
      task.getExecution().setVariable(ProcessConstants.VAR_SIGNER_NAME, representative.name());
    }
    if (task.getVariable(ProcessConstants.VAR_SIGNER_EMAIL) == null) {
      task.getExecution().setVariable(ProcessConstants.VAR_SIGNER_EMAIL, representative.email());
    }
    task.setVariableLocal(LOCAL_DOCUMENT, documentLine(requestId));
  }

  @Override
  public void signedAgreementUploaded(long requestId) {
    String trackingId = worksheets.request(requestId).trackingId();
    for (Task open : tasks.createTaskQuery().processInstanceBusinessKey(trackingId)
        .taskDefinitionKey(ProcessConstants.TASK_RECORD_AGREEMENT).list()) {
      tasks.setVariableLocal(open.getId(), LOCAL_DOCUMENT, documentLine(requestId));
    }
  }

  /** Markdown for the form: the newest signed copy with its link in the staff workspace, or that none arrived yet. */
  String documentLine(long requestId) {
    return documents.latestSignedAgreement(requestId).map(RecordAgreementTaskListener::line)
        .orElse("No signed copy uploaded yet. The organization's documents page (linked from the agreement email) takes it; "
            + "a copy sent another way can be recorded too.");
  }

  private static String line(StoredDocument d) {
    return "Signed copy uploaded by " + d.uploadedBy().replaceAll("[\\[\\]*_`<>#]", "") + " on " + LocalTimes.format(d.uploadedAt())
        + ": [" + d.fileName().replaceAll("[\\[\\]*_`<>#()]", "") + " (" + d.size() + ")](/staff/documents/" + d.id() + ")";
  }
}
