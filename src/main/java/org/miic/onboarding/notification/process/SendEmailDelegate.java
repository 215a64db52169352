package org.miic.onboarding.notification.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.notification.EmailRequest;
import org.miic.onboarding.notification.EmailService;
import org.miic.onboarding.notification.EmailTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every "Email ..." service task: the template is the task's input parameter {@code emailTemplate}. The task runs as
 * its own job (asyncBefore, with retries), and {@link EmailService} makes sure a retry never sends twice.
 */
@Component("sendEmail")
class SendEmailDelegate implements JavaDelegate {

  /** Process facts an email may quote. */
  private static final List<String> FACTS = List.of(ProcessConstants.VAR_REVIEW_NOTES, ProcessConstants.VAR_CORRECTION_NOTES,
      ProcessConstants.LOCAL_CORRECTION_PHASE, ProcessConstants.VAR_DATA_QUALITY_ISSUES, ProcessConstants.VAR_AGREEMENT_ID);

  private final EmailService emails;
  private final ZoneId zone;

  SendEmailDelegate(EmailService emails, @Value("${miic.time-zone:America/Chicago}") String zone) {
    this.emails = emails;
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    EmailTemplate template = EmailTemplate.valueOf((String) execution.getVariableLocal(ProcessConstants.LOCAL_EMAIL_TEMPLATE));
    long organizationId = ((Number) execution.getVariable(ProcessConstants.VAR_ORGANIZATION_ID)).longValue();
    Number requestId = (Number) execution.getVariable(ProcessConstants.VAR_REQUEST_ID);
    Map<String, Object> facts = new HashMap<>();
    for (String name : FACTS) {
      Object value = execution.getVariable(name);
      if (value != null) {
        facts.put(name, value);
      }
    }
    if (execution.getVariable(ProcessConstants.VAR_GO_LIVE_AT) instanceof Date goLive) {
      facts.put(ProcessConstants.VAR_GO_LIVE_DATE, DateTimeFormatter.ofPattern("MMMM d, yyyy").format(goLive.toInstant().atZone(zone)));
    }
    emails.send(new EmailRequest(template, organizationId, requestId == null ? null : requestId.longValue(), facts),
        execution.getId(), execution.getCurrentActivityId());
  }
}
