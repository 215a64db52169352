package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guessing and load (issue 7, item 12): repeated failed sign-ins lock a credential for a while, unknown usernames cost
 * the same work as known ones, and the anonymous validator answers one address a limited number of times a minute.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class RateLimitAndLockoutTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired CredentialService credentials;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;

  @Test
  void fiveFailedSignInsLockTheCredentialForFifteenMinutes(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    long org = organizations.findOrCreate("Ash Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Ash Clinic"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    for (int i = 0; i < 5; i++) {
      assertThat(credentials.authenticate(login.username(), "guess-" + i, null)).isEmpty();
    }
    assertThat(credentials.authenticate(login.username(), login.password(), null)).as("locked, even with the right password").isEmpty();
    // The lock is logged once, at WARN (a client's mistake, not an error of the application), naming the username.
    java.util.List<String> lockLines = output.getOut().lines().filter(l -> l.contains("CredentialLockout")).toList();
    assertThat(lockLines).singleElement().satisfies(line -> assertThat(line)
        .contains(" WARN ").doesNotContain(" ERROR ")
        .contains("Exchange credential '" + login.username() + "' locked until").contains("after 5 failed sign-ins in a row"));
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"))).andExpect(status().isUnauthorized());
    advance(Duration.ofMinutes(16));
    assertThat(credentials.authenticate(login.username(), login.password(), null)).isPresent();
  }

  @Autowired CredentialRepository repository;
  @Autowired org.miic.onboarding.worksheet.WorksheetService worksheetService;
  @Autowired org.miic.onboarding.common.PublicUrls urls;
  @Autowired CredentialLockout lockout;
  @Autowired SecretHasher hasher;

  /** Counts the secret checks of each kind, so that a test can see that every answer did the same work. */
  static final class CountingHasher extends SecretHasher {
    int real;
    int dummy;

    CountingHasher(org.springframework.jdbc.core.JdbcTemplate jdbc) {
      super(java.util.Base64.getEncoder().encodeToString(new byte[32]), jdbc);
    }

    @Override
    public boolean matches(String secret, String stored) {
      real++;
      return super.matches(secret, stored);
    }

    @Override
    public boolean matchesDummy(String secret) {
      dummy++;
      return super.matchesDummy(secret);
    }
  }

  @Test
  void unknownAndKnownUsernamesCostTheSameKeyedHashAndSecretsAreLongEnough() {
    OnboardingRequest request = submit(Worksheets.complete("Aspen Clinic"));
    CountingHasher counting = new CountingHasher(jdbc);
    CredentialService service = new CredentialService(repository, worksheetService, java.time.Clock.systemUTC(), urls, lockout, counting);
    CredentialService.Revealed login = service.reveal(service.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    assertThat(login.password()).hasSize(26); // 26 of 57 characters: about 152 bits
    assertThat(jdbc.queryForObject("select password_hash from miic_exchange_credential where username = ?", String.class, login.username()))
        .startsWith("hmac-sha256:").doesNotContain(login.password());

    assertThat(service.authenticate("nobody-" + System.nanoTime(), "whatever", null)).isEmpty();
    assertThat(counting.dummy).as("an unknown username is checked against a dummy hash").isEqualTo(1);
    assertThat(service.authenticate(login.username(), "wrong", null)).isEmpty();
    assertThat(service.authenticate(login.username(), login.password(), null)).isPresent();
    assertThat(counting.real).as("a known username: one check each time").isEqualTo(2);
    assertThat(counting.real + counting.dummy).isEqualTo(3);
  }

  @Test
  void aBcryptHashOfBeforeStillWorksAndBecomesAKeyedHash() {
    OnboardingRequest request = submit(Worksheets.complete("Balsam Clinic"));
    ExchangeCredential issued = credentials.issue(request.id(), ExchangeCredential.Environment.TEST);
    String password = "an-old-password-of-twenty";
    jdbc.update("update miic_exchange_credential set password_hash = ?, revealed_at = current_timestamp where id = ?",
        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password), issued.id());
    assertThat(credentials.authenticate(issued.username(), password, null)).isPresent();
    String now = jdbc.queryForObject("select password_hash from miic_exchange_credential where id = ?", String.class, issued.id());
    assertThat(now).isEqualTo(hasher.hash(password));
    assertThat(credentials.authenticate(issued.username(), password, null)).isPresent();
    assertThat(credentials.authenticate(issued.username(), "wrong", null)).isEmpty();
  }

  @Test
  void theValidatorAnswersOneAddressAtMostItsLimitAMinute() throws Exception {
    for (int i = 0; i < 500; i++) {
      mvc.perform(post("/api/hl7/validate").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })
          .contentType(MediaType.TEXT_PLAIN).content("x")).andExpect(status().isOk());
    }
    mvc.perform(post("/api/hl7/validate").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; }).contentType(MediaType.TEXT_PLAIN).content("x"))
        .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    mvc.perform(post("/api/hl7/validate").with(r -> { r.setRemoteAddr("203.0.113.10"); return r; }).contentType(MediaType.TEXT_PLAIN).content("x"))
        .andExpect(status().isOk());
  }
}
