package org.miic.onboarding.worksheet;

import java.security.SecureRandom;

/**
 * Tracking ids are the organization's only key to its request (status page, corrections), so they must not be
 * guessable: 120 random bits, written in 24 characters of lower-case base32 without look-alike letters.
 */
final class TrackingIds {

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingIds() {}

  static String next() {
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /** A cheap shape check before any database look-up. */
  static boolean looksValid(String candidate) {
    if (candidate == null || candidate.length() != 24) {
      return false;
    }
    for (char c : candidate.toCharArray()) {
      if (new String(ALPHABET).indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
