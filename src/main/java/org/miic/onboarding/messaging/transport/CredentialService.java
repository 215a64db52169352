package org.miic.onboarding.messaging.transport;

import java.time.Clock;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.common.PublicUrls;
import org.miic.onboarding.common.RandomTokens;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials for the message endpoints. Issued per request and environment (TEST at queue entry and invitation,
 * PRODUCTION at go-live) with a one-time link; the password (26 random characters, about 150 bits) is created when the
 * link is first opened, shown that once, and stored only as a keyed hash ({@link SecretHasher}).
 */
@Service
public class CredentialService {


  private final CredentialRepository credentials;
  private final WorksheetService worksheets;
  /** Characters of a generated password: 26 of 57 is about 150 bits, over the 128 that make guessing hopeless. */
  static final int PASSWORD_LENGTH = 26;

  private final SecretHasher hashes;
  private final CredentialLockout lockout;
  private final Clock clock;
  private final PublicUrls urls;

  public CredentialService(CredentialRepository credentials, WorksheetService worksheets, Clock clock, PublicUrls urls,
      CredentialLockout lockout, SecretHasher hashes) {
    this.hashes = hashes;
    this.lockout = lockout;
    this.credentials = credentials;
    this.worksheets = worksheets;
    this.clock = clock;
    this.urls = urls;
  }

  /** What the organization is told once: the username, facility id and password for the endpoints. */
  public record Revealed(String username, String password, String facilityId, ExchangeCredential.Environment environment) {}

  /** Issues the request's credentials for the environment, or returns those already issued. */
  @Transactional
  public ExchangeCredential issue(long requestId, ExchangeCredential.Environment environment) {
    Optional<ExchangeCredential> existing = credentials.activeFor(requestId, environment);
    if (existing.isPresent()) {
      return existing.get();
    }
    OnboardingRequest request = worksheets.request(requestId);
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    String facilityId = worksheet.submittingFor().isEmpty() || worksheet.submittingFor().get(0).facilityId().isBlank()
        ? "ORG" + request.organizationId() : worksheet.submittingFor().get(0).facilityId();
    String username = "miic-" + (environment == ExchangeCredential.Environment.TEST ? "test" : "prod") + "-" + request.organizationId()
        + "-" + RandomTokens.next(6);
    long id = credentials.insert(request.organizationId(), requestId, environment, username, facilityId, RandomTokens.next(32),
        clock.instant());
    return credentials.byId(id).orElseThrow();
  }

  /**
   * Staff replace lost or exposed credentials: the active ones stop working at once and new ones are issued; the
   * returned one-time link is for staff to pass on to the organization.
   */
  @Transactional
  public String reissue(long requestId, ExchangeCredential.Environment environment) {
    Optional<ExchangeCredential> old = credentials.activeFor(requestId, environment);
    old.ifPresent(c -> {
      credentials.revoke(c.id(), clock.instant());
      forget(c.username());
    });
    ExchangeCredential issued = issue(requestId, environment);
    // New credentials of a suspended exchange stay suspended.
    old.map(ExchangeCredential::suspendedReason).ifPresent(reason -> credentials.setSuspended(requestId, reason));
    return urls.of("/credentials/" + issued.revealToken());
  }

  /**
   * Suspends (with the sentence a sender is answered with) or, with null, resumes the request's PRODUCTION
   * credentials. On this node at once; on another within {@link #CACHE_MILLIS}.
   */
  @Transactional
  public void setSuspended(long requestId, String reason) {
    credentials.setSuspended(requestId, reason).forEach(this::forget);
  }

  /** Revokes the request's credentials of both kinds: its exchange ended. At once on this node, within seconds on others. */
  @Transactional
  public void revokeAll(long requestId) {
    for (ExchangeCredential.Environment environment : ExchangeCredential.Environment.values()) {
      credentials.activeFor(requestId, environment).ifPresent(c -> {
        credentials.revoke(c.id(), clock.instant());
        forget(c.username());
      });
    }
  }

  /** The one-time link of credentials not yet revealed, for an email; empty once revealed. */
  public Optional<String> revealLink(long requestId, ExchangeCredential.Environment environment) {
    return credentials.activeFor(requestId, environment).filter(c -> !c.revealed())
        .map(c -> urls.of("/credentials/" + c.revealToken()));
  }

  /** Where a one-time link stands, for the page that opens it: not valid, still to be used, or already used (and when). */
  public record LinkState(boolean valid, Instant shownAt) {}

  public LinkState linkState(String token) {
    return credentials.byRevealToken(token == null ? "" : token.toLowerCase(Locale.ROOT)).filter(ExchangeCredential::active)
        .map(c -> new LinkState(true, c.revealedAt())).orElse(new LinkState(false, null));
  }

  /** Opens the one-time link: creates the password and shows it, once. */
  @Transactional
  public Revealed reveal(String token) {
    ExchangeCredential c = credentials.byRevealToken(token == null ? "" : token.toLowerCase(Locale.ROOT))
        .filter(ExchangeCredential::active)
        .orElseThrow(() -> new NotFoundException("This credentials link is not valid. Ask MIIC onboarding staff for new credentials."));
    if (c.revealed()) {
      throw new ConflictException("These credentials were already shown on " + org.miic.onboarding.common.LocalTimes.format(c.revealedAt())
          + ". For your security they are shown only once; ask MIIC onboarding staff to issue new ones if they were lost.");
    }
    String password = RandomTokens.next(RandomTokens.MIXED, PASSWORD_LENGTH);
    forget(c.username());
    if (!credentials.reveal(c.id(), hashes.hash(password), clock.instant())) {
      throw new ConflictException("These credentials were just shown to someone else; ask MIIC onboarding staff for new ones.");
    }
    return new Revealed(c.username(), password, c.facilityId(), c.environment());
  }

  /**
   * The active, revealed credential these values identify. facilityID, when the caller sends one, must be a facility
   * the organization submits for: the credential's own, or any facility ID on the request's current worksheet. Known and
   * unknown usernames cost the same (one keyed hash and a constant-time comparison each).
   */
  public Optional<ExchangeCredential> authenticate(String username, String password, String facilityId) {
    if (username == null || password == null || username.isBlank() || password.isBlank()) {
      return Optional.empty();
    }
    String name = username.trim();
    if (lockout.locked(name, clock.instant())) {
      hashes.matchesDummy(password); // the same work as any other answer
      return Optional.empty();
    }
    Optional<ExchangeCredential> known = cached(name).filter(ExchangeCredential::active).filter(c -> c.passwordHash() != null);
    boolean passwordOk = known.isPresent() ? hashes.matches(password, known.get().passwordHash()) : hashes.matchesDummy(password);
    Optional<ExchangeCredential> ok = known.filter(c -> passwordOk).filter(c -> mayUseFacility(c, facilityId));
    if (ok.isPresent()) {
      lockout.succeeded(name);
      if (ok.get().suspended()) {
        // Told only to the holder of the password: who is asking has proven to be the organization.
        throw new ExchangeSuspendedException(ok.get().suspendedReason());
      }
      if (SecretHasher.isLegacy(ok.get().passwordHash())) {
        // A BCrypt hash of before: verified once the slow way, kept as the keyed hash from now on.
        credentials.rehash(ok.get().id(), ok.get().passwordHash(), hashes.hash(password));
        forget(name);
      }
    } else {
      lockout.failed(name, clock.instant());
    }
    return ok;
  }

  /** How long a credential read for a sign-in is reused: one read per sender and second instead of one per message. */
  static final long CACHE_MILLIS = 5_000;
  private record Cached(Optional<ExchangeCredential> credential, long until) {}
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The credential of a username, read at most every {@link #CACHE_MILLIS}. A reissue, reveal or revocation on this
   * node forgets it at once; on another node it takes effect within that time (the README says so).
   */
  private Optional<ExchangeCredential> cached(String username) {
    long now = System.currentTimeMillis();
    Cached hit = cache.get(username);
    if (hit != null && hit.until() > now) {
      return hit.credential();
    }
    if (cache.size() > 10_000) {
      cache.clear(); // made-up usernames must not fill memory
    }
    Optional<ExchangeCredential> read = credentials.byUsername(username);
    cache.put(username, new Cached(read, now + CACHE_MILLIS));
    return read;
  }

  private void forget(String username) {
    cache.remove(username);
  }

  /** The credential's own facility, or one on the request's current worksheet (one indexed query, only for another). */
  private boolean mayUseFacility(ExchangeCredential c, String facilityId) {
    if (facilityId == null || facilityId.isBlank()) {
      return true;
    }
    String id = facilityId.trim().toUpperCase(Locale.ROOT);
    return c.facilityId().toUpperCase(Locale.ROOT).equals(id) || c.requestId() != null && credentials.worksheetListsFacility(c.requestId(), id);
  }

  public List<ExchangeCredential> forOrganization(long organizationId) {
    return credentials.forOrganization(organizationId);
  }
}
