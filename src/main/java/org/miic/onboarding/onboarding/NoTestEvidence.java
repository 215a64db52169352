package org.miic.onboarding.onboarding;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until automatic message testing is installed, the forms say so instead of showing an empty panel. */
public class NoTestEvidence implements TestEvidenceProvider {

  @Override
  public String evidenceMarkdown(long requestId, TestingPhase phase) {
    return "No automatic test evidence is recorded for " + phase.label().toLowerCase(java.util.Locale.ROOT)
        + ". Judge the test messages exchanged with the organization and note what you found.";
  }

  @Configuration
  static class Default {
    @Bean
    @ConditionalOnMissingBean(TestEvidenceProvider.class)
    TestEvidenceProvider noTestEvidence() {
      return new NoTestEvidence();
    }
  }
}
