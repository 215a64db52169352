package org.miic.onboarding.common;

import java.security.SecureRandom;

/**
 * Unguessable random strings for tracking ids, one-time links and passwords, from a cryptographically strong source.
 * The default alphabet is lower-case base32 without look-alike letters (i, l, o, 0, 1).
 */
public final class RandomTokens {

  public static final String LOWER = "abcdefghjkmnpqrstuvwxyz23456789";
  public static final String MIXED = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  public static String next(int length) {
    return next(LOWER, length);
  }

  public static String next(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** True when the candidate has the given length and only characters of the alphabet: a cheap check before a look-up. */
  public static boolean looksLike(String candidate, String alphabet, int length) {
    if (candidate == null || candidate.length() != length) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      if (alphabet.indexOf(candidate.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
