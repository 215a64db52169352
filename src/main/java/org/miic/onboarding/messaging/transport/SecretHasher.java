package org.miic.onboarding.messaging.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks exchange secrets. They are machine secrets MIIC generates with over 128 bits of entropy, so a slow
 * password hash buys nothing (nobody can guess them) and costs 80 ms a message (issue 9): they are kept as an
 * HMAC-SHA256 under a server key and compared in constant time. The key comes from {@code miic.credentials.hash-key}
 * (base64, 32 bytes or more) or, unset, is generated once and kept in the database. Hashes made before (BCrypt) still
 * verify; CredentialService rewrites them as HMACs at the first successful sign-in.
 */
@Component
public class SecretHasher {

  static final String PREFIX = "hmac-sha256:";
  private static final String SETTING = "credential-hash-key";
  private static final BCryptPasswordEncoder LEGACY = new BCryptPasswordEncoder();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  /** What unknown usernames are checked against, so that their answer costs what a known one costs. */
  private final String dummy;

  public SecretHasher(@Value("${miic.credentials.hash-key:}") String configured, JdbcTemplate jdbc) {
    byte[] raw = configured == null || configured.isBlank() ? stored(jdbc) : Base64.getDecoder().decode(configured.trim());
    if (raw.length < 32) {
      throw new IllegalStateException("miic.credentials.hash-key must be at least 32 bytes (base64), not " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    this.dummy = hash(Base64.getEncoder().encodeToString(random(24)));
  }

  public String hash(String secret) {
    return PREFIX + Base64.getEncoder().encodeToString(mac(secret));
  }

  /** Whether the secret matches the stored hash (an HMAC in constant time, or a BCrypt hash of before). */
  public boolean matches(String secret, String stored) {
    if (stored == null) {
      return matchesDummy(secret);
    }
    if (isLegacy(stored)) {
      return LEGACY.matches(secret, stored);
    }
    return constantTimeEquals(hash(secret), stored);
  }

  /** The same work as a real check, for a username that does not exist: always false. */
  public boolean matchesDummy(String secret) {
    constantTimeEquals(hash(secret), dummy);
    return false;
  }

  public static boolean isLegacy(String stored) {
    return stored != null && stored.startsWith("$2");
  }

  private byte[] mac(String secret) {
    Mac mac = macs.get();
    return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** The key kept in miic_setting, made on the first start (two nodes starting together agree: the first insert wins). */
  private static byte[] stored(JdbcTemplate jdbc) {
    List<String> found = jdbc.queryForList("select setting_value from miic_setting where name = ?", String.class, SETTING);
    if (found.isEmpty()) {
      try {
        jdbc.update("insert into miic_setting (name, setting_value) values (?, ?)", SETTING, Base64.getEncoder().encodeToString(random(32)));
      } catch (DuplicateKeyException raced) {
        // another node made it first
      }
      found = jdbc.queryForList("select setting_value from miic_setting where name = ?", String.class, SETTING);
    }
    return Base64.getDecoder().decode(found.get(0));
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
