package org.miic.onboarding.worksheet;

import org.miic.onboarding.common.RandomTokens;

/**
 * Tracking ids are the organization's only key to its request (status page, corrections), so they must not be
 * guessable: 24 characters of lower-case base32 without look-alike letters, about 119 random bits.
 */
final class TrackingIds {

  private static final int LENGTH = 24;

  private TrackingIds() {}

  static String next() {
    return RandomTokens.next(LENGTH);
  }

  /** A cheap shape check before any database look-up. */
  static boolean looksValid(String candidate) {
    return RandomTokens.looksLike(candidate, RandomTokens.LOWER, LENGTH);
  }
}
