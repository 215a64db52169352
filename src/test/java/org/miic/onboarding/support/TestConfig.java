package org.miic.onboarding.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

  @Bean
  @Primary
  Clock engineClock() {
    return new EngineClock();
  }
}
