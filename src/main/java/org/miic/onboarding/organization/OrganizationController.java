package org.miic.onboarding.organization;

import java.util.List;
import java.util.Map;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.notification.EmailService;
import org.miic.onboarding.notification.OutboxEmail;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff: an organization, its requests and agreement status, and every email sent to it. */
@RestController
@RequestMapping("/api/organizations/{organizationId}")
class OrganizationController {

  private final OrganizationRepository organizations;
  private final WorksheetRepository requests;
  private final AgreementService agreements;
  private final EmailService emails;

  OrganizationController(OrganizationRepository organizations, WorksheetRepository requests, AgreementService agreements,
      EmailService emails) {
    this.organizations = organizations;
    this.requests = requests;
    this.agreements = agreements;
    this.emails = emails;
  }

  @GetMapping
  Map<String, Object> organization(@PathVariable long organizationId) {
    Organization o = organization0(organizationId);
    List<OnboardingRequest> rs = requests.findRequestsOfOrganization(organizationId);
    return Map.of("organization", o, "agreement", agreements.status(organizationId), "requests", rs);
  }

  private static final java.util.regex.Pattern ONE_TIME_LINK = java.util.regex.Pattern.compile("/credentials/[A-Za-z0-9]+");

  @GetMapping("/emails")
  List<OutboxEmail> emails(@PathVariable long organizationId) {
    organization0(organizationId);
    // One-time credential links are the organization's alone: staff see that one was sent, not the link (issue 7, item 13).
    return emails.forOrganization(organizationId).stream().map(e -> new OutboxEmail(e.id(), e.organizationId(), e.requestId(), e.template(),
        e.recipients(), e.subject(), e.body() == null ? null : ONE_TIME_LINK.matcher(e.body()).replaceAll("/credentials/[one-time link, sent to the organization only]"),
        e.status(), e.attempts(), e.lastError(), e.createdAt(), e.sentAt())).toList();
  }

  private Organization organization0(long id) {
    return organizations.findById(id).orElseThrow(() -> new NotFoundException("No organization with id " + id + "."));
  }
}
