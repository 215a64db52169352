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

  @GetMapping("/emails")
  List<OutboxEmail> emails(@PathVariable long organizationId) {
    organization0(organizationId);
    return emails.forOrganizationStaff(organizationId);
  }

  private Organization organization0(long id) {
    return organizations.findById(id).orElseThrow(() -> new NotFoundException("No organization with id " + id + "."));
  }
}
