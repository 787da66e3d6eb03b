package se.kvalitetsarbete.calendar;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's school calendar, imported once (when the calendar is empty) with the "demo" profile:
 * {@code demo/school-calendar-demo.csv}, läsåren 2025/26 – 2028/29 with dates like those a Skåne
 * municipality publishes (sportlov week 8, höstlov week 44, a lovdag after Kristi himmelsfärd).
 * Illustrative, not any municipality's decision: the administration imports its own.
 */
@Component
@Profile("demo")
public class DemoSchoolCalendar {

  static final String FILE = "demo/school-calendar-demo.csv";

  private static final Logger LOG = LoggerFactory.getLogger(DemoSchoolCalendar.class);

  private final CalendarImport importer;
  private final CalendarYearRepository years;

  public DemoSchoolCalendar(CalendarImport importer, CalendarYearRepository years) {
    this.importer = importer;
    this.years = years;
  }

  /** Before the demo's round starts (DemoDataGenerator, order 1): its tasks get their due dates from it. */
  @EventListener
  @Order(0)
  public void onPostDeploy(PostDeployEvent event) {
    if (years.count() > 0) {
      return;
    }
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      LOG.info("Demodata: skolkalender från {}. {}", FILE, importer.importCsv(in.readAllBytes()).message());
    } catch (IOException | RuntimeException e) {
      LOG.warn("Demodata: kunde inte läsa in skolkalendern från {}: {}", FILE, e.getMessage(), e);
    }
  }
}
