package se.kvalitetsarbete.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's sender and the reminders run on Spring's scheduler (MailOutbox, DueDateReminders). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MailConfiguration {}
