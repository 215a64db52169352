package org.miic.onboarding.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Chooses how emails leave: through SMTP, or recorded in the outbox only ({@code miic.mail.delivery}). */
@Configuration
class MailConfig {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfig.class);

  @Bean
  MailDelivery mailDelivery(@Value("${miic.mail.delivery:smtp}") String mode, @Value("${miic.mail.from}") String from,
      JavaMailSender sender) {
    return switch (mode) {
      case "smtp" -> new MailDelivery() {
        @Override
        public OutboxEmail.Status deliveredStatus() {
          return OutboxEmail.Status.SENT;
        }

        @Override
        public void deliver(OutboxEmail email) {
          try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(InternetAddress.parse(email.recipients()));
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            // A stable id lets a mail server or client recognise the same email should it ever arrive twice.
            message.setHeader("X-MIIC-Outbox-Id", String.valueOf(email.id()));
            sender.send(message);
          } catch (MessagingException | MailException e) {
            throw new EmailDeliveryException("Sending email " + email.id() + " to " + email.recipients() + " failed: "
                + e.getMessage(), e);
          }
        }
      };
      case "outbox-only" -> new MailDelivery() {
        @Override
        public OutboxEmail.Status deliveredStatus() {
          return OutboxEmail.Status.RECORDED;
        }

        @Override
        public void deliver(OutboxEmail email) {
          LOG.info("Email recorded (miic.mail.delivery=outbox-only), not sent: to {} subject '{}'", email.recipients(), email.subject());
        }
      };
      default -> throw new IllegalStateException("miic.mail.delivery must be 'smtp' or 'outbox-only', not '" + mode + "'");
    };
  }
}
