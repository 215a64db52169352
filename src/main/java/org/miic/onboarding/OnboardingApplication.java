package org.miic.onboarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** MIIC Exchange Onboarding: a Camunda 7 process application on Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OnboardingApplication {

  public static void main(String[] args) {
    SpringApplication.run(OnboardingApplication.class, args);
  }
}
