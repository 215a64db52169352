package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.UserAgreement;
import org.miic.onboarding.organization.OrganizationRepository;
import org.springframework.stereotype.Component;

/** Fills the "Agreement lapsed" form: the organization and its agreement history. */
@Component("agreementTask")
class AgreementTaskListener implements TaskListener {

  private final AgreementService agreements;
  private final OrganizationRepository organizations;

  AgreementTaskListener(AgreementService agreements, OrganizationRepository organizations) {
    this.agreements = agreements;
    this.organizations = organizations;
  }

  @Override
  public void notify(DelegateTask task) {
    long organizationId = ProcessVariables.organizationId(task);
    StringBuilder md = new StringBuilder("Agreements on file:\n\n");
    for (UserAgreement a : agreements.history(organizationId)) {
      md.append("- signed ").append(a.signedOn()).append(" by ").append(a.signerName())
          .append(a.signerEmail() == null ? "" : " (" + a.signerEmail() + ")")
          .append(", expires ").append(a.expiresOn()).append(a.lapsedAt() != null ? " — **lapsed**" : "").append('\n');
    }
    task.setVariableLocal("agreementSummary", md.toString());
    organizations.findById(organizationId).ifPresent(o -> task.setVariableLocal(ProcessConstants.VAR_ORGANIZATION_NAME, o.name()));
  }
}
