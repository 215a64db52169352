package org.miic.onboarding.agreement.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.UserAgreement;
import org.springframework.stereotype.Component;

/**
 * "Record agreement": stores the agreement staff entered in the task form (signer and signing date). A mistake in the
 * form stops the task from completing, with the reason shown in Tasklist.
 */
@Component("recordUserAgreement")
class RecordAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  RecordAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long organizationId = ProcessVariables.organizationId(execution);
    AgreementService.Signature signature = signature(execution);
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    try {
      UserAgreement agreement = agreements.record(organizationId, signature, who == null ? null : who.getUserId(),
          execution.getProcessInstanceId());
      execution.setVariable(ProcessConstants.VAR_AGREEMENT_ID, agreement.id());
      execution.setVariable(ProcessConstants.VAR_AGREEMENT_CURRENT, true);
    } catch (AgreementService.InvalidAgreementException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
    // The form's fields have served their purpose; the agreement lives in the application's tables.
    execution.removeVariable(ProcessConstants.VAR_SIGNER_NAME);
    execution.removeVariable(ProcessConstants.VAR_SIGNER_TITLE);
    execution.removeVariable(ProcessConstants.VAR_SIGNER_EMAIL);
    execution.removeVariable(ProcessConstants.VAR_SIGNED_ON);
  }

  /** The signature as the task form entered it. */
  static AgreementService.Signature signature(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return new AgreementService.Signature(
        (String) scope.getVariable(ProcessConstants.VAR_SIGNER_NAME),
        (String) scope.getVariable(ProcessConstants.VAR_SIGNER_TITLE),
        (String) scope.getVariable(ProcessConstants.VAR_SIGNER_EMAIL),
        signedOn(scope.getVariable(ProcessConstants.VAR_SIGNED_ON)));
  }

  static LocalDate signedOn(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.of("America/Chicago")).toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("The signing date '" + text + "' is not a date (use YYYY-MM-DD).");
    }
  }
}
