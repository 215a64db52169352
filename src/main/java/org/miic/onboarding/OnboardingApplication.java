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

  private static final String DATATYPE_FACTORY = javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  public static void main(String[] args) {
    // The engine makes a DatatypeFactory for every timer it schedules; unnamed, each one searches the whole class path
    // for a provider (none is there: the JDK's own is the answer). Named, the search is skipped.
    if (System.getProperty(DATATYPE_FACTORY) == null) {
      System.setProperty(DATATYPE_FACTORY, javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
    SpringApplication.run(OnboardingApplication.class, args);
  }
}
