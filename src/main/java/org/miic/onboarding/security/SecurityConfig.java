package org.miic.onboarding.security;

import jakarta.servlet.Filter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.miic.onboarding.ProcessConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Anonymous: the worksheet form and API, the status page, health. Staff APIs: HTTP basic with a
 * Camunda user in miic-onboarding-staff or miic-admin. /engine-rest: HTTP basic checked by the engine's own filter, with
 * authorization checks on. The Camunda webapps (/camunda) keep their own login.
 */
@Configuration
public class SecurityConfig {

  public static final String ROLE_STAFF = "STAFF";

  /** The engine REST API: Camunda's authentication filter, so every call runs as an authenticated engine user. */
  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(101);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    // The webapps have their own session login and CSRF protection; the engine REST API its own filter (above).
    http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /**
   * The HL7 endpoints: the anonymous pre-test, and the message endpoints (HTTPS POST and SOAP) where organizations
   * authenticate with their exchange credentials, checked by the endpoints themselves (not staff accounts).
   */
  @Bean
  @Order(2)
  SecurityFilterChain hl7Chain(HttpSecurity http) throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/hl7/**"), path("/iis/**")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  /**
   * The staff workspace: signed in with the Camunda user and password (members of miic-onboarding-staff or miic-admin),
   * a session, CSRF tokens on every form.
   */
  @Bean
  @Order(3)
  SecurityFilterChain staffChain(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
    http.securityMatcher(path("/staff/**"))
        .authenticationProvider(camundaUsers)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/staff/login", "/staff/denied").permitAll()
            .anyRequest().hasRole(ROLE_STAFF))
        .formLogin(f -> f.loginPage("/staff/login").loginProcessingUrl("/staff/login").defaultSuccessUrl("/staff", false)
            .failureUrl("/staff/login?error"))
        .logout(l -> l.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signedOut"))
        .exceptionHandling(e -> e.accessDeniedPage("/staff/denied"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'self'")));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain apiChain(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
    http.securityMatcher(path("/api/**"))
        .authenticationProvider(camundaUsers)
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.POST, "/api/worksheets").permitAll()
            .requestMatchers(HttpMethod.PUT, "/api/worksheets/*").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/worksheets/*/status").permitAll()
            .anyRequest().hasRole(ROLE_STAFF))
        .httpBasic(b -> b.realmName("MIIC Exchange Onboarding"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A JSON API authenticated per request carries no cookie to forge.
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain pagesChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/", "/worksheet", "/worksheet/**", "/status/**", "/validate", "/credentials/**", "/report/**", "/css/**", "/error",
                "/favicon.ico",
                "/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().denyAll())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; style-src 'self'; form-action 'self'")));
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    // Path patterns, not MVC matchers: /camunda and /engine-rest are served by servlets other than Spring MVC's.
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * No Micrometer observation around every security filter of every request: nothing reads them, and on the message
   * path they cost about a tenth of the CPU (issue 9).
   */
  @Bean
  static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
    return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
  }

  /** Staff sign in with their Camunda user; membership in a MIIC group makes them staff. */
  @Bean
  AuthenticationProvider camundaUsers(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identity.checkPassword(user, password)) {
          throw new BadCredentialsException("Unknown user or wrong password");
        }
        boolean staff = identity.createGroupQuery().groupMember(user)
            .groupIdIn(ProcessConstants.GROUP_STAFF, ProcessConstants.GROUP_ADMIN).count() > 0;
        return new UsernamePasswordAuthenticationToken(user, null,
            staff ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE_STAFF)) : List.of());
      }

      @Override
      public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
      }
    };
  }
}
