package org.miic.onboarding.notification.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.notification.EmailRequest;
import org.miic.onboarding.notification.EmailService;
import org.miic.onboarding.notification.EmailTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every "Email ..." send task: {@code ${emailTasks.send(execution, 'TEMPLATE')}}, running as its own job (asyncBefore,
 * with retries). {@link EmailService} keys the email by execution and activity, so the task must stay a non-scope
 * activity (no input mapping, no boundary event): then every retry runs in the job's own execution and never sends
 * twice. BpmnModelTest guards that.
 */
@Component("emailTasks")
public class EmailTasks {

  /** Process facts an email may quote. */
  private static final List<String> FACTS = List.of(ProcessConstants.VAR_REVIEW_NOTES, ProcessConstants.VAR_CORRECTION_NOTES,
      ProcessConstants.VAR_DATA_QUALITY_ISSUES, ProcessConstants.VAR_AGREEMENT_ID, ProcessConstants.VAR_SCORECARD_ID);

  private final EmailService emails;
  private final ZoneId zone;

  EmailTasks(EmailService emails, @Value("${miic.time-zone:America/Chicago}") String zone) {
    this.emails = emails;
    this.zone = ZoneId.of(zone);
  }

  public void send(DelegateExecution execution, String template) {
    send(execution, template, null);
  }

  /** For the corrections emails: which testing step asks for corrections. */
  public void send(DelegateExecution execution, String template, String correctionPhase) {
    long organizationId = ProcessVariables.organizationId(execution);
    Number requestId = (Number) execution.getVariable(ProcessConstants.VAR_REQUEST_ID);
    Map<String, Object> facts = new HashMap<>();
    for (String name : FACTS) {
      Object value = execution.getVariable(name);
      if (value != null) {
        facts.put(name, value);
      }
    }
    if (correctionPhase != null) {
      facts.put(ProcessConstants.LOCAL_CORRECTION_PHASE, correctionPhase);
    }
    if (execution.getVariable(ProcessConstants.VAR_GO_LIVE_AT) instanceof Date goLive) {
      facts.put(ProcessConstants.VAR_GO_LIVE_DATE, DateTimeFormatter.ofPattern("MMMM d, yyyy").format(goLive.toInstant().atZone(zone)));
    }
    emails.send(new EmailRequest(EmailTemplate.valueOf(template), organizationId, requestId == null ? null : requestId.longValue(), facts),
        execution.getId(), execution.getCurrentActivityId());
  }
}
