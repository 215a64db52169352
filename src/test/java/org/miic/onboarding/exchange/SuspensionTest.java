package org.miic.onboarding.exchange;

import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.transport.ExchangeSuspendedException;
import org.miic.onboarding.notification.ComposedEmail;
import org.miic.onboarding.notification.EmailComposer;
import org.miic.onboarding.notification.EmailRequest;
import org.miic.onboarding.notification.EmailTemplate;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An exchange suspended for two reasons at once (data quality, and a lapsed agreement) runs again only when both are
 * lifted: lifting one leaves the credentials refused with the other's reason, and the resumption email says so.
 */
class SuspensionTest extends ProcessTestSupport {

  @Autowired ExchangeService exchanges;
  @Autowired CredentialService credentials;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired EmailComposer composer;

  @Test
  void anExchangeSuspendedForTwoReasonsRunsAgainOnlyWhenBothAreLifted() {
    long org = organizations.findOrCreate("Walnut Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Dr. Walnut", null, "ceo@walnut.example", LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Walnut Clinic"));
    jdbc.update("update miic_request set stage = 'PRODUCTION' where id = ?", request.id());
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.PRODUCTION)
        .revealToken());

    exchanges.suspend(request.id(), Suspension.Reason.DATA_QUALITY, "Half the doses lack a lot number", "staff1");
    Assertions.assertThat(exchanges.suspendForLapsedAgreement(org)).isOne();
    Assertions.assertThatThrownBy(() -> credentials.authenticate(login.username(), login.password(), null))
        .isInstanceOf(ExchangeSuspendedException.class)
        .hasMessageContaining("Half the doses lack a lot number").hasMessageContaining("grace period ended");

    // The renewal lifts its own suspension only: nothing runs again, and the resumption email says why.
    Assertions.assertThat(exchanges.resumeAfterRenewal(org)).as("exchanges running again").isZero();
    Assertions.assertThatThrownBy(() -> credentials.authenticate(login.username(), login.password(), null))
        .hasMessageContaining("Half the doses lack a lot number").hasMessageNotContaining("grace period");
    ComposedEmail stillSuspended = composer.compose(new EmailRequest(EmailTemplate.EXCHANGE_RESUMED, org, request.id(), Map.of()));
    Assertions.assertThat(stillSuspended.body()).contains("stays").contains("Half the doses lack a lot number")
        .doesNotContain("credentials work again");

    Assertions.assertThat(exchanges.resume(request.id(), Suspension.Reason.DATA_QUALITY, "staff1")).as("any suspension left").isFalse();
    Assertions.assertThat(credentials.authenticate(login.username(), login.password(), null)).isPresent();
    Assertions.assertThat(composer.compose(new EmailRequest(EmailTemplate.EXCHANGE_RESUMED, org, request.id(), Map.of())).body())
        .contains("credentials work again");
    Assertions.assertThat(exchanges.suspensions(request.id())).hasSize(2).allSatisfy(s -> Assertions.assertThat(s.open()).isFalse());
  }
}
