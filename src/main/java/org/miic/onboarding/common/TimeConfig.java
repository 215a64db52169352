package org.miic.onboarding.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock, in Minnesota's time zone. Tests replace it to move time together with the engine. */
@Configuration
public class TimeConfig {

  @Bean
  @ConditionalOnMissingBean
  public Clock clock(@Value("${miic.time-zone:America/Chicago}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
