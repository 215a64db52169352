package org.miic.onboarding.queue;

/** One line of an entry's score: which factor, how many points, and why. */
public record PriorityFactor(String factor, int points, String reason) {

  public static final String COMPLETENESS = "COMPLETENESS";
  public static final String MNVFC = "MNVFC_ENROLLMENT";
  public static final String VOLUME = "IMMUNIZATION_VOLUME";
  public static final String MULTIPLE_ORGANIZATIONS = "MULTIPLE_ORGANIZATIONS";
  public static final String ORGANIZATION_TYPE = "ORGANIZATION_TYPE";
  public static final String FORMAT_AND_TRANSPORT = "FORMAT_AND_TRANSPORT";
  public static final String WAITING_TIME = "WAITING_TIME";
  public static final String READINESS = "READINESS";
  public static final String STAFF_ADJUSTMENT = "STAFF_ADJUSTMENT";
}
