package org.miic.onboarding.messaging.transport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff: a request's exchange credentials (never their secrets), and reissuing them when lost or exposed. */
@RestController
@RequestMapping("/api/onboardings/{trackingId}/credentials")
class CredentialsController {

  private final CredentialService credentials;
  private final WorksheetService worksheets;

  CredentialsController(CredentialService credentials, WorksheetService worksheets) {
    this.credentials = credentials;
    this.worksheets = worksheets;
  }

  record CredentialView(String environment, String username, String facilityId, Instant issuedAt, Instant revealedAt, Instant revokedAt) {}

  @GetMapping
  List<CredentialView> list(@PathVariable String trackingId) {
    OnboardingRequest request = worksheets.request(trackingId);
    return credentials.forOrganization(request.organizationId()).stream()
        .filter(c -> c.requestId() != null && c.requestId() == request.id())
        .map(c -> new CredentialView(c.environment().name(), c.username(), c.facilityId(), c.issuedAt(), c.revealedAt(), c.revokedAt()))
        .toList();
  }

  @PostMapping("/{environment}/reissue")
  Map<String, String> reissue(@PathVariable String trackingId, @PathVariable String environment) {
    ExchangeCredential.Environment env;
    try {
      env = ExchangeCredential.Environment.valueOf(environment.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Environment must be TEST or PRODUCTION, not '" + environment + "'.");
    }
    String link = credentials.reissue(worksheets.request(trackingId).id(), env);
    return Map.of("environment", env.name(), "oneTimeLink", link,
        "note", "The previous credentials no longer work. Send this link to the organization's technical contact; it shows the new password once.");
  }
}
