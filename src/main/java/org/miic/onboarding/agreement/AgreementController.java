package org.miic.onboarding.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff record signed MIIC User Agreements (first ones and renewals). */
@RestController
@RequestMapping("/api/organizations/{organizationId}/agreements")
class AgreementController {

  private final AgreementService agreements;

  AgreementController(AgreementService agreements) {
    this.agreements = agreements;
  }

  record AgreementInput(
      @NotBlank(message = "Enter the name of the person who signed.") @Size(max = 200) String signerName,
      @Size(max = 200) String signerTitle,
      @Email(message = "Enter a valid email address.") @Size(max = 320) String signerEmail,
      @NotNull(message = "Enter the signing date (YYYY-MM-DD).") LocalDate signedOn) {}

  @PostMapping
  ResponseEntity<UserAgreement> record(@PathVariable long organizationId, @Valid @RequestBody AgreementInput in, Principal who) {
    UserAgreement a = agreements.record(organizationId,
        new AgreementService.Signature(in.signerName(), in.signerTitle(), in.signerEmail(), in.signedOn()), who.getName());
    return ResponseEntity.created(URI.create("/api/organizations/" + organizationId + "/agreements")).body(a);
  }

  @GetMapping
  Map<String, Object> list(@PathVariable long organizationId) {
    List<UserAgreement> all = agreements.history(organizationId);
    return Map.of("status", agreements.status(organizationId), "agreements", all);
  }
}
