package org.miic.onboarding.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links to this application for emails, the WSDL and API answers, from {@code miic.public-base-url}. */
@Component
public class PublicUrls {

  private final String base;

  public PublicUrls(@Value("${miic.public-base-url}") String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The base URL without a trailing slash. */
  public String base() {
    return base;
  }

  /** An absolute link to a path of this application ("/status/abc"). */
  public String of(String path) {
    return base + (path.startsWith("/") ? path : "/" + path);
  }
}
