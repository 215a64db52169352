package org.miic.onboarding.messaging.validation;

import java.util.Set;

/** The LOINC observation identifiers (OBX-3, value set NIP003) the IG's VXU uses and the rules read. */
public final class Observations {

  /** VFC eligibility of the patient at this dose (OBX-5 from HL7 table 0064). */
  public static final String VFC_ELIGIBILITY = "64994-7";
  /** Funding source of the dose given (OBX-5 from CDC value set PHVS_ImmunizationFundingSource / HL7 0396 codes). */
  public static final String FUNDING_SOURCE = "30963-3";
  /** VIS document type (bar code, OBX-5 a GDTI from the CDC's VIS table). */
  public static final String VIS_DOCUMENT = "69764-9";
  /** Vaccine type a VIS is for (OBX-5 CVX) when the VIS is identified by type and edition date. */
  public static final String VIS_VACCINE_TYPE = "30956-7";
  /** VIS edition (publication) date. */
  public static final String VIS_PUBLISHED = "29768-9";
  /** VIS presented to the patient on this date. */
  public static final String VIS_PRESENTED = "29769-7";
  /** Every VIS observation. */
  public static final Set<String> VIS = Set.of(VIS_DOCUMENT, VIS_PRESENTED, VIS_PUBLISHED, VIS_VACCINE_TYPE);

  private Observations() {}
}
