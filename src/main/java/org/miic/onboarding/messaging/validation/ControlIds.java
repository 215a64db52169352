package org.miic.onboarding.messaging.validation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message control ids (MSH-10) of what MIIC sends: random UUIDs from the thread's own generator. They must be unique,
 * not secret, and UUID.randomUUID draws from one locked SecureRandom that every message thread waited for (issue 9).
 */
final class ControlIds {

  private ControlIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(most, least).toString();
  }
}
