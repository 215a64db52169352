package org.miic.onboarding.messaging.validation.profile;

/** Answers whether a code is in a value set named as the IG names it (HL70001, CVX, NIP001 ...). */
public interface ValueSets {

  /** True when the value set is loaded here; codes of other value sets are not checked. */
  boolean known(String valueSet);

  boolean contains(String valueSet, String code);
}
